/**
 * Reads a result cell as the user sees it: 0.92 in a cell formatted "0%" is 92 %, "94,5%" typed as text is 94.5 %,
 * "95%; 70%" answers two targets, "12/15 hồ sơ" (12 of 15 files on time) is 80 %. A blank result is "no data",
 * never 0, and so is a result that says it is not there yet ("chưa tổng hợp", "đang cập nhật", a lone dash):
 * wards write these before the figures come in.
 */
import type { CellValue } from '../table/grid';
import { displayedDecimals, isDateFormat, isPercentFormat } from '../table/numberFormat';
import { cellText, normalizeText } from '../text/normalize';
import {
  findNumbers,
  foldSameLength,
  parseVietnameseNumber,
  roundTo,
  unitAt,
  type NumberToken,
} from './number';

/** A result written as a fraction ("12/15 hồ sơ"); `unit` is the counted noun, null when none is named. */
export type ActualFraction = { numerator: number; denominator: number; unit: string | null };

/** `fraction` is set when the value is the ratio of a fraction, in %, so a count target can use the numerator. */
export type ActualValue = { value: number; unit: string | null; fraction?: ActualFraction };

export type ActualReading =
  | { kind: 'blank' }
  | { kind: 'values'; values: ActualValue[] }
  | { kind: 'invalid'; text: string }
  /** A fraction over zero ("0/0", "5/0 hồ sơ"): no ratio to compare, and the user has to fix it. */
  | { kind: 'zero-denominator'; text: string };

const BLANK: ActualReading = { kind: 'blank' };
/** "Không", "Không có", "Không có sai phạm": nothing happened, a zero count. */
const NONE = /^khong(?: co(?: .*)?)?\.?$/;
/**
 * "Not yet" (folded): chưa tổng hợp, chưa có số liệu, đang tổng hợp, đang cập nhật, chưa báo cáo … Only these
 * phrases and nothing after them but words: "chưa đạt" is a verdict, not a missing figure, and stays unreadable.
 */
const NOT_YET =
  /^(?:chua|dang)\s+(?:tong hop|co so lieu|co ket qua|cap nhat|bao cao|thong ke|danh gia)(?:\s+[a-z ]*)?\.?$/;
/** A cell holding only dashes, dots or an ellipsis: the usual "nothing to report yet". */
const PLACEHOLDER = /^[-–—.…\s]+$/;
const DIGIT = /\d/;
/** "12 trên 15": the word form of a fraction, which a cell must hold before it is read as one. */
const TREN_BETWEEN = /\d tren \d/;

export function parseActual(value: CellValue, numberFormat?: string | null): ActualReading {
  try {
    return read(value, numberFormat ?? null);
  } catch {
    return { kind: 'invalid', text: safeText(value) };
  }
}

function read(value: CellValue, format: string | null): ActualReading {
  if (value === null || value === undefined) return BLANK;
  if (typeof value === 'number') return readNumber(value, format);
  if (typeof value === 'string') return readText(value);
  // Booleans and dates are not results; the user has to fix them.
  return { kind: 'invalid', text: safeText(value) };
}

function readNumber(value: number, format: string | null): ActualReading {
  if (!Number.isFinite(value) || isDateFormat(format)) return { kind: 'invalid', text: String(value) };
  const percent = isPercentFormat(format);
  const decimals = displayedDecimals(format);
  // Float noise first (0.9 * 100), then what the format shows (0.895 in "0%" reads 90).
  const shown = roundTo(percent ? value * 100 : value, decimals ?? 10);
  if (!Number.isFinite(shown)) return { kind: 'invalid', text: String(value) };
  return { kind: 'values', values: [{ value: shown, unit: percent ? '%' : null }] };
}

function readText(raw: string): ActualReading {
  const text = normalizeText(raw);
  if (text === '') return BLANK;
  const whole = parseVietnameseNumber(text);
  if (whole !== null) return { kind: 'values', values: [{ value: roundTo(whole, 10), unit: null }] };
  const key = foldSameLength(text);
  if (PLACEHOLDER.test(text) || (!DIGIT.test(key) && NOT_YET.test(key))) return BLANK;
  if (!DIGIT.test(key) && NONE.test(key)) return { kind: 'values', values: [{ value: 0, unit: null }] };
  // Only cells that could hold a fraction pay for reading one: most results are plain percentages.
  if (text.includes('/') || TREN_BETWEEN.test(key)) {
    const fractions = readFractions(text, key);
    if (fractions !== null) return fractions;
  }
  const tokens = findNumbers(text, key);
  if (tokens.length === 0) return { kind: 'invalid', text };
  return { kind: 'values', values: tokens.map(tokenValue) };
}

function tokenValue(t: NumberToken): ActualValue {
  return { value: roundTo(t.value, 10), unit: t.unit === '' ? null : t.unit };
}

/**
 * A numerator, "/" or "trên", a denominator, on the folded text; optionally after a list marker and "đạt",
 * "được", "đạt được". The number pattern is findNumbers' own, so "1.000" and "12,5" read the same way.
 */
const FRACTION =
  /(?:[-+•*] ?)?(?:(?:dat|duoc)(?: duoc)? )?(\d+(?:[.,]\d+)*)(?: ?\/ ?| tren )(\d+(?:[.,]\d+)*)/y;
/** What may not follow the denominator: more of a date or a document number ("15/02/2025", "33/2023/NĐ-CP"). */
const NOT_AFTER_FRACTION = /^ ?[/%:\\]|^[.,-]\d/;
/** A later "a/b" that is not part of a longer date or reference ("30/6/2025"). */
const ANOTHER_FRACTION =
  /(?<![\d.,/\\:a-z])\d+(?:[.,]\d+)*(?: ?\/ ?| tren )\d+(?:[.,]\d+)*(?! ?[/:\\] ?\d|[.,]\d)/g;
/** What may stand between two fractions of one part: nothing, or the dash a line break leaves ("- 12/15\n- 45/50"). */
const BETWEEN_FRACTIONS = /(?:^|[-+•*,])\s*$/;
const DATE_WORD_BEFORE = /(?<![a-z])(?:ngay|thang|nam|quy)\s*$/;
const YEAR = /^(?:19|20)\d\d$|^2100$/;
const PADDED_MONTH = /^(?:0[1-9]|1[0-2])$/;
const HAS_DIGIT = /\d/;

type Fraction =
  { kind: 'fraction'; value: ActualValue; end: number } | { kind: 'zero' } | { kind: 'conflict' } | null;

/**
 * Reads a cell in which a ";"-separated part starts with a fraction: each fraction is one value, and what cannot
 * be read as one reads as it always did. Null when no part is a fraction, so other cells keep their reading.
 */
function readFractions(text: string, key: string): ActualReading | null {
  // Parts that are not fractions are read only once a fraction is found: most cells with a "/" hold none.
  const parts: (ActualValue | { from: number; to: number })[] = [];
  let found = false;
  let start = 0;
  while (start <= key.length) {
    let end = key.indexOf(';', start);
    if (end < 0) end = key.length;
    let pos = start;
    while (pos < end && key[pos] === ' ') pos++;
    while (pos < end) {
      const f = readFraction(text, key, pos, end);
      if (f === null) {
        parts.push({ from: pos, to: end });
        break;
      }
      if (f.kind === 'zero') return { kind: 'zero-denominator', text };
      // "12/15 hồ sơ (75%)": the cell says two different things, and the user must say which is right.
      if (f.kind === 'conflict') return { kind: 'invalid', text };
      found = true;
      parts.push(f.value);
      pos = f.end;
    }
    start = end + 1;
  }
  if (!found) return null;
  const values: ActualValue[] = [];
  for (const p of parts) {
    if ('value' in p) values.push(p);
    else
      for (const t of findNumbers(text.slice(p.from, p.to), key.slice(p.from, p.to)))
        values.push(tokenValue(t));
  }
  return { kind: 'values', values };
}

/**
 * The fraction starting at `pos`, with its noun, the words after it ("hồ sơ đúng hạn") and an optional restated
 * percentage ("(80%)", ", đạt 80%"), up to `limit` or to the next fraction, where `end` says to go on.
 */
function readFraction(text: string, key: string, pos: number, limit: number): Fraction {
  FRACTION.lastIndex = pos;
  const m = FRACTION.exec(key);
  if (!m) return null;
  const after = pos + m[0].length;
  if (NOT_AFTER_FRACTION.test(key.slice(after, after + 3))) return null;
  const a = parseVietnameseNumber(m[1]);
  const b = parseVietnameseNumber(m[2]);
  if (a === null || b === null) return null;
  const noun = unitAt(text, key, after);
  // A month and a year ("02/2025"), a year below a number ("33/2023", a document) or a padded day and month
  // ("15/02") is a date or a reference, not a count, unless a counted noun says otherwise.
  if (YEAR.test(m[2]) && (noun.unit === '' || (a >= 1 && a <= 12 && m[1].length <= 2))) return null;
  if (noun.unit === '' && PADDED_MONTH.test(m[2]) && a > b && a <= 31 && Number.isInteger(a)) return null;
  if (b === 0) return { kind: 'zero' };
  const value = roundTo((100 * a) / b, 10);
  let end = limit;
  if (HAS_DIGIT.test(key.slice(noun.end, limit))) {
    ANOTHER_FRACTION.lastIndex = noun.end;
    const next = ANOTHER_FRACTION.exec(key);
    if (next !== null && next.index < limit) {
      // "ngày 30/6" after a fraction is a date, not a second result: leave the whole part as it reads today.
      if (
        !BETWEEN_FRACTIONS.test(key.slice(noun.end, next.index)) ||
        DATE_WORD_BEFORE.test(key.slice(after, next.index))
      )
        return null;
      end = next.index;
    }
    const rest = findNumbers(text.slice(noun.end, end), key.slice(noun.end, end));
    if (rest.length > 1) return null;
    if (rest.length === 1 && !agrees(value, rest[0])) return rest[0].percent ? { kind: 'conflict' } : null;
  }
  const fraction = { numerator: a, denominator: b, unit: noun.unit === '' ? null : noun.unit };
  return { kind: 'fraction', value: { value, unit: '%', fraction }, end };
}

/** Whether a restated percentage shows the ratio, to the decimals it is written with (80 % and 80,0 % for 12/15). */
function agrees(ratio: number, token: NumberToken): boolean {
  if (!token.percent) return false;
  const sep = Math.max(token.raw.lastIndexOf(','), token.raw.lastIndexOf('.'));
  // "1.000" is a thousand, with no decimals; "80,0" and "80.5" show one.
  const grouped = sep >= 0 && Number(token.raw.replace(/[.,]/g, '')) === token.value;
  const decimals = sep < 0 || grouped ? 0 : token.raw.length - sep - 1;
  return roundTo(ratio, decimals) === roundTo(token.value, decimals);
}

function safeText(value: unknown): string {
  try {
    return cellText(value);
  } catch {
    return '';
  }
}
