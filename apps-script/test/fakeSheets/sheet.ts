/** Sheet, and resolving A1 references against a spreadsheet. */
import { type Rect, lastColOf, lastRowOf, parseA1, splitSheet } from './a1';
import { instrument } from './calls';
import { type Ctx, Stub, exception, isInteger, signatureError, unwrap } from './context';
import type { Area, BookModel, SheetModel } from './model';
import { Range, RangeList } from './range';
import { ConditionalFormatRule, cloneRule } from './rules';
import { SheetType, type EnumValue } from './enums';
import { Spreadsheet } from './spreadsheet';

const sig = (method: string) => `SpreadsheetApp.Sheet.${method}`;

/** The selection of the active sheet: Sheet and Spreadsheet both answer getActiveRange so. */
export function activeRange(ctx: Ctx): Range {
  const active = ctx.book.active;
  return new Range(ctx, active, { ...active.selection });
}

/** Makes a range the selection and its sheet the active one (setActiveRange of Sheet and Spreadsheet). */
export function selectRange(ctx: Ctx, range: Range, signature: string): Range {
  const r = unwrap<Range>(range, 'Range', signature, [range]);
  ctx.book.active = r._sheet;
  r._sheet.selection = { ...r._rect };
  return new Range(ctx, r._sheet, { ...r._rect });
}

export function checkBounds(sheet: SheetModel, rect: Rect): void {
  if (lastRowOf(rect) > sheet.maxRows || lastColOf(rect) > sheet.maxCols) {
    throw exception('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

/** "B3", "A1:C9", "'Đơn vị'!B2:B41" (another sheet by name) against `sheet`; "Range not found" otherwise. */
export function areaFromA1(book: BookModel, sheet: SheetModel, ref: unknown, method: string): Area {
  if (typeof ref !== 'string') throw signatureError(method, [ref]);
  const { sheet: name, a1 } = splitSheet(ref.trim());
  const target = name === undefined ? sheet : book.sheetByName(name);
  const rect = target && parseA1(a1, target.maxRows, target.maxCols);
  if (!target || !rect) throw exception('Range not found');
  checkBounds(target, rect);
  return { sheet: target, rect };
}

function checkLines(n: unknown, max: number, what: 'rows' | 'columns', method: string): void {
  if (!isInteger(n)) throw signatureError(method, [n]);
  if (n < 1 || n > max) throw exception(`Those ${what} are out of bounds.`);
}

export class Sheet extends Stub {
  readonly _kind = 'Sheet';

  constructor(
    ctx: Ctx,
    readonly _m: SheetModel,
  ) {
    super(ctx);
  }

  _range(rect: Rect): Range {
    return new Range(this._ctx, this._m, rect);
  }

  getName(): string {
    return this._m.name;
  }
  getSheetName(): string {
    return this._m.name;
  }
  /** 1-based position among the sheets. */
  getIndex(): number {
    return this._ctx.book.sheets.indexOf(this._m) + 1;
  }
  getType(): EnumValue {
    return SheetType[this._m.type];
  }
  getSheetId(): number {
    return this._m.id;
  }
  getParent(): Spreadsheet {
    return new Spreadsheet(this._ctx);
  }
  getLastRow(): number {
    this._cells('getLastRow');
    return this._m.lastRow();
  }
  getLastColumn(): number {
    this._cells('getLastColumn');
    return this._m.lastCol();
  }
  /** A sheet holding only a chart has no cells: what needs them throws (the stand-in's wording, not Google's). */
  _cells(method: string): void {
    if (this._m.type !== 'GRID')
      throw exception(`${sig(method)} is not available on a sheet of type ${this._m.type}.`);
  }
  getMaxRows(): number {
    return this._m.maxRows;
  }
  getMaxColumns(): number {
    return this._m.maxCols;
  }
  /** A1 to the last row and column holding content; A1 on an empty sheet. */
  getDataRange(): Range {
    return this._range({
      row: 1,
      col: 1,
      rows: Math.max(1, this._m.lastRow()),
      cols: Math.max(1, this._m.lastCol()),
    });
  }

  getRange(a1Notation: string): Range;
  getRange(row: number, column: number, numRows?: number, numColumns?: number): Range;
  getRange(...args: unknown[]): Range {
    this._cells('getRange');
    if (args.length === 1 && typeof args[0] === 'string') {
      const area = areaFromA1(this._ctx.book, this._m, args[0], sig('getRange'));
      return new Range(this._ctx, area.sheet, area.rect);
    }
    if (args.length < 2 || args.length > 4 || !args.every(isInteger))
      throw signatureError(sig('getRange'), args);
    const [row, col, rows = 1, cols = 1] = args as number[];
    if (row < 1) throw exception('The starting row of the range is too small.');
    if (col < 1) throw exception('The starting column of the range is too small.');
    if (rows < 1) throw exception('The number of rows in the range must be at least 1.');
    if (cols < 1) throw exception('The number of columns in the range must be at least 1.');
    const rect = { row, col, rows, cols };
    checkBounds(this._m, rect);
    return this._range(rect);
  }
  getRangeList(a1Notations: string[]): RangeList {
    if (!Array.isArray(a1Notations)) throw signatureError(sig('getRangeList'), [a1Notations]);
    const areas = a1Notations.map((a1) => areaFromA1(this._ctx.book, this._m, a1, sig('getRangeList')));
    return new RangeList(
      this._ctx,
      areas.map((a) => new Range(this._ctx, a.sheet, a.rect)),
    );
  }

  /** Copies, in the sheet's order: changing them changes nothing until setConditionalFormatRules. */
  getConditionalFormatRules(): ConditionalFormatRule[] {
    this._cells('getConditionalFormatRules');
    return this._m.rules.map((r) => new ConditionalFormatRule(this._ctx, cloneRule(r)));
  }
  /** Replaces all of the sheet's rules. */
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    const method = sig('setConditionalFormatRules');
    if (!Array.isArray(rules)) throw signatureError(method, [rules]);
    const data = rules.map(
      (r) => unwrap<ConditionalFormatRule>(r, 'ConditionalFormatRule', method, [rules])._data,
    );
    if (data.some((d) => d.ranges.some((a) => a.sheet !== this._m))) {
      throw exception('The conditional format rule cannot reference a different sheet.');
    }
    this._m.rules = data.map(cloneRule);
  }
  clearConditionalFormatRules(): void {
    this._m.rules = [];
  }

  activate(): Sheet {
    this._ctx.book.active = this._m;
    return this;
  }
  getActiveRange(): Range {
    return activeRange(this._ctx);
  }
  setActiveRange(range: Range): Range {
    return selectRange(this._ctx, range, sig('setActiveRange'));
  }
  setActiveSelection(a1OrRange: string | Range): Range {
    const area =
      typeof a1OrRange === 'string'
        ? areaFromA1(this._ctx.book, this._m, a1OrRange, sig('setActiveSelection'))
        : (() => {
            const r = unwrap<Range>(a1OrRange, 'Range', sig('setActiveSelection'), [a1OrRange]);
            return { sheet: r._sheet, rect: r._rect };
          })();
    this._ctx.book.active = area.sheet;
    area.sheet.selection = { ...area.rect };
    return new Range(this._ctx, area.sheet, { ...area.rect });
  }

  getColumnWidth(column: number): number {
    checkLines(column, this._m.maxCols, 'columns', sig('getColumnWidth'));
    return this._m.colWidths.get(column) ?? 100;
  }
  getRowHeight(row: number): number {
    checkLines(row, this._m.maxRows, 'rows', sig('getRowHeight'));
    return this._m.rowHeights.get(row) ?? 21;
  }
  setColumnWidth(column: number, width: number): Sheet {
    return this._setSizes(this._m.colWidths, column, 1, width, 'columns', sig('setColumnWidth'));
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    return this._setSizes(
      this._m.colWidths,
      startColumn,
      numColumns,
      width,
      'columns',
      sig('setColumnWidths'),
    );
  }
  setRowHeight(row: number, height: number): Sheet {
    return this._setSizes(this._m.rowHeights, row, 1, height, 'rows', sig('setRowHeight'));
  }
  setRowHeights(startRow: number, numRows: number, height: number): Sheet {
    return this._setSizes(this._m.rowHeights, startRow, numRows, height, 'rows', sig('setRowHeights'));
  }
  _setSizes(
    sizes: Map<number, number>,
    start: number,
    n: number,
    px: number,
    what: 'rows' | 'columns',
    method: string,
  ): Sheet {
    if (!isInteger(n) || !isInteger(px) || px < 0) throw signatureError(method, [start, n, px]);
    const max = what === 'rows' ? this._m.maxRows : this._m.maxCols;
    checkLines(start, max, what, method);
    checkLines(start + n - 1, max, what, method);
    for (let i = start; i < start + n; i++) sizes.set(i, px);
    return this;
  }

  getFrozenRows(): number {
    return this._m.frozenRows;
  }
  getFrozenColumns(): number {
    return this._m.frozenCols;
  }
  /** A freeze line may not cut through a merge, as in Sheets. */
  setFrozenRows(rows: number): void {
    if (!isInteger(rows) || rows < 0 || rows > this._m.maxRows)
      throw signatureError(sig('setFrozenRows'), [rows]);
    if (this._m.merges.some((m) => m.row <= rows && lastRowOf(m) > rows)) {
      throw exception("Sorry, it's not possible to freeze rows that contain only part of a merged cell.");
    }
    this._m.frozenRows = rows;
  }
  setFrozenColumns(columns: number): void {
    if (!isInteger(columns) || columns < 0 || columns > this._m.maxCols) {
      throw signatureError(sig('setFrozenColumns'), [columns]);
    }
    if (this._m.merges.some((m) => m.col <= columns && lastColOf(m) > columns)) {
      throw exception("Sorry, it's not possible to freeze columns that contain only part of a merged cell.");
    }
    this._m.frozenCols = columns;
  }

  /** Inserts columns after `afterPosition`, moving later content right; the sheet grows. */
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    if (!isInteger(howMany) || howMany < 1)
      throw signatureError(sig('insertColumnsAfter'), [afterPosition, howMany]);
    checkLines(afterPosition, this._m.maxCols, 'columns', sig('insertColumnsAfter'));
    this._m.insertColumnsAfter(afterPosition, howMany, this._ctx.book);
    return this;
  }
}
instrument(Sheet, 'Sheet');
