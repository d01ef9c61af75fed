/**
 * The one input shape every host hands to the core: a sheet as Excel (`range.values`) and Google Sheets
 * (`getValues`) give it, plus the number formats and merged ranges that change what a cell means.
 */

/** A cell as hosts return it. Excel gives dates as serial numbers (the format says "date"); Sheets gives Date. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A merged range, 1-based sheet coordinates, inclusive. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** Row-major cell values; rows may be ragged. */
  values: CellValue[][];
  /** Number formats in the same shape as `values` (missing means "General"). */
  numberFormats?: (string | null | undefined)[][];
  /** Merged ranges as A1 strings ("B3:B7", "Sheet1!B3:B7") or as coordinates. */
  merges?: (string | MergedRange)[];
  /**
   * Formula cells whose result the file does not hold (A1 addresses): a program that writes formulas without
   * calculating them leaves them empty, and the user must open and save the file to see the values.
   */
  uncalculated?: string[];
  /** The sheet row and column of values[0][0] (1-based); a used range need not start at A1. */
  origin?: { row: number; column: number };
}

/** Column index (0-based) to letters: 0 → A, 27 → AB. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Letters to a 0-based column index: A → 0, AB → 27; -1 when not letters. */
export function columnIndex(letters: string): number {
  let n = 0;
  const up = letters.toUpperCase();
  for (let i = 0; i < up.length; i++) {
    const code = up.charCodeAt(i);
    if (code < 65 || code > 90) return -1;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** A1 address of a 1-based sheet row and 1-based sheet column. */
export function a1(row: number, column: number): string {
  return `${columnLetters(column - 1)}${row}`;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** Parses "B3", "$B$3" into 1-based coordinates; null when not an address. */
export function parseA1(ref: string): { row: number; column: number } | null {
  const m = CELL_RE.exec(ref.trim());
  if (!m) return null;
  const column = columnIndex(m[1]) + 1;
  const row = Number(m[2]);
  if (column < 1 || row < 1) return null;
  return { row, column };
}

/** Parses "B3:C7", "'Phụ lục 1'!B3:C7" or "B3" into a range; null when not a range. */
export function parseRange(ref: string): MergedRange | null {
  const bang = ref.lastIndexOf('!');
  const body = bang >= 0 ? ref.slice(bang + 1) : ref;
  const [from, to = from] = body.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

export function isBlank(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  return false;
}
