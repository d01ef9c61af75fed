/** The cell store: sheets, cells with their formats, merges, rules, validations, names. */
import { type Rect, intersects, lastColOf, lastRowOf } from './a1';
import { dateToSerial, isDate } from './dates';

export type Raw = string | number | boolean;

export interface BorderSide {
  style: string;
  color: string;
}

export interface Fmt {
  numberFormat?: string;
  background?: string;
  fontFamily?: string;
  fontSize?: number;
  fontWeight?: string;
  fontStyle?: string;
  fontColor?: string;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  top?: BorderSide;
  left?: BorderSide;
  bottom?: BorderSide;
  right?: BorderSide;
}

export interface Cell {
  value?: Raw;
  /** "=…"; a formula cell has no stored value. */
  formula?: string;
  fmt: Fmt;
  validation?: ValidationData;
}

export interface Area {
  sheet: SheetModel;
  rect: Rect;
}

export interface ValidationData {
  criteria: 'VALUE_IN_RANGE' | 'VALUE_IN_LIST';
  source?: Area;
  list?: unknown[];
  showDropdown: boolean;
  allowInvalid: boolean;
  helpText?: string;
}

export interface RuleData {
  condition: { criteria: string; values: unknown[] } | null;
  gradient: { min?: string; max?: string } | null;
  background?: string;
  fontColor?: string;
  bold?: boolean;
  ranges: Area[];
}

export type Calculate = (formula: string, sheet: string, a1: string) => string | number | boolean;

const KEY_COLS = 20_000; // more than Sheets' 18,278 columns

export class SheetModel {
  readonly cells = new Map<number, Cell>();
  merges: Rect[] = [];
  rules: RuleData[] = [];
  frozenRows = 0;
  frozenCols = 0;
  readonly colWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  selection: Rect = { row: 1, col: 1, rows: 1, cols: 1 };
  type: 'GRID' | 'OBJECT' = 'GRID';

  constructor(
    public name: string,
    readonly id: number,
    public maxRows: number,
    public maxCols: number,
  ) {}

  cell(row: number, col: number): Cell | undefined {
    return this.cells.get(row * KEY_COLS + col);
  }

  ensure(row: number, col: number): Cell {
    let c = this.cell(row, col);
    if (!c) this.cells.set(row * KEY_COLS + col, (c = { fmt: {} }));
    return c;
  }

  each(rect: Rect, fn: (row: number, col: number) => void): void {
    for (let r = rect.row; r <= lastRowOf(rect); r++)
      for (let c = rect.col; c <= lastColOf(rect); c++) fn(r, c);
  }

  entries(): { row: number; col: number; cell: Cell }[] {
    return [...this.cells.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([k, cell]) => ({ row: Math.floor(k / KEY_COLS), col: k % KEY_COLS, cell }));
  }

  /** Last row / column holding a value or a formula (formatting alone does not count); 0 when none. */
  lastRow(): number {
    let last = 0;
    for (const [k, cell] of this.cells) if (hasContent(cell)) last = Math.max(last, Math.floor(k / KEY_COLS));
    return last;
  }

  lastCol(): number {
    let last = 0;
    for (const [k, cell] of this.cells) if (hasContent(cell)) last = Math.max(last, k % KEY_COLS);
    return last;
  }

  mergeAt(row: number, col: number): Rect | undefined {
    return this.merges.find((m) => intersects(m, { row, col, rows: 1, cols: 1 }));
  }

  /** Inserts `n` columns after column `after`, moving what lies right of it, as Sheets does. */
  insertColumnsAfter(after: number, n: number, book: BookModel): void {
    const moved = this.entries();
    this.cells.clear();
    for (const { row, col, cell } of moved)
      this.cells.set(row * KEY_COLS + (col > after ? col + n : col), cell);
    const widths = [...this.colWidths.entries()];
    this.colWidths.clear();
    for (const [c, w] of widths) this.colWidths.set(c > after ? c + n : c, w);
    const shift = (r: Rect) => {
      if (r.col > after) r.col += n;
      else if (lastColOf(r) > after) r.cols += n;
    };
    this.merges.forEach(shift);
    for (const rule of this.rules) rule.ranges.forEach((a) => shift(a.rect));
    for (const { area } of book.names.values()) if (area.sheet === this) shift(area.rect);
    this.maxCols += n;
  }
}

export function hasContent(cell: Cell): boolean {
  return cell.formula !== undefined || (cell.value !== undefined && cell.value !== '');
}

export class BookModel {
  sheets: SheetModel[] = [];
  active!: SheetModel;
  /** By lower-case name: Sheets treats named range names case-insensitively. */
  readonly names = new Map<string, { name: string; area: Area }>();
  private nextId = 0;

  constructor(
    readonly id: string,
    readonly name: string,
    public timeZone: string,
    readonly locale: string,
    readonly calculate: Calculate,
  ) {}

  /** The first sheet has id 0 (gid=0), as in a new spreadsheet. */
  newSheet(name: string, maxRows = 1000, maxCols = 26): SheetModel {
    const id = this.nextId === 0 ? 0 : 100_000 + this.nextId * 7919;
    this.nextId++;
    return new SheetModel(name, id, maxRows, maxCols);
  }

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }
}

/**
 * Writes a value as a user typing it would (setValues): "=…" is a formula, "'…" text, plain ASCII numbers
 * and percentages are numbers, TRUE/FALSE booleans, a Date a serial; "" or null clears the content.
 */
export function writeTyped(cell: Cell, v: unknown, tz: string): void {
  cell.formula = undefined;
  cell.value = undefined;
  if (v === null || v === undefined || v === '') return;
  if (typeof v === 'number' || typeof v === 'boolean') {
    cell.value = v;
    return;
  }
  if (isDate(v)) {
    cell.value = dateToSerial(v, tz);
    if (cell.fmt.numberFormat === undefined) cell.fmt.numberFormat = 'dd/MM/yyyy';
    return;
  }
  const s = String(v);
  if (cell.fmt.numberFormat === '@') {
    // A plain-text cell keeps what is typed, as Sheets does.
    cell.value = s;
  } else if (s.startsWith('=') && s.length > 1) {
    cell.formula = s;
  } else if (s.startsWith("'")) {
    cell.value = s.slice(1);
  } else if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) {
    cell.value = Number(s);
  } else if (/^[+-]?(\d+(\.\d*)?|\.\d+)%$/.test(s)) {
    cell.value = Number(s.slice(0, -1)) / 100;
    if (cell.fmt.numberFormat === undefined) cell.fmt.numberFormat = s.includes('.') ? '0.00%' : '0%';
  } else if (/^(true|false)$/i.test(s)) {
    cell.value = s.toLowerCase() === 'true';
  } else {
    cell.value = s;
  }
}
