/**
 * The rows of one worksheet as the reader stores them, and the size policy of the grid they become (see
 * sheetXml.ts): dense from A1, each row as long as its last value, the count of slots bounded as rows arrive.
 * The cells merges cover are blanked at the end.
 */
import type { CellValue } from '../table/grid';
import type { SheetContent, SheetContext } from './sheetContent';
import { columnLetters } from '../table/grid';
import { XlsxError } from './errors';

export const MAX_GRID_SLOTS = 5_000_000;
/**
 * Work allowed for blanking the cells that merges cover (rows and cells visited). Merges as sheets have them
 * (small, not overlapping) cost about the cells they cover, far below; only merges overlapping one another or
 * thousands of sheet-tall ones over thousands of rows reach it.
 */
export const MAX_MERGE_STEPS = 20_000_000;

export interface StoredRow {
  /** 1-based sheet row. */
  index: number;
  values: CellValue[];
  formats: (string | null)[];
}

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Rows in the order the file gives them (re-sorted at the end only when it did not), one per index: a row
 * written twice is merged, the later cells winning.
 */
export class SheetRows {
  private readonly rows: StoredRow[] = [];
  private readonly byIndex = new Map<number, StoredRow>();
  private inOrder = true;
  private slots = 0;
  /** The largest row index stored. */
  private lastIndex = 0;

  /**
   * Stores row `index` from its cells (`columns` 1-based, with their values and formats); throws `tooLarge`'s
   * error once the grid would pass MAX_GRID_SLOTS.
   */
  store(
    index: number,
    columns: readonly number[],
    cellValues: readonly CellValue[],
    cellFormats: readonly (string | null)[],
    tooLarge: (ref: string, why: string) => XlsxError,
  ): void {
    let last = 0; // 1-based column of the row's last value
    for (let i = 0; i < columns.length; i++)
      if (!isEmpty(cellValues[i]) && columns[i] > last) last = columns[i];
    const existing = this.byIndex.get(index);
    // Cells that only carry formatting after the last value are not part of the used range.
    if (last === 0 && !existing) return;
    const length = Math.max(last, existing ? existing.values.length : 0);
    if (
      this.slots + length - (existing ? existing.values.length : 0) + Math.max(this.lastIndex, index) >
      MAX_GRID_SLOTS
    )
      throw tooLarge(`${columnLetters(length - 1)}${index}`, 'more cells than the reader holds');
    const values: CellValue[] = new Array<CellValue>(length).fill(null);
    const formats: (string | null)[] = new Array<string | null>(length).fill(null);
    if (existing) {
      // The same row written twice: the later cells win, the earlier ones stay.
      for (let c = 0; c < existing.values.length; c++) {
        values[c] = existing.values[c];
        formats[c] = existing.formats[c];
      }
    }
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i] - 1;
      if (c >= length) continue;
      values[c] = cellValues[i];
      formats[c] = cellFormats[i];
    }
    const row = trimmed({ index, values, formats });
    this.slots += row.values.length - (existing ? existing.values.length : 0);
    if (existing) {
      existing.values = row.values;
      existing.formats = row.formats;
    } else {
      if (index < this.lastIndex) this.inOrder = false;
      this.rows.push(row);
      this.byIndex.set(index, row);
    }
    if (index > this.lastIndex) this.lastIndex = index;
  }

  /** The grid: rows in order, the merges' covered cells blank. */
  finish(merges: Range[], ctx: SheetContext): SheetContent {
    if (!this.inOrder) this.rows.sort((a, b) => a.index - b.index);
    blankCovered(this.rows, merges, ctx);
    return assemble(this.rows, merges);
  }
}

/**
 * Cells inside a merge other than its top-left read blank, as Excel and Sheets show them, even when the file
 * still holds their old values. Only the cells present are visited: rows are found by binary search and each
 * row only as far as it is long, so a merge down to row 1,048,576 costs what the sheet really holds.
 */
function blankCovered(rows: StoredRow[], merges: Range[], ctx: SheetContext): void {
  let steps = 0;
  const changed = new Set<StoredRow>();
  for (const m of merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    for (let i = firstAtOrAfter(rows, m.top); i < rows.length && rows[i].index <= m.bottom; i++) {
      const row = rows[i];
      // Ternaries, not Math.min/max: a global's lookup is slow where the code runs in a vm context (Jest).
      const end = m.right < row.values.length ? m.right : row.values.length;
      steps += end >= m.left ? end - m.left + 2 : 1;
      if (steps > MAX_MERGE_STEPS) {
        const merge = rangeText(m);
        throw new XlsxError('too-large', `${ctx.part}: merged ranges over too many cells (${merge} …)`, {
          sheet: ctx.sheet,
          part: ctx.part,
          merge,
        });
      }
      for (let c = m.left - 1; c < end; c++) {
        if (row.index === m.top && c === m.left - 1) continue;
        if (row.values[c] !== null) {
          row.values[c] = null;
          changed.add(row);
        }
      }
    }
  }
  for (const row of changed) {
    const t = trimmed(row);
    row.values = t.values;
    row.formats = t.formats;
  }
}

/** The row without its trailing blank cells (formats cut at the same place). */
function trimmed(row: StoredRow): StoredRow {
  let n = row.values.length;
  while (n > 0 && isEmpty(row.values[n - 1])) n--;
  if (n === row.values.length) return row;
  return { index: row.index, values: row.values.slice(0, n), formats: row.formats.slice(0, n) };
}

function assemble(rows: StoredRow[], merges: Range[]): SheetContent {
  let lastRow = 0;
  for (const row of rows) if (row.values.length > 0 && row.index > lastRow) lastRow = row.index;
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  let i = 0;
  for (let r = 1; r <= lastRow; r++) {
    while (i < rows.length && rows[i].index < r) i++;
    const row = i < rows.length && rows[i].index === r ? rows[i] : undefined;
    // Rows with no value are empty arrays, not holes: every host hands the core a full array of rows.
    values.push(row ? row.values : []);
    numberFormats.push(row ? row.formats : []);
  }
  return {
    values,
    numberFormats,
    merges: merges.map(rangeText),
  };
}

function rangeText(m: Range): string {
  return `${columnLetters(m.left - 1)}${m.top}:${columnLetters(m.right - 1)}${m.bottom}`;
}

function firstAtOrAfter(rows: StoredRow[], index: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid].index < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A reference as messages quote it: a hostile one may be any length. */
export function shown(ref: string): string {
  return ref.length > 24 ? `${ref.slice(0, 24)}…` : ref;
}

function isEmpty(v: CellValue): boolean {
  return v === null || v === undefined || v === '';
}
