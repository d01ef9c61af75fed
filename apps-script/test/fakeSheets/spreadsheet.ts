/** SpreadsheetApp, Spreadsheet and NamedRange. */
import { instrument } from './calls';
import { type Ctx, Stub, exception, isInteger, signatureError, unwrap } from './context';
import {
  BooleanCriteria,
  SheetType,
  BorderStyle,
  DataValidationCriteria,
  InterpolationType,
  WrapStrategy,
} from './enums';
import { Ui } from './html';
import type { Area } from './model';
import { Range, RangeList } from './range';
import { ConditionalFormatRuleBuilder, DataValidationBuilder } from './rules';
import { Sheet, activeRange, areaFromA1, selectRange } from './sheet';

const sig = (method: string) => `SpreadsheetApp.Spreadsheet.${method}`;

/**
 * Sheets' rules for a named range's name: a letter or underscore first, then letters, digits, underscores; not
 * something that reads as a cell (A1, R1C1) or a boolean; at most 250 characters.
 */
export function isValidRangeName(name: string): boolean {
  return (
    name.length <= 250 &&
    /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) &&
    !/^[a-z]{1,3}\d+$/i.test(name) &&
    !/^r\d*c\d*$/i.test(name) &&
    !/^(true|false)$/i.test(name)
  );
}

export class NamedRange extends Stub {
  readonly _kind = 'NamedRange';

  constructor(
    ctx: Ctx,
    readonly _name: string,
  ) {
    super(ctx);
  }

  _entry(): { name: string; area: Area } {
    const entry = this._ctx.book.names.get(this._name.toLowerCase());
    if (!entry) throw exception(`Named range ${this._name} not found.`);
    return entry;
  }

  getName(): string {
    return this._entry().name;
  }
  getRange(): Range {
    const { area } = this._entry();
    return new Range(this._ctx, area.sheet, { ...area.rect });
  }
  remove(): void {
    this._ctx.book.names.delete(this._entry().name.toLowerCase());
  }
}
instrument(NamedRange, 'NamedRange');

export class Spreadsheet extends Stub {
  readonly _kind = 'Spreadsheet';

  getId(): string {
    return this._ctx.book.id;
  }
  getName(): string {
    return this._ctx.book.name;
  }
  getSpreadsheetTimeZone(): string {
    return this._ctx.book.timeZone;
  }
  getSpreadsheetLocale(): string {
    return this._ctx.book.locale;
  }
  getActiveSheet(): Sheet {
    return new Sheet(this._ctx, this._ctx.book.active);
  }
  setActiveSheet(sheet: Sheet): Sheet {
    const s = unwrap<Sheet>(sheet, 'Sheet', sig('setActiveSheet'), [sheet]);
    this._ctx.book.active = s._m;
    return new Sheet(this._ctx, s._m);
  }
  getSheets(): Sheet[] {
    return this._ctx.book.sheets.map((m) => new Sheet(this._ctx, m));
  }
  getNumSheets(): number {
    return this._ctx.book.sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    if (typeof name !== 'string') throw signatureError(sig('getSheetByName'), [name]);
    const m = this._ctx.book.sheetByName(name);
    return m ? new Sheet(this._ctx, m) : null;
  }

  /** insertSheet(), (index), (name) or (name, index); index is 0-based. The new sheet is 1000×26 and active. */
  insertSheet(...args: unknown[]): Sheet {
    const book = this._ctx.book;
    const named = typeof args[0] === 'string';
    const name = named ? (args[0] as string) : undefined;
    const index = named ? args[1] : args[0];
    if (args.length > (named ? 2 : 1) || (index !== undefined && !isInteger(index))) {
      throw signatureError(sig('insertSheet'), args);
    }
    if (index !== undefined && (index < 0 || index > book.sheets.length)) {
      throw exception(`Invalid argument: sheetIndex ${index}`);
    }
    if (name && book.sheetByName(name)) {
      throw exception(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    let fresh = name;
    for (let n = book.sheets.length + 1; !fresh; n++) if (!book.sheetByName(`Sheet${n}`)) fresh = `Sheet${n}`;
    const m = book.newSheet(fresh);
    book.sheets.splice(index ?? book.sheets.length, 0, m);
    book.active = m;
    return new Sheet(this._ctx, m);
  }
  deleteSheet(sheet: Sheet): void {
    const book = this._ctx.book;
    const s = unwrap<Sheet>(sheet, 'Sheet', sig('deleteSheet'), [sheet]);
    const at = book.sheets.indexOf(s._m);
    if (at < 0) throw exception('Sheet not found.');
    if (book.sheets.length === 1) throw exception("You can't remove all the sheets in a document.");
    book.sheets.splice(at, 1);
    for (const [key, { area }] of book.names) if (area.sheet === s._m) book.names.delete(key);
    if (book.active === s._m) book.active = book.sheets[Math.max(0, at - 1)];
  }

  getNamedRanges(): NamedRange[] {
    return [...this._ctx.book.names.values()].map((n) => new NamedRange(this._ctx, n.name));
  }
  /** A taken name is pointed at the new range, as Sheets does. */
  setNamedRange(name: string, range: Range): void {
    const r = unwrap<Range>(range, 'Range', sig('setNamedRange'), [name, range]);
    if (typeof name !== 'string') throw signatureError(sig('setNamedRange'), [name, range]);
    if (!isValidRangeName(name))
      throw exception(`Invalid argument: name "${name}" is not a valid named range name.`);
    this._ctx.book.names.set(name.toLowerCase(), { name, area: { sheet: r._sheet, rect: { ...r._rect } } });
  }
  getRangeByName(name: string): Range | null {
    const entry = this._ctx.book.names.get(String(name).toLowerCase());
    return entry ? new Range(this._ctx, entry.area.sheet, { ...entry.area.rect }) : null;
  }
  /** Throws when there is no such name, as documented. */
  removeNamedRange(name: string): void {
    if (!this._ctx.book.names.delete(String(name).toLowerCase()))
      throw exception(`Named range ${name} not found.`);
  }

  getRange(a1Notation: string): Range {
    const area = areaFromA1(this._ctx.book, this._ctx.book.active, a1Notation, sig('getRange'));
    return new Range(this._ctx, area.sheet, area.rect);
  }
  getRangeList(a1Notations: string[]): RangeList {
    if (!Array.isArray(a1Notations)) throw signatureError(sig('getRangeList'), [a1Notations]);
    const book = this._ctx.book;
    const ranges = a1Notations.map((a1) => {
      const area = areaFromA1(book, book.active, a1, sig('getRangeList'));
      return new Range(this._ctx, area.sheet, area.rect);
    });
    return new RangeList(this._ctx, ranges);
  }
  getActiveRange(): Range {
    return activeRange(this._ctx);
  }
  setActiveRange(range: Range): Range {
    return selectRange(this._ctx, range, sig('setActiveRange'));
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    void timeoutSeconds;
    this._ctx.ui.toasts.push(
      title === undefined ? { msg: String(msg) } : { msg: String(msg), title: String(title) },
    );
  }
}
instrument(Spreadsheet, 'Spreadsheet');

export class SpreadsheetApp extends Stub {
  readonly BooleanCriteria = BooleanCriteria;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BorderStyle = BorderStyle;
  readonly WrapStrategy = WrapStrategy;
  readonly SheetType = SheetType;
  readonly InterpolationType = InterpolationType;

  getActiveSpreadsheet(): Spreadsheet {
    return new Spreadsheet(this._ctx);
  }
  getActive(): Spreadsheet {
    return new Spreadsheet(this._ctx);
  }
  getActiveSheet(): Sheet {
    return new Sheet(this._ctx, this._ctx.book.active);
  }
  getActiveRange(): Range {
    const active = this._ctx.book.active;
    return new Range(this._ctx, active, { ...active.selection });
  }
  getUi(): Ui {
    return new Ui(this._ctx);
  }
  /** Nothing is pending in the fake; the call is only counted. */
  flush(): void {}
  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this._ctx);
  }
  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder(this._ctx);
  }
}
instrument(SpreadsheetApp, 'SpreadsheetApp');
