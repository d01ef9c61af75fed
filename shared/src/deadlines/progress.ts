/**
 * Recognises a finished task in the progress column ("Tiến độ", "Kết quả thực hiện"): words, percentages typed
 * as text, numbers (0.92 in a percent cell is 92 %), and the checkboxes Sheets gives as true/false.
 */
import type { CellValue } from '../table/grid';
import { isDateFormat, isPercentFormat } from '../table/numberFormat';
import { foldKey, lowerKey } from '../text/normalize';

// Float noise: 0.1 + 0.9 in a percent cell is 0.9999999999999999 but shows as 100 %.
const EPSILON = 1e-9;

const PERCENT = /(\d+(?:[.,]\d+)?)\s*%/;
const DONE = /\b(?:hoan thanh|hoan tat|xong|da thuc hien|da ban hanh|done|completed?|finished)\b|[✓✔☑]/;
// Words that turn "hoàn thành" into not-yet: "chưa", "không", "một phần" (partly), "cơ bản" (mostly), "dự kiến".
const NOT_DONE_FOLDED = /\b(?:chua|khong|chang|mot phan|co ban|du kien|not|in progress)\b/;
// "đang" (in progress), "sẽ" (will), "sắp" (about to) fold onto other words ("đăng", "se", "sáp"), so they are
// looked for with their marks, and folded only in text typed without any.
const NOT_DONE_MARKED = /(?:^|[^\p{L}])(?:đang|sẽ|sắp)(?![\p{L}])/u;
const NOT_DONE_PLAIN = /\b(?:dang|se|sap)\b/;

// Progress columns hold a handful of phrases over and over: remember what each one means.
const DONE_CACHE_LIMIT = 4096;
const doneCache = new Map<string, boolean>();

/** True when the cell says the task is finished. */
export function isDoneProgress(value: CellValue, numberFormat?: string | null): boolean {
  if (typeof value === 'string') {
    let done = doneCache.get(value);
    if (done === undefined) {
      done = isDoneText(value);
      if (doneCache.size >= DONE_CACHE_LIMIT) doneCache.clear();
      doneCache.set(value, done);
    }
    return done;
  }
  if (value === true) return true;
  if (typeof value === 'number') {
    // A date is when something happened, not how far it got: 05/03/2025 is no "100 %".
    if (!Number.isFinite(value) || isDateFormat(numberFormat)) return false;
    return isPercentFormat(numberFormat) ? value >= 1 - EPSILON : value >= 100 - EPSILON;
  }
  return false;
}

function isDoneText(value: string): boolean {
  const lower = lowerKey(value);
  if (lower === '') return false;
  const folded = foldKey(value);
  if (NOT_DONE_FOLDED.test(folded)) return false;
  if (NOT_DONE_MARKED.test(lower) || (lower === folded && NOT_DONE_PLAIN.test(folded))) return false;
  // A percentage is the progress itself: "Hoàn thành 80%" is 80 % done, "100%" alone is done.
  const pct = PERCENT.exec(folded);
  if (pct) return Number(pct[1].replace(',', '.')) >= 100 - EPSILON;
  return DONE.test(folded);
}
