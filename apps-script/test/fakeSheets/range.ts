/** Range and RangeList. */
import { type Rect, cellA1, contains, intersects, lastColOf, lastRowOf, rectA1 } from './a1';
import { instrument } from './calls';
import { type Ctx, Stub, exception, isInteger, signatureError, unwrap } from './context';
import { serialToDate } from './dates';
import { BorderStyle, memberName } from './enums';
import { AUTOMATIC_FORMAT, displayValue, isDateFormat } from './formats';
import { type Cell, type Fmt, type Raw, type SheetModel, writeTyped } from './model';
import { DataValidation } from './rules';
import { Sheet } from './sheet';

const sig = (method: string) => `SpreadsheetApp.Range.${method}`;

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
};

/** '#RRGGBB' (stored lower-case, as Sheets returns it), '#RGB' or a CSS colour name; null resets. */
export function parseColor(c: unknown, method: string): string | undefined {
  if (c === null) return undefined;
  if (typeof c !== 'string') throw signatureError(method, [c]);
  const s = c.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(s)) return s;
  if (/^#[0-9a-f]{3}$/.test(s)) return '#' + [...s.slice(1)].map((h) => h + h).join('');
  if (NAMED_COLORS[s]) return NAMED_COLORS[s];
  // Stricter than Sheets, which may ignore a colour it cannot read: a typo should fail the test.
  throw exception(`Invalid argument: color "${c}"`);
}

function oneOf(v: unknown, allowed: string[], method: string, what: string): string | undefined {
  if (v === null) return undefined;
  if (typeof v !== 'string') throw signatureError(method, [v]);
  const s = v.toLowerCase();
  if (!allowed.includes(s)) throw exception(`Invalid argument: ${what} "${v}"`);
  return s;
}

type FmtPatch = Partial<Record<keyof Fmt, Fmt[keyof Fmt] | undefined>>;

function patchFormats(targets: Range[], patch: FmtPatch): void {
  for (const t of targets) {
    t._sheet.each(t._rect, (r, c) => {
      const fmt = t._sheet.ensure(r, c).fmt as Record<string, unknown>;
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined) delete fmt[k];
        else fmt[k] = v;
      }
    });
  }
}

/** The format setters Range and RangeList share: each returns the patch it applies. */
const formatSetters = {
  setBackground: (m: string, color: unknown): FmtPatch => ({ background: parseColor(color, m) }),
  setFontColor: (m: string, color: unknown): FmtPatch => ({ fontColor: parseColor(color, m) }),
  setFontFamily: (m: string, family: unknown): FmtPatch => {
    if (family !== null && typeof family !== 'string') throw signatureError(m, [family]);
    return { fontFamily: family ?? undefined };
  },
  setFontSize: (m: string, size: unknown): FmtPatch => {
    if (!isInteger(size) || size < 1) throw signatureError(m, [size]);
    return { fontSize: size };
  },
  setFontWeight: (m: string, w: unknown): FmtPatch => ({
    fontWeight: oneOf(w, ['bold', 'normal'], m, 'font weight'),
  }),
  setFontStyle: (m: string, s: unknown): FmtPatch => ({
    fontStyle: oneOf(s, ['italic', 'normal'], m, 'font style'),
  }),
  setHorizontalAlignment: (m: string, a: unknown): FmtPatch => {
    const v = oneOf(a, ['left', 'center', 'right', 'normal'], m, 'alignment');
    return { hAlign: v === 'normal' ? undefined : v };
  },
  setVerticalAlignment: (m: string, a: unknown): FmtPatch => ({
    vAlign: oneOf(a, ['top', 'middle', 'bottom'], m, 'alignment'),
  }),
  setWrap: (m: string, wrap: unknown): FmtPatch => {
    if (typeof wrap !== 'boolean') throw signatureError(m, [wrap]);
    return { wrap };
  },
  setNumberFormat: (m: string, f: unknown): FmtPatch => {
    if (typeof f !== 'string') throw signatureError(m, [f]);
    return { numberFormat: f === '' ? undefined : f };
  },
};

/**
 * setBorder(top, left, bottom, right, vertical, horizontal[, color, style]): true draws that edge, false removes
 * it, null leaves it; vertical/horizontal are the inner edges. Sides are kept per cell.
 */
function applyBorder(targets: Range[], method: string, args: unknown[]): void {
  if (args.length !== 6 && args.length !== 8) throw signatureError(method, args);
  const sides = args.slice(0, 6);
  if (sides.some((s) => s !== null && typeof s !== 'boolean')) throw signatureError(method, args);
  const color = args.length === 8 ? parseColor(args[6], method) : undefined;
  const styleArg = args[7] ?? null;
  const style = styleArg === null ? 'SOLID' : memberName(BorderStyle, styleArg);
  if (!style) throw signatureError(method, args);
  const line = { style, color: color ?? '#000000' };
  const [top, left, bottom, right, vertical, horizontal] = sides as (boolean | null)[];
  const set = (fmt: Fmt, side: 'top' | 'left' | 'bottom' | 'right', on: boolean | null) => {
    if (on === true) fmt[side] = { ...line };
    else if (on === false) delete fmt[side];
  };
  for (const t of targets) {
    const r = t._rect;
    t._sheet.each(r, (row, col) => {
      const fmt = t._sheet.ensure(row, col).fmt;
      set(fmt, 'top', row === r.row ? top : horizontal);
      set(fmt, 'bottom', row === lastRowOf(r) ? bottom : horizontal);
      set(fmt, 'left', col === r.col ? left : vertical);
      set(fmt, 'right', col === lastColOf(r) ? right : vertical);
    });
  }
}

function clearFormats(targets: Range[]): void {
  for (const t of targets) t._sheet.each(t._rect, (r, c) => void (t._sheet.ensure(r, c).fmt = {}));
}

const MERGE_ERROR = 'You must select all cells in a merged range to merge or unmerge them.';

export class Range extends Stub {
  readonly _kind = 'Range';

  constructor(
    ctx: Ctx,
    readonly _sheet: SheetModel,
    readonly _rect: Rect,
  ) {
    super(ctx);
  }

  /** The cell's content, or undefined for a hidden (non top-left) cell of a merge. */
  _content(row: number, col: number): Cell | undefined {
    const m = this._sheet.mergeAt(row, col);
    if (m && (m.row !== row || m.col !== col)) return undefined;
    return this._sheet.cell(row, col);
  }

  _raw(row: number, col: number): Raw | undefined {
    const cell = this._content(row, col);
    if (!cell) return undefined;
    if (cell.formula !== undefined)
      return this._ctx.book.calculate(cell.formula, this._sheet.name, cellA1(row, col));
    return cell.value;
  }

  _value(row: number, col: number): unknown {
    const v = this._raw(row, col);
    if (v === undefined) return '';
    if (typeof v === 'number' && isDateFormat(this._sheet.cell(row, col)?.fmt.numberFormat)) {
      return serialToDate(v, this._ctx.book.timeZone);
    }
    return v;
  }

  _grid<T>(fn: (row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = this._rect.row; r <= lastRowOf(this._rect); r++) {
      const line: T[] = [];
      for (let c = this._rect.col; c <= lastColOf(this._rect); c++) line.push(fn(r, c));
      out.push(line);
    }
    return out;
  }

  _checkShape(values: unknown, method: string): unknown[][] {
    if (!Array.isArray(values) || !values.every((v) => Array.isArray(v)))
      throw signatureError(sig(method), [values]);
    const { rows, cols } = this._rect;
    if (values.length !== rows) {
      throw exception(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${rows}.`,
      );
    }
    for (const line of values as unknown[][]) {
      if (line.length !== cols) {
        throw exception(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${cols}.`,
        );
      }
    }
    return values as unknown[][];
  }

  /** Writes cell by cell; what lands on the hidden cells of a merge is dropped, as in Sheets. */
  _write(fn: (row: number, col: number) => unknown): void {
    this._sheet.each(this._rect, (r, c) => {
      const m = this._sheet.mergeAt(r, c);
      if (m && (m.row !== r || m.col !== c)) return;
      writeTyped(this._sheet.ensure(r, c), fn(r, c), this._ctx.book.timeZone);
    });
  }

  getSheet(): Sheet {
    return new Sheet(this._ctx, this._sheet);
  }
  getA1Notation(): string {
    return rectA1(this._rect);
  }
  getRow(): number {
    return this._rect.row;
  }
  getColumn(): number {
    return this._rect.col;
  }
  getNumRows(): number {
    return this._rect.rows;
  }
  getNumColumns(): number {
    return this._rect.cols;
  }
  getLastRow(): number {
    return lastRowOf(this._rect);
  }
  getLastColumn(): number {
    return lastColOf(this._rect);
  }

  /** Numbers, strings, booleans, '' for empty; a number under a date format is a Date in the sheet's zone. */
  getValues(): unknown[][] {
    return this._grid((r, c) => this._value(r, c));
  }
  getValue(): unknown {
    return this._value(this._rect.row, this._rect.col);
  }
  getDisplayValues(): string[][] {
    return this._grid((r, c) => {
      const v = this._raw(r, c);
      const fmt = this._sheet.cell(r, c)?.fmt.numberFormat;
      return v === undefined ? '' : displayValue(v, fmt, this._ctx.book.locale);
    });
  }
  getDisplayValue(): string {
    const { row, col } = this._rect;
    const v = this._raw(row, col);
    return v === undefined
      ? ''
      : displayValue(v, this._sheet.cell(row, col)?.fmt.numberFormat, this._ctx.book.locale);
  }
  getNumberFormats(): string[][] {
    return this._grid((r, c) => this._sheet.cell(r, c)?.fmt.numberFormat ?? AUTOMATIC_FORMAT);
  }
  getNumberFormat(): string {
    return this._sheet.cell(this._rect.row, this._rect.col)?.fmt.numberFormat ?? AUTOMATIC_FORMAT;
  }
  getFormulas(): string[][] {
    return this._grid((r, c) => this._content(r, c)?.formula ?? '');
  }
  getFormula(): string {
    return this._content(this._rect.row, this._rect.col)?.formula ?? '';
  }
  getBackgrounds(): string[][] {
    return this._grid((r, c) => this._sheet.cell(r, c)?.fmt.background ?? '#ffffff');
  }
  getBackground(): string {
    return this._sheet.cell(this._rect.row, this._rect.col)?.fmt.background ?? '#ffffff';
  }

  setValues(values: unknown[][]): Range {
    const rows = this._checkShape(values, 'setValues');
    this._write((r, c) => rows[r - this._rect.row][c - this._rect.col]);
    return this;
  }
  /** Every cell of the range gets the value. */
  setValue(value: unknown): Range {
    this._write(() => value);
    return this;
  }
  setFormulas(formulas: string[][]): Range {
    const rows = this._checkShape(formulas, 'setFormulas');
    if (rows.some((line) => line.some((f) => typeof f !== 'string')))
      throw signatureError(sig('setFormulas'), [rows]);
    this._write((r, c) => rows[r - this._rect.row][c - this._rect.col]);
    return this;
  }
  setFormula(formula: string): Range {
    if (typeof formula !== 'string') throw signatureError(sig('setFormula'), [formula]);
    this._write(() => formula);
    return this;
  }
  setNumberFormats(formats: string[][]): Range {
    const rows = this._checkShape(formats, 'setNumberFormats');
    if (rows.some((line) => line.some((f) => typeof f !== 'string'))) {
      throw signatureError(sig('setNumberFormats'), [rows]);
    }
    this._sheet.each(this._rect, (r, c) => {
      const f = rows[r - this._rect.row][c - this._rect.col] as string;
      this._sheet.ensure(r, c).fmt.numberFormat = f === '' ? undefined : f;
    });
    return this;
  }
  setNumberFormat(format: string): Range {
    patchFormats([this], formatSetters.setNumberFormat(sig('setNumberFormat'), format));
    return this;
  }
  clearContent(): Range {
    this._sheet.each(this._rect, (r, c) => {
      const cell = this._sheet.cell(r, c);
      if (cell) cell.value = cell.formula = undefined;
    });
    return this;
  }

  /** Keeps the top-left value and clears the others; a partly covered merge is refused, as in Sheets. */
  merge(): Range {
    const rect = this._rect;
    if (this._sheet.merges.some((m) => intersects(m, rect) && !contains(rect, m)))
      throw exception(MERGE_ERROR);
    this._sheet.merges = this._sheet.merges.filter((m) => !contains(rect, m));
    if (rect.rows * rect.cols > 1) {
      this._sheet.merges.push({ ...rect });
      this._sheet.each(rect, (r, c) => {
        const cell = this._sheet.cell(r, c);
        if (cell && (r !== rect.row || c !== rect.col)) cell.value = cell.formula = undefined;
      });
    }
    return this;
  }
  breakApart(): Range {
    const rect = this._rect;
    if (this._sheet.merges.some((m) => intersects(m, rect) && !contains(rect, m)))
      throw exception(MERGE_ERROR);
    this._sheet.merges = this._sheet.merges.filter((m) => !contains(rect, m));
    return this;
  }
  isPartOfMerge(): boolean {
    return this._sheet.merges.some((m) => intersects(m, this._rect));
  }
  /** New Range objects for the merges inside the range or overlapping it, top to bottom, left to right. */
  getMergedRanges(): Range[] {
    return this._sheet.merges
      .filter((m) => intersects(m, this._rect))
      .sort((a, b) => a.row - b.row || a.col - b.col)
      .map((m) => new Range(this._ctx, this._sheet, { ...m }));
  }

  activate(): Range {
    this._ctx.book.active = this._sheet;
    this._sheet.selection = { ...this._rect };
    return this;
  }

  setDataValidation(rule: DataValidation | null): Range {
    const data =
      rule === null
        ? undefined
        : unwrap<DataValidation>(rule, 'DataValidation', sig('setDataValidation'), [rule])._data;
    this._sheet.each(this._rect, (r, c) => void (this._sheet.ensure(r, c).validation = data));
    return this;
  }
  getDataValidations(): (DataValidation | null)[][] {
    return this._grid((r, c) => {
      const data = this._sheet.cell(r, c)?.validation;
      return data ? new DataValidation(this._ctx, data) : null;
    });
  }
  getDataValidation(): DataValidation | null {
    const data = this._sheet.cell(this._rect.row, this._rect.col)?.validation;
    return data ? new DataValidation(this._ctx, data) : null;
  }

  setBackground(color: string | null): Range {
    patchFormats([this], formatSetters.setBackground(sig('setBackground'), color));
    return this;
  }
  setFontColor(color: string | null): Range {
    patchFormats([this], formatSetters.setFontColor(sig('setFontColor'), color));
    return this;
  }
  setFontFamily(family: string | null): Range {
    patchFormats([this], formatSetters.setFontFamily(sig('setFontFamily'), family));
    return this;
  }
  setFontSize(size: number): Range {
    patchFormats([this], formatSetters.setFontSize(sig('setFontSize'), size));
    return this;
  }
  setFontWeight(weight: 'bold' | 'normal' | null): Range {
    patchFormats([this], formatSetters.setFontWeight(sig('setFontWeight'), weight));
    return this;
  }
  setFontStyle(style: 'italic' | 'normal' | null): Range {
    patchFormats([this], formatSetters.setFontStyle(sig('setFontStyle'), style));
    return this;
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): Range {
    patchFormats([this], formatSetters.setHorizontalAlignment(sig('setHorizontalAlignment'), alignment));
    return this;
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): Range {
    patchFormats([this], formatSetters.setVerticalAlignment(sig('setVerticalAlignment'), alignment));
    return this;
  }
  setWrap(wrap: boolean): Range {
    patchFormats([this], formatSetters.setWrap(sig('setWrap'), wrap));
    return this;
  }
  setBorder(...args: (boolean | string | object | null)[]): Range {
    applyBorder([this], sig('setBorder'), args);
    return this;
  }
  clearFormat(): Range {
    clearFormats([this]);
    return this;
  }
}
instrument(Range, 'Range');

export class RangeList extends Stub {
  readonly _kind = 'RangeList';

  constructor(
    ctx: Ctx,
    readonly _ranges: Range[],
  ) {
    super(ctx);
  }

  _apply(method: keyof typeof formatSetters, value: unknown): RangeList {
    patchFormats(this._ranges, formatSetters[method](`SpreadsheetApp.RangeList.${method}`, value));
    return this;
  }

  getRanges(): Range[] {
    return this._ranges.map((r) => new Range(this._ctx, r._sheet, { ...r._rect }));
  }
  setBackground(color: string | null): RangeList {
    return this._apply('setBackground', color);
  }
  setFontColor(color: string | null): RangeList {
    return this._apply('setFontColor', color);
  }
  setFontFamily(family: string | null): RangeList {
    return this._apply('setFontFamily', family);
  }
  setFontSize(size: number): RangeList {
    return this._apply('setFontSize', size);
  }
  setFontWeight(weight: 'bold' | 'normal' | null): RangeList {
    return this._apply('setFontWeight', weight);
  }
  setFontStyle(style: 'italic' | 'normal' | null): RangeList {
    return this._apply('setFontStyle', style);
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): RangeList {
    return this._apply('setHorizontalAlignment', alignment);
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): RangeList {
    return this._apply('setVerticalAlignment', alignment);
  }
  setWrap(wrap: boolean): RangeList {
    return this._apply('setWrap', wrap);
  }
  setNumberFormat(format: string): RangeList {
    return this._apply('setNumberFormat', format);
  }
  setBorder(...args: (boolean | string | object | null)[]): RangeList {
    applyBorder(this._ranges, 'SpreadsheetApp.RangeList.setBorder', args);
    return this;
  }
  clearFormat(): RangeList {
    clearFormats(this._ranges);
    return this;
  }
  /** Selects the ranges; the last one becomes the active range, as in Sheets. */
  activate(): RangeList {
    const last = this._ranges[this._ranges.length - 1];
    this._ctx.book.active = last._sheet;
    last._sheet.selection = { ...last._rect };
    return this;
  }
}
instrument(RangeList, 'RangeList');
