/**
 * Errors of the Sheets host in the user's words: the server's own (CCHC:code, see ../protocol.ts) and the ones
 * Apps Script and the sidebar's connection produce. Never a stack trace: one sentence, and the detail of an
 * unknown error cut to its first line.
 */
import type { Lang } from '../../../shared/src/report/messages';
import { ERROR_PREFIX } from '../protocol';

type Words = Record<Lang, (detail: string) => string>;

const OWN: Record<string, Words> = {
  'sheet-missing': {
    vi: (d) => `Không tìm thấy trang tính "${d}": có thể đã đổi tên hoặc bị xóa. Hãy kiểm tra lại.`,
    en: (d) => `The sheet "${d}" was not found: it may have been renamed or deleted. Please check again.`,
  },
  'bad-argument': {
    vi: () => 'Ngăn kiểm tra gửi yêu cầu không hợp lệ; hãy đóng và mở lại ngăn.',
    en: () => 'The sidebar sent an invalid request; please close and reopen it.',
  },
};

/** Apps Script's own messages (English whatever the user's language), matched by what they say. */
const KNOWN: { test: RegExp; words: Record<Lang, string> }[] = [
  {
    test: /authori[sz]ation is required|permission|not have access|access denied/i,
    words: {
      vi: 'Tiện ích chưa được cấp quyền trên tệp này: mở lại từ trình đơn Tiện ích mở rộng và chấp nhận quyền truy cập.',
      en: 'The add-on is not authorised in this file: open it again from the Extensions menu and allow access.',
    },
  },
  {
    test: /protected cell|protected range|trying to edit a protected/i,
    words: {
      vi: 'Vùng này đang được bảo vệ: người được quyền sửa cần mở khóa trước.',
      en: 'This range is protected: someone allowed to edit it must unlock it first.',
    },
  },
  {
    test: /timed out|exceeded maximum execution time|service .* failed|try again later|too many/i,
    words: {
      vi: 'Google Trang tính không trả lời kịp; hãy thử lại sau ít phút.',
      en: 'Google Sheets did not answer in time; please try again in a few minutes.',
    },
  },
  {
    test: /networkerror|network error|failed to fetch|connection/i,
    words: {
      vi: 'Mất kết nối với Google Trang tính; kiểm tra mạng rồi thử lại.',
      en: 'The connection to Google Sheets was lost; check the network and try again.',
    },
  },
];

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  const m = (e as { message?: unknown } | null)?.message;
  return typeof m === 'string' ? m : '';
}

function firstLine(text: string): string {
  const line = text
    .split(/\r?\n/)[0]
    .replace(/^(Exception|ScriptError|Error):\s*/i, '')
    .trim()
    .replace(/[.。]+$/, '');
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}

export function explainError(e: unknown, lang: Lang): string {
  const raw = messageOf(e);
  const own = raw.indexOf(ERROR_PREFIX);
  if (own >= 0) {
    const [code, ...rest] = raw.slice(own + ERROR_PREFIX.length).split(' ');
    const words = OWN[code];
    if (words) return words[lang](rest.join(' ').split(/\r?\n/)[0]);
  }
  for (const k of KNOWN) if (k.test.test(raw)) return k.words[lang];
  const detail = firstLine(raw);
  if (lang === 'vi')
    return detail ? `Google Trang tính báo lỗi: ${detail}.` : 'Đã xảy ra lỗi không mong đợi; hãy thử lại.';
  return detail
    ? `Google Sheets reported an error: ${detail}.`
    : 'Something unexpected went wrong; please try again.';
}
