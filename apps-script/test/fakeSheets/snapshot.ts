/** A deep, JSON-safe picture of the spreadsheet, for before/after equality in tests. */
import { cellA1, colName, qualifiedA1, rectA1 } from './a1';
import type { BookModel, BorderSide, Cell, RuleData, SheetModel, ValidationData } from './model';

export interface CellSnapshot {
  /** Stored raw: number, string, boolean; a formula as "=…". */
  value?: string | number | boolean;
  /** Explicit number format only (automatic is omitted). */
  format?: string;
  background?: string;
  fontFamily?: string;
  fontSize?: number;
  fontWeight?: string;
  fontStyle?: string;
  fontColor?: string;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  /** Per side, "STYLE #color", e.g. "SOLID #000000". */
  border?: { top?: string; left?: string; bottom?: string; right?: string };
}

export interface RuleSnapshot {
  /** The BooleanCriteria name, or "GRADIENT". */
  type: string;
  values: (string | number | boolean)[];
  background?: string;
  fontColor?: string;
  bold?: boolean;
  minColor?: string;
  maxColor?: string;
  ranges: string[];
}

export interface ValidationSnapshot {
  type: 'VALUE_IN_RANGE' | 'VALUE_IN_LIST';
  /** The list's values, or the source range as "'Sheet'!A1:A9". */
  values: (string | number | boolean)[];
  showDropdown: boolean;
  allowInvalid: boolean;
  helpText?: string;
}

export interface SheetSnapshot {
  index: number;
  sheetId: number;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  selection: string;
  cells: Record<string, CellSnapshot>;
  merges: string[];
  conditionalRules: RuleSnapshot[];
  validations: Record<string, ValidationSnapshot>;
  /** Non-default widths by column letter. */
  columnWidths: Record<string, number>;
  /** Non-default heights by row number. */
  rowHeights: Record<string, number>;
}

export interface SpreadsheetSnapshot {
  timeZone: string;
  locale: string;
  sheetOrder: string[];
  activeSheet: string;
  /** A1 of the selection on the active sheet. */
  selection: string;
  sheets: Record<string, SheetSnapshot>;
  /** Name -> "'Sheet'!A1:B3". */
  namedRanges: Record<string, string>;
}

const jsonValue = (v: unknown): string | number | boolean =>
  typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? v : String(v);

const side = (b: BorderSide | undefined) => b && `${b.style} ${b.color}`;

/** Copies the defined entries only, so that equal states give equal objects. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function snapshotCell(cell: Cell): CellSnapshot {
  const f = cell.fmt;
  const border = defined({
    top: side(f.top),
    left: side(f.left),
    bottom: side(f.bottom),
    right: side(f.right),
  });
  return defined({
    value: cell.formula ?? cell.value,
    format: f.numberFormat,
    background: f.background,
    fontFamily: f.fontFamily,
    fontSize: f.fontSize,
    fontWeight: f.fontWeight,
    fontStyle: f.fontStyle,
    fontColor: f.fontColor,
    hAlign: f.hAlign,
    vAlign: f.vAlign,
    wrap: f.wrap,
    border: Object.keys(border).length ? border : undefined,
  });
}

function snapshotRule(r: RuleData): RuleSnapshot {
  return defined({
    type: r.condition ? r.condition.criteria : 'GRADIENT',
    values: (r.condition?.values ?? []).map(jsonValue),
    background: r.background,
    fontColor: r.fontColor,
    bold: r.bold,
    minColor: r.gradient?.min,
    maxColor: r.gradient?.max,
    ranges: r.ranges.map((a) => rectA1(a.rect)),
  });
}

function snapshotValidation(v: ValidationData): ValidationSnapshot {
  const values = v.source ? [qualifiedA1(v.source.sheet.name, v.source.rect)] : (v.list ?? []).map(jsonValue);
  return defined({
    type: v.criteria,
    values,
    showDropdown: v.showDropdown,
    allowInvalid: v.allowInvalid,
    helpText: v.helpText,
  });
}

function snapshotSheet(s: SheetModel, index: number): SheetSnapshot {
  const cells: Record<string, CellSnapshot> = {};
  const validations: Record<string, ValidationSnapshot> = {};
  for (const { row, col, cell } of s.entries()) {
    const snap = snapshotCell(cell);
    if (Object.keys(snap).length) cells[cellA1(row, col)] = snap;
    if (cell.validation) validations[cellA1(row, col)] = snapshotValidation(cell.validation);
  }
  const sizes = (m: Map<number, number>, key: (n: number) => string) =>
    Object.fromEntries([...m.entries()].sort((a, b) => a[0] - b[0]).map(([n, px]) => [key(n), px]));
  return {
    index,
    sheetId: s.id,
    maxRows: s.maxRows,
    maxColumns: s.maxCols,
    frozenRows: s.frozenRows,
    frozenColumns: s.frozenCols,
    selection: rectA1(s.selection),
    cells,
    merges: [...s.merges].sort((a, b) => a.row - b.row || a.col - b.col).map(rectA1),
    conditionalRules: s.rules.map(snapshotRule),
    validations,
    columnWidths: sizes(s.colWidths, colName),
    rowHeights: sizes(s.rowHeights, String),
  };
}

export function snapshotBook(book: BookModel): SpreadsheetSnapshot {
  const names = [...book.names.values()].sort((a, b) => a.name.localeCompare(b.name));
  return {
    timeZone: book.timeZone,
    locale: book.locale,
    sheetOrder: book.sheets.map((s) => s.name),
    activeSheet: book.active.name,
    selection: rectA1(book.active.selection),
    sheets: Object.fromEntries(book.sheets.map((s, i) => [s.name, snapshotSheet(s, i + 1)])),
    namedRanges: Object.fromEntries(names.map((n) => [n.name, qualifiedA1(n.area.sheet.name, n.area.rect)])),
  };
}
