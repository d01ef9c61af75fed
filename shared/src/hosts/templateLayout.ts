/**
 * The parts of a template sheet that a spreadsheet host sets outside the cell contents, grouped so that it
 * makes one call per group: column widths and row heights as runs of equal size, number formats as one block
 * beside the contents block, and text that the spreadsheet would otherwise turn into a number.
 */
import { parseA1 } from '../table/grid';
import type { TemplateSheet } from '../templates/schema';
import type { SheetWritePlan } from './templatePlan';

export interface SizeRun {
  /** 1-based first and last column (or row) of the run, inclusive. */
  from: number;
  to: number;
  size: number;
}

function runs(entries: [number, number][]): SizeRun[] {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const out: SizeRun[] = [];
  for (const [at, size] of sorted) {
    const last = out[out.length - 1];
    if (last && last.to === at - 1 && last.size === size) last.to = at;
    else out.push({ from: at, to: at, size });
  }
  return out;
}

/** Column widths (from column A) as runs of equal width: [6, 48, 26, 26] → A, B, C:D. */
export function columnWidthRuns(widths: readonly number[]): SizeRun[] {
  return runs(widths.map((w, i) => [i + 1, w]));
}

/** Row heights by 1-based row ("10": 32, "11": 32) as runs of consecutive rows of equal height. */
export function rowHeightRuns(heights: Readonly<Record<string, number>>): SizeRun[] {
  return runs(Object.entries(heights).map(([row, h]) => [Number(row), h]));
}

/**
 * Number formats in the shape of the plan's contents block, so a host sets them in the same single 2-D call
 * (a style batch may cover cells of different rectangles; formats per cell avoid one call per batch).
 */
export function numberFormatBlock(
  sheet: TemplateSheet,
  plan: SheetWritePlan,
  general = 'General',
): string[][] {
  const block = Array.from({ length: plan.rows }, () => new Array<string>(plan.columns).fill(general));
  for (const cell of sheet.cells) {
    const format = cell.style ? sheet.styles[cell.style]?.numberFormat : undefined;
    const at = parseA1(cell.ref);
    if (format && at && at.row <= plan.rows && at.column <= plan.columns)
      block[at.row - 1][at.column - 1] = format;
  }
  return block;
}

// What a spreadsheet turns into something other than text when typed: numbers ("1.4", "100%", "1,5"),
// dates and times ("12/02/2026", "7:30"), booleans, and leading signs that start a formula.
const COERCED =
  /^\s*([-+=@]|[\d.,]+\s*%?\s*$|\d{1,4}[/\-.]\d{1,2}([/\-.]\d{1,4})?\s*$|\d{1,2}:\d{2}|(true|false)\s*$)/i;

/**
 * Template text as a host writes it into a formulas block: "100%" or "1.4" would be stored as numbers, so such
 * text gets the leading apostrophe that both Excel and Sheets read as "this is text" (it is not part of the
 * value). Formulas ("=…") of the plan and numbers pass unchanged; so does ordinary text.
 */
export function asTypedText(content: string | number, isFormula: boolean): string | number {
  if (typeof content === 'number' || isFormula || content === '') return content;
  return COERCED.test(content) || content.startsWith("'") ? `'${content}` : content;
}

/** The plan's contents with constant text protected (see asTypedText); formula cells keep their "=". */
export function typedContents(sheet: TemplateSheet, plan: SheetWritePlan): (string | number)[][] {
  const out = plan.formulas.map((row) => row.slice());
  for (const cell of sheet.cells) {
    if (cell.formula !== undefined || cell.value === undefined) continue;
    const at = parseA1(cell.ref);
    if (!at) continue;
    out[at.row - 1][at.column - 1] = asTypedText(cell.value, false);
  }
  return out;
}
