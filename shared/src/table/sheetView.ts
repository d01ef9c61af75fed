import { dateToYMD, formatDateVi, isoDate, serialToYMD } from '../deadlines/calendar';
import { trimmedText } from '../text/normalize';
import { a1, isBlank, parseA1, parseRange, type CellValue, type MergedRange, type SheetGrid } from './grid';
import { isDateFormat } from './numberFormat';

/**
 * The date a cell shows, dd/mm/yyyy: a serial number under a date format (Excel and the .xlsx reader hand dates
 * over so) or a Date value; null for any other cell. The web page's row preview shows cells the same way.
 */
export function shownDate(v: CellValue, format: string | null | undefined): string | null {
  const ymd =
    typeof v === 'number' && isDateFormat(format) ? serialToYMD(v) : v instanceof Date ? dateToYMD(v) : null;
  return ymd ? formatDateVi(isoDate(ymd.year, ymd.month, ymd.day)) : null;
}

/**
 * Read access to a sheet in sheet coordinates (1-based rows and columns) that understands merged cells:
 * a cell below the top-left of a vertical merge reads the top-left's value, because in real ward files one
 * lead unit or deadline is merged down over several tasks. Cells to the right of a merge's first column are
 * "covered": they hold nothing of their own and are never reported as missing.
 */
/** Cells that merges may cover in one sheet, summed over its merges (overlaps count twice). */
const MAX_COVERED = 4_000_000;

export class SheetView {
  readonly name: string;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
  private readonly values: CellValue[][];
  private readonly formats: (string | null | undefined)[][] | undefined;
  private readonly originRow: number;
  private readonly originColumn: number;
  /** key(row, col) → the anchor's coordinates, for every non-anchor cell of a merge. */
  private readonly coveredBy = new Map<number, { row: number; column: number; right: number }>();
  private readonly anchors = new Map<number, MergedRange>();
  /** Formula cells the file holds no result for, by key. */
  private readonly uncalculated = new Set<number>();
  /** Row → the rightmost column a merge covers in it (clipped to the grid), for rows that merges reach. */
  private readonly mergedRight = new Map<number, number>();

  constructor(grid: SheetGrid) {
    this.name = typeof grid.name === 'string' ? grid.name : String(grid.name ?? '');
    this.values = Array.isArray(grid.values) ? grid.values : [];
    this.formats = Array.isArray(grid.numberFormats) ? grid.numberFormats : undefined;
    this.originRow = Math.max(1, Math.floor(grid.origin?.row ?? 1));
    this.originColumn = Math.max(1, Math.floor(grid.origin?.column ?? 1));
    let width = 0;
    for (const row of this.values) if (Array.isArray(row) && row.length > width) width = row.length;
    this.firstRow = this.originRow;
    this.lastRow = this.originRow + this.values.length - 1;
    this.firstColumn = this.originColumn;
    this.lastColumn = this.originColumn + width - 1;
    for (const ref of grid.uncalculated ?? []) {
      const at = parseA1(ref);
      if (at) this.uncalculated.add(key(at.row, at.column));
    }
    // Merged cells are looked up cell by cell, but only where the grid has cells: a merge is clipped to the used
    // range, so "A60:XFD1048576" or 100,000 merges over whole rows cost what the table holds, not billions of
    // entries (a Map past 16.7 million entries ends the process, worker or not). Overlapping merges are bounded too.
    let budget = MAX_COVERED;
    for (const m of grid.merges ?? []) {
      const range = typeof m === 'string' ? parseRange(m) : normaliseRange(m);
      if (!range || (range.top === range.bottom && range.left === range.right)) continue;
      this.anchors.set(key(range.top, range.left), range);
      const top = Math.max(range.top, this.firstRow);
      const bottom = Math.min(range.bottom, this.lastRow);
      const left = Math.max(range.left, this.firstColumn);
      const right = Math.min(range.right, this.lastColumn);
      if (top > bottom || left > right) continue;
      budget -= (bottom - top + 1) * (right - left + 1);
      if (budget < 0) break;
      const anchor = { row: range.top, column: range.left, right: range.right };
      for (let r = top; r <= bottom; r++) {
        if ((this.mergedRight.get(r) ?? 0) < right) this.mergedRight.set(r, right);
        for (let c = left; c <= right; c++) {
          if (r === range.top && c === range.left) continue;
          this.coveredBy.set(key(r, c), anchor);
        }
      }
    }
  }

  /** True when the cell holds a formula the file has no result for (it reads as blank). */
  isUncalculated(row: number, column: number): boolean {
    return this.uncalculated.size > 0 && this.uncalculated.has(key(row, column));
  }

  /**
   * The last column worth reading in `row`: its own last cell, or the last a merge covers. Scans of a row stop
   * there rather than at `lastColumn`: one stray cell at XFD1048576 must not make every row 16,384 cells wide.
   */
  lastColumnIn(row: number): number {
    const line = this.values[row - this.originRow];
    const own = this.originColumn + (Array.isArray(line) ? line.length : 0) - 1;
    const merged = this.mergedRight.get(row) ?? 0;
    return own > merged ? own : merged;
  }

  /** The value the cell holds, or inherits from a vertical merge's top-left cell. */
  value(row: number, column: number): CellValue {
    if (this.coveredBy.size > 0) {
      const anchor = this.coveredBy.get(key(row, column));
      if (anchor) return anchor.column === column ? this.raw(anchor.row, anchor.column) : null;
    }
    return this.raw(row, column);
  }

  /** The number format of the cell whose value `value()` returns. */
  format(row: number, column: number): string | null {
    let r = row;
    if (this.coveredBy.size > 0) {
      const anchor = this.coveredBy.get(key(row, column));
      if (anchor && anchor.column === column) r = anchor.row;
    }
    const f = this.formats?.[r - this.originRow]?.[column - this.originColumn];
    return typeof f === 'string' ? f : null;
  }

  /**
   * The cell as a user reads it, trimmed: a serial number under a date format is the date it shows (dd/mm/yyyy),
   * as a Date value is. Excel hands dates over as such serials, and so does the .xlsx reader.
   */
  text(row: number, column: number): string {
    const v = this.value(row, column);
    return shownDate(v, this.format(row, column)) ?? trimmedText(v);
  }

  /** The cell's own value, ignoring merges. */
  raw(row: number, column: number): CellValue {
    const line = this.values[row - this.originRow];
    if (!Array.isArray(line)) return null;
    return line[column - this.originColumn];
  }

  /** True for cells inside a merge other than its top-left. */
  isCovered(row: number, column: number): boolean {
    return this.coveredBy.size > 0 && this.coveredBy.has(key(row, column));
  }

  /** True for a cell that a merge starting in a row above fills down (its column's value carried down). */
  isCoveredFromAbove(row: number, column: number): boolean {
    if (this.coveredBy.size === 0) return false;
    const anchor = this.coveredBy.get(key(row, column));
    return !!anchor && anchor.row < row && anchor.column === column;
  }

  /** The merge whose top-left is this cell, if any. */
  mergeAt(row: number, column: number): MergedRange | undefined {
    return this.anchors.get(key(row, column));
  }

  /** A blank cell that no merge fills. */
  isEmpty(row: number, column: number): boolean {
    return isBlank(this.value(row, column));
  }

  /** True when every cell of the row reads blank. */
  isBlankRow(row: number): boolean {
    const line = this.values[row - this.originRow];
    if (!Array.isArray(line)) return true;
    for (let i = 0; i < line.length; i++) if (!isBlank(line[i])) return false;
    // Its own cells are blank: only a merge reaching into the row can still give it a value.
    if (this.coveredBy.size === 0 || !this.mergedRight.has(row)) return true;
    for (let c = this.firstColumn, end = this.lastColumnIn(row); c <= end; c++)
      if (!this.isEmpty(row, c)) return false;
    return true;
  }

  address(row: number, column: number): string {
    return a1(row, column);
  }
}

function key(row: number, column: number): number {
  return row * 20000 + column;
}

function normaliseRange(m: MergedRange): MergedRange | null {
  const nums = [m?.top, m?.left, m?.bottom, m?.right];
  if (!nums.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 1)) return null;
  return {
    top: Math.min(m.top, m.bottom),
    bottom: Math.max(m.top, m.bottom),
    left: Math.min(m.left, m.right),
    right: Math.max(m.left, m.right),
  };
}
