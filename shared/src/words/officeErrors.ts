/**
 * What the Excel task pane says when Excel refuses: one sentence per Office.js error code, in Vietnamese and
 * English side by side, with what to do. Codes that name the same trouble share a sentence (ALIASES).
 */
import type { Lang } from '../report/messages';

const MESSAGES: Record<string, Record<Lang, string>> = {
  AccessDenied: {
    vi: 'Trang tính đang được bảo vệ hoặc không cho phép sửa; hãy bỏ bảo vệ (Xem lại > Bỏ bảo vệ trang tính) rồi thử lại.',
    en: 'The sheet is protected or read-only; unprotect it (Review > Unprotect Sheet) and try again.',
  },
  ItemNotFound: {
    vi: 'Không tìm thấy trang tính hoặc ô cần dùng; có thể nó vừa bị đổi tên hoặc xóa, hãy kiểm tra lại.',
    en: 'A sheet or cell the add-in needs was not found; it may have been renamed or deleted, so check again.',
  },
  InvalidArgument: {
    vi: 'Excel không nhận dữ liệu mà tiện ích gửi (địa chỉ ô, tên hoặc định dạng không hợp lệ); hãy thử lại.',
    en: 'Excel did not accept what the add-in sent (an invalid cell address, name or format); please try again.',
  },
  InvalidSelection: {
    vi: 'Hãy chọn một vùng ô liền nhau (không chọn biểu đồ, hình hay nhiều vùng cùng lúc) rồi thử lại.',
    en: 'Select one block of cells (not a chart, a picture or several areas at once) and try again.',
  },
  PayloadTooLarge: {
    vi: 'Bảng quá lớn để đọc hoặc ghi một lần; hãy chọn một phần của bảng và kiểm tra từng phần.',
    en: 'The table is too large to read or write at once; select part of it and check it piece by piece.',
  },
  InsertDeleteConflict: {
    vi: 'Thao tác chèn hoặc xóa ô bị vướng một bảng, vùng gộp ô hoặc bộ lọc trên trang tính.',
    en: 'An insert or delete clashed with a table, merged cells or a filter on the sheet.',
  },
  GeneralException: {
    vi: 'Excel gặp lỗi nội bộ khi xử lý yêu cầu; hãy thử lại, nếu vẫn lỗi thì lưu tệp và mở lại Excel.',
    en: 'Excel hit an internal error; try again, and if it persists save the file and restart Excel.',
  },
  ApiNotFound: {
    vi: 'Phiên bản Excel này chưa hỗ trợ chức năng này; hãy cập nhật Excel (Microsoft 365) hoặc dùng Excel trên web.',
    en: 'This version of Excel does not support this feature yet; update Excel (Microsoft 365) or use Excel on the web.',
  },
  InvalidOperationInCellEditMode: {
    vi: 'Excel đang ở chế độ sửa ô; hãy nhấn Enter hoặc Esc rồi thử lại.',
    en: 'Excel is editing a cell; press Enter or Esc and try again.',
  },
  ItemAlreadyExists: {
    vi: 'Tên trang tính hoặc tên vùng này đã có trong sổ làm việc.',
    en: 'A sheet or a defined name with this name already exists in the workbook.',
  },
  MergedRangeConflict: {
    vi: 'Vùng gộp ô chồng lên một vùng gộp ô khác.',
    en: 'A merged range overlaps another merged range.',
  },
  InvalidOperation: {
    vi: 'Excel không cho phép thao tác này trên trang hiện tại (có thể là trang biểu đồ hoặc bảng Pivot).',
    en: 'Excel does not allow this on the current sheet (it may be a chart sheet or a PivotTable).',
  },
  Busy: {
    vi: 'Excel đang bận hoặc yêu cầu bị hủy; hãy thử lại sau giây lát.',
    en: 'Excel is busy or the request was cancelled; try again in a moment.',
  },
  Conflict: {
    vi: 'Tệp vừa được người khác thay đổi cùng lúc; hãy thử lại.',
    en: 'Someone else changed the file at the same time; try again.',
  },
};

const ALIASES: Record<string, string> = {
  RequestPayloadSizeLimitExceeded: 'PayloadTooLarge',
  ResponsePayloadSizeLimitExceeded: 'PayloadTooLarge',
  RangeExceedsLimit: 'PayloadTooLarge',
  OperationCellsExceedLimit: 'PayloadTooLarge',
  UnsupportedOperation: 'InvalidOperation',
  UnsupportedSheet: 'InvalidOperation',
  NotImplemented: 'ApiNotFound',
  ActivityLimitReached: 'Busy',
  RequestAborted: 'Busy',
  Timeout: 'Busy',
  ServiceNotAvailable: 'Busy',
};

/** The first line of a message, shortened: never a stack trace. */
function firstLine(text: string): string {
  const line = text
    .split(/\r?\n/)[0]
    .trim()
    .replace(/[.。]+$/, '');
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}

/** The sentence for an Office.js error code; one that names the code for a code this catalogue lacks. */
export function officeErrorText(code: string, lang: Lang): string {
  const known = MESSAGES[ALIASES[code] ?? code];
  if (known) return known[lang];
  return lang === 'vi'
    ? `Excel báo lỗi (${code}); hãy thử lại.`
    : `Excel reported an error (${code}); please try again.`;
}

/** An error with no code: its message's first line (never a stack trace), or nothing when it has none. */
export function unexpectedErrorText(message: string, lang: Lang): string {
  const detail = firstLine(message);
  if (lang === 'vi')
    return detail ? `Đã xảy ra lỗi không mong đợi: ${detail}.` : 'Đã xảy ra lỗi không mong đợi.';
  return detail ? `Something unexpected went wrong: ${detail}.` : 'Something unexpected went wrong.';
}
