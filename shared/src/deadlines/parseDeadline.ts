/**
 * Reads the deadline column ("Thời gian thực hiện / hoàn thành") of a task list: real date cells, dd/mm/yyyy
 * text, months, quarters, parts of the year, recurring work ("Thường xuyên") and deadlines set by someone else
 * ("Theo kế hoạch của tỉnh"). See DOMAIN.md, "How deadlines are written".
 */
import type { DeadlineKind } from '../report/schema';
import type { CellValue } from '../table/grid';
import { isDateFormat } from '../table/numberFormat';
import { foldKey, lowerKey, normalizeText } from '../text/normalize';
import {
  dateToYMD,
  daysInMonth,
  endOfQuarter,
  formatDateVi,
  isValidYMD,
  serialToYMD,
  validIso,
} from './calendar';

/** Read-only: rows with the same phrase share one memoised result. */
export interface ParsedDeadline {
  /** The cell as the user sees it, normalised ('' for blanks). */
  readonly text: string;
  readonly kind: DeadlineKind;
  /** YYYY-MM-DD of the last milestone; null unless kind is 'date'. */
  readonly due: string | null;
  /** Every due date found in the cell, sorted and distinct (also kept when a later part makes it recurring). */
  readonly milestones: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Patterns. All run on folded text (lower case, no diacritics), where "quý" (quarter) has first been rewritten
// to the sentinel "qy": folded, it would collide with "quy" of "quy định". Plain "quy" is still accepted where the
// context cannot be "quy định" (followed by a Roman numeral), for text typed without diacritics.

const QUARTER_WORD = /qu[ýí]|qúy/g;
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;

const DOC_WORD = String.raw`ke hoach|quyet dinh|nghi dinh|nghi quyet|thong tu|cong van|chi thi|van ban|thong bao|kh|qd|nd|nq|tt|cv|ct|tb`;
// A document's date, including template blanks such as "ngày    /    /2025".
const DOC_DATE = String.raw`(?:\s*,?\s*(?:ban hanh\s+)?ngay\s*(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{1,2}\s+thang\s+\d{1,2}(?:\s+nam\s+\d{2,4})?|[\d\s._…]*\/[\d\s._…]*\/\s*\d{0,4}))?`;
// "3989/kh-ubnd", "107/2021/nd-cp", "/qd-ubnd" (number left blank): the code after the slash starts with a letter.
const DOC_NUMBER = String.raw`\d*\s*\/\s*(?:\d{2,4}\s*\/\s*)?[a-z][0-9a-z.\-]*(?:\/[0-9a-z.\-]+)*`;
/** "Kế hoạch số 3989/KH-UBND ngày 21/11/2022": the number and date go, the word stays ("Theo kế hoạch" is a hint). */
const REF_WITH_WORD = new RegExp(String.raw`\b(${DOC_WORD})\s*(?:so\s*)?${DOC_NUMBER}${DOC_DATE}`, 'g');
/** "số 01/2024 ngày …", "số 3989": whatever follows "số" is a document number, not a date. */
const REF_WITH_SO = new RegExp(String.raw`\bso\s*\d+(?:\s*\/\s*[0-9a-z.\-]+)*${DOC_DATE}`, 'g');
/** A bare "3989/KH-UBND ngày …": a hyphenated code tells it from "8/năm". */
const REF_CODE = new RegExp(
  String.raw`(?<![\d/])\d+\s*\/\s*(?:\d{4}\s*\/\s*)?[a-z]{1,8}-[0-9a-z.\-]+(?:\/[0-9a-z.\-]+)*${DOC_DATE}`,
  'g',
);

const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;

const PERIOD_WORD = String.raw`(?:\d{1,2}\s+thang|ngay|tuan|thang|qy|quy(?!\s*(?:dinh|che|trinh|hoach|mo|tac|uoc|doi)\b)|nam)(?![a-z0-9])`;
/** "định kỳ hàng quý, 6 tháng, năm": a list of reporting rhythms, consumed whole so "6 tháng" is no deadline. */
const RECUR_LIST = new RegExp(
  String.raw`\b(?:dinh k[yi]|hang|moi)\s*(?:(?:hang|moi)\s+)?${PERIOD_WORD}(?:\s*(?:,|va|hoac|\/)\s*(?:(?:hang|moi)\s+)?${PERIOD_WORD})*`,
  'g',
);
/** "Ngay từ đầu năm 2025": a start, not an end; the work then runs all year. */
const FROM_START = /\b(?:ngay\s+)?tu\s+dau\s+nam(?:\s+(?:nay|\d{4}))?/g;
const RECUR_WORDS = /\b(?:thuong xuyen|lien tuc|dinh k[yi])\b/g;

const DAY_MONTH_WORDS =
  /\bngay\s*(\d{1,2})\s+thang\s*(\d{1,2})(?!\d)(?:\s*(?:,\s*)?(?:nam|\/|-)\s*(\d{4}))?/g;
const FULL_DATE =
  /(?<![\d/.])(\d{1,2})(?:\s*\/\s*(\d{1,2})\s*\/\s*(\d{4}|\d{2})|-(\d{1,2})-(\d{4}|\d{2})|\.(\d{1,2})\.(\d{4}|\d{2}))(?![\d/])/g;
const LIST_SEP = String.raw`\s*(?:,|va|-|den|hoac)\s*`;
const MONTH_LIST = new RegExp(
  String.raw`\bthang\s*(\d{1,2}(?!\d)(?:${LIST_SEP}(?:thang\s*)?\d{1,2}(?!\d))*)(?:\s*(?:,\s*)?(?:nam|\/|-)\s*(\d{4}))?`,
  'g',
);
const ROMAN = String.raw`(?:iv|iii|ii|i|[1-4])(?![a-z0-9])`;
const QUARTER_LIST = new RegExp(
  String.raw`\b(?:qy|quy)\s*(${ROMAN}(?:${LIST_SEP}(?:(?:qy|quy)\s*)?${ROMAN})*)(?:\s*(?:,\s*)?(?:nam|\/|-)\s*(\d{4}))?`,
  'g',
);
const MONTH_YEAR = /(?<![\d/.])(\d{1,2})\s*[/-]\s*(\d{4})(?![\d/])/g;
const DAY_MONTH = /(?<![\d/.,])(\d{1,2})\/(\d{1,2})(?![\d/])/g;
/** "6 tháng đầu năm", "6 tháng cuối năm", "9 tháng": parts of the year counted from January. */
const N_MONTHS =
  /(?<![\d/.,])(\d{1,2}|\bba|\bsau|\bchin)\s+thang(?:\s+(dau|cuoi)(?:\s+nam)?)?(?:\s*(?:,\s*)?(?:nam\s*|\/\s*|-\s*)?(\d{4}))?/g;
const END_OF_YEAR = /\b(?:cuoi|het)\s+nam(?:\s*(\d{4}))?/g;

/** "Năm 2025", "Năm 2024 - 2025", "giai đoạn 2024-2025": the end of the last year named. Weaker than rhythms. */
const YEAR_RANGE = /\b(?:nam|giai doan)\s*(\d{4})((?:\s*(?:-|den|va|,|\/)\s*(?:nam\s*)?\d{4}(?!\d))*)/g;
const WHOLE_YEAR = /\b(?:ca|trong|suot)\s+nam(?:\s*(\d{4}))?/g;

// Set by someone else. Tested on what is left after dates are taken out.
const EXTERNAL = [
  /^\W*theo\s+(?!doi\b)/,
  /\btheo\s+(?:yeu cau|ke hoach|kh|quyet dinh|qd|huong dan|hd|lo trinh|quy dinh|chi dao|van ban|thong bao|tien do|lich|cong van|nghi quyet|chuong trinh|de an|thoi gian|nghi dinh|thong tu|chi thi)\b/,
  /\bsau khi\b/,
  /\bkhi (?:co|duoc|can|phat sinh)\b/,
  /\bdot xuat\b/,
  /\btuy (?:theo|tinh hinh|thuoc)\b/,
  /\b(?:cho|doi) (?:huong dan|chi dao|van ban)\b/,
];

const SMALL_NUMBERS: Record<string, number> = { ba: 3, sau: 6, chin: 9 };
const ROMANS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

// ---------------------------------------------------------------------------------------------------------------

interface Piece {
  text: string;
  kind: DeadlineKind;
  dates: string[];
  /** An explicit date that does not exist ("31/02/2025"). */
  invalid: boolean;
}

function lastYear(text: string): number | null {
  let year: number | null = null;
  for (const m of text.matchAll(YEAR)) year = Number(m[0]);
  return year;
}

function twoDigitYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

function classify(text: string, cellYear: number): Piece {
  const year = lastYear(text) ?? cellYear;
  const strong: string[] = [];
  const weak: string[] = [];
  let invalid = false;
  let recurring = false;

  const add = (list: string[], iso: string | null): void => {
    if (iso) list.push(iso);
    else invalid = true;
  };
  const monthEnd = (y: number, m: number): string | null =>
    m >= 1 && m <= 12 && isValidYMD(y, m, 1) ? validIso(y, m, daysInMonth(y, m)) : null;
  // Replaces a match with spaces so that later, looser patterns cannot read it again.
  const take = (re: RegExp, fn: (m: string[]) => void) => (s: string) =>
    s.replace(re, (...args: unknown[]) => {
      fn(args.slice(0, -2) as string[]);
      return ' ';
    });

  let rest = ` ${text} `;
  rest = take(RECUR_LIST, () => (recurring = true))(rest);
  rest = take(FROM_START, () => (recurring = true))(rest);
  rest = take(RECUR_WORDS, () => (recurring = true))(rest);

  // Skip the patterns that cannot match: most cells are a few words, and 100k rows make this count.
  const hasDigit = /\d/.test(rest);
  const hasYearWord = rest.includes('nam') || rest.includes('giai doan');
  if (hasDigit) {
    rest = take(DAY_MONTH_WORDS, (m) =>
      add(strong, validIso(m[3] ? Number(m[3]) : year, Number(m[2]), Number(m[1]))),
    )(rest);
    rest = take(FULL_DATE, (m) => {
      const month = m[2] ?? m[4] ?? m[6];
      const y = m[3] ?? m[5] ?? m[7];
      add(strong, validIso(twoDigitYear(y), Number(month), Number(m[1])));
    })(rest);
    rest = take(MONTH_LIST, (m) => {
      const y = m[2] ? Number(m[2]) : year;
      for (const n of m[1].match(/\d{1,2}/g) ?? []) add(strong, monthEnd(y, Number(n)));
    })(rest);
  }
  if (rest.includes('q')) {
    rest = take(QUARTER_LIST, (m) => {
      const y = m[2] ? Number(m[2]) : year;
      for (const q of m[1].replace(/qy|quy/g, ' ').match(/iv|iii|ii|i|[1-4]/g) ?? []) {
        const n = ROMANS[q] ?? Number(q);
        add(strong, isValidYMD(y, 1, 1) ? endOfQuarter(y, n) : null);
      }
    })(rest);
  }
  if (hasDigit) {
    rest = take(MONTH_YEAR, (m) => add(strong, monthEnd(Number(m[2]), Number(m[1]))))(rest);
    rest = take(DAY_MONTH, (m) => add(strong, validIso(year, Number(m[2]), Number(m[1]))))(rest);
  }
  if (rest.includes('thang')) {
    rest = rest.replace(
      N_MONTHS,
      (whole: string, count: string, part: string | undefined, y: string | undefined) => {
        const n = SMALL_NUMBERS[count] ?? Number(count);
        const yy = y ? Number(y) : year;
        if (part === 'cuoi') add(strong, monthEnd(yy, 12));
        else if (part === 'dau' ? n >= 1 && n <= 12 : n % 3 === 0 && n >= 3 && n <= 12)
          add(strong, monthEnd(yy, n));
        else return whole; // "trong 2 tháng" is a duration, not a part of the year
        return ' ';
      },
    );
  }
  if (hasYearWord) {
    rest = take(END_OF_YEAR, (m) => add(strong, monthEnd(m[1] ? Number(m[1]) : year, 12)))(rest);
    rest = take(YEAR_RANGE, (m) => {
      const years = (m[1] + m[2]).match(/\d{4}/g) ?? [];
      add(weak, monthEnd(Number(years[years.length - 1]), 12));
    })(rest);
    rest = take(WHOLE_YEAR, (m) => add(weak, monthEnd(m[1] ? Number(m[1]) : year, 12)))(rest);
  }

  const external = EXTERNAL.some((re) => re.test(rest));
  // An explicit date beats rhythm words, rhythm words beat "by someone else", and those beat a bare year.
  let kind: DeadlineKind = 'unknown';
  let dates: string[] = [];
  if (strong.length) {
    kind = 'date';
    dates = strong.concat(weak);
  } else if (recurring) kind = 'recurring';
  else if (external) kind = 'external';
  else if (weak.length) {
    kind = 'date';
    dates = weak;
  }
  return { text, kind, dates, invalid };
}

/**
 * Cells wrap long phrases over several lines ("Ban hành kế / hoạch: Tháng 7", "Theo Quyết / định"), but a line
 * break can also separate milestones. A line that means nothing alone is joined to the next one (or, at the
 * end, to the one before); a line in brackets is a note on the line before.
 */
function classifyLines(lines: string[], cellYear: number): Piece[] {
  const out: Piece[] = [];
  let carry = '';
  for (let i = 0; i < lines.length; i++) {
    const joined = carry ? `${carry} ${lines[i]}` : lines[i];
    const piece = classify(joined, cellYear);
    if (piece.kind === 'unknown' && !piece.invalid && i < lines.length - 1) {
      carry = joined;
      continue;
    }
    carry = '';
    const last = out[out.length - 1];
    if (last && (piece.kind === 'unknown' || joined.startsWith('('))) {
      out[out.length - 1] = classify(`${last.text} ${joined}`, cellYear);
    } else out.push(piece);
  }
  return out;
}

function foldLine(line: string): string {
  return foldKey(lowerKey(line).replace(QUARTER_WORD, 'qy'));
}

function stripReferences(folded: string): string {
  return folded.replace(REF_WITH_WORD, '$1 ').replace(REF_WITH_SO, ' ').replace(REF_CODE, ' ');
}

function parseText(raw: string, planYear: number): ParsedDeadline {
  const text = normalizeText(raw);
  if (text === '') return { text: '', kind: 'unknown', due: null, milestones: [] };

  const folded = stripReferences(raw.split(LINE_BREAK).map(foldLine).join('\n'));
  const cellYear = lastYear(folded) ?? planYear;
  const pieces: Piece[] = [];
  for (const segment of folded.split(';')) {
    const lines = segment
      .split('\n')
      .map((l) => l.replace(/^[\s\-+*•·]+/, '').trim())
      .filter((l) => l !== '');
    if (lines.length) pieces.push(...classifyLines(lines, cellYear));
  }

  const milestones = [...new Set(pieces.filter((p) => p.kind === 'date').flatMap((p) => p.dates))].sort();
  // A mistyped date ("31/02/2025") must reach the user as unreadable, not vanish behind another milestone.
  if (pieces.some((p) => p.invalid)) return { text, kind: 'unknown', due: null, milestones: [] };
  // The last part that means something decides: "Ban hành: Tháng 8; Thực hiện: Thường xuyên" is recurring.
  let kind: DeadlineKind = 'unknown';
  for (let i = pieces.length - 1; i >= 0; i--) {
    if (pieces[i].kind !== 'unknown') {
      kind = pieces[i].kind;
      break;
    }
  }
  const due = kind === 'date' && milestones.length ? milestones[milestones.length - 1] : null;
  return { text, kind: due || kind !== 'date' ? kind : 'unknown', due, milestones };
}

// Checks run over whole workbooks (benchmarked at 100k rows), where the same phrases repeat on most rows.
const CACHE_LIMIT = 4096;
// Keyed by plan year, then by the cell's own string: a string keeps its hash, so a column where the same few
// phrases repeat costs one lookup per row and no allocation.
const cache = new Map<number, Map<string, ParsedDeadline>>();
let cached = 0;

function cachedText(raw: string, planYear: number): ParsedDeadline {
  let byText = cache.get(planYear);
  if (!byText) cache.set(planYear, (byText = new Map()));
  let hit = byText.get(raw);
  if (!hit) {
    const parsed = parseText(raw, planYear);
    // Frozen: every row with this phrase shares the object, so no caller may change it.
    hit = Object.freeze({ ...parsed, milestones: Object.freeze(parsed.milestones.slice()) });
    if (cached >= CACHE_LIMIT) {
      cache.clear();
      cached = 0;
      cache.set(planYear, (byText = new Map()));
    }
    byText.set(raw, hit);
    cached++;
  }
  return hit;
}

function single(iso: string): ParsedDeadline {
  return { text: formatDateVi(iso), kind: 'date', due: iso, milestones: [iso] };
}

/** Reads one deadline cell of a plan for `planYear`. Never throws. */
export function parseDeadline(
  value: CellValue,
  planYear: number,
  numberFormat?: string | null,
): ParsedDeadline {
  try {
    if (value === null || value === undefined)
      return { text: '', kind: 'unknown', due: null, milestones: [] };
    if (value instanceof Date) {
      const ymd = dateToYMD(value);
      const iso = ymd && validIso(ymd.year, ymd.month, ymd.day);
      return iso ? single(iso) : { text: '', kind: 'unknown', due: null, milestones: [] };
    }
    if (typeof value === 'number') {
      // Excel hands dates over as serial numbers; only the format says the user sees a day.
      const ymd = isDateFormat(numberFormat) ? serialToYMD(value) : null;
      const iso = ymd && validIso(ymd.year, ymd.month, ymd.day);
      return iso ? single(iso) : { text: String(value), kind: 'unknown', due: null, milestones: [] };
    }
    if (typeof value === 'string') return cachedText(value, planYear);
    return { text: String(value), kind: 'unknown', due: null, milestones: [] };
  } catch {
    // Last resort: one odd cell must not stop the check of a whole workbook.
    return { text: '', kind: 'unknown', due: null, milestones: [] };
  }
}
