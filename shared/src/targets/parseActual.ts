/**
 * Reads a result cell as the user sees it: 0.92 in a cell formatted "0%" is 92 %, "94,5%" typed as text is 94.5 %,
 * "95%; 70%" answers two targets. A blank result is "no data", never 0, and so is a result that says it is not
 * there yet ("chưa tổng hợp", "đang cập nhật", a lone dash): wards write these before the figures come in.
 */
import type { CellValue } from '../table/grid';
import { displayedDecimals, isDateFormat, isPercentFormat } from '../table/numberFormat';
import { cellText, normalizeText } from '../text/normalize';
import { findNumbers, foldSameLength, parseVietnameseNumber, roundTo } from './number';

export type ActualValue = { value: number; unit: string | null };

export type ActualReading =
  { kind: 'blank' } | { kind: 'values'; values: ActualValue[] } | { kind: 'invalid'; text: string };

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
  const tokens = findNumbers(text, key);
  if (tokens.length === 0) return { kind: 'invalid', text };
  return {
    kind: 'values',
    values: tokens.map((t) => ({ value: roundTo(t.value, 10), unit: t.unit === '' ? null : t.unit })),
  };
}

function safeText(value: unknown): string {
  try {
    return cellText(value);
  } catch {
    return '';
  }
}
