/**
 * An in-memory stand-in for the parts of SpreadsheetApp, HtmlService, Ui, Utilities and Session that a Google
 * Sheets add-on's server code uses. Stateful, counts every call, snapshots state, injects faults. Plain objects
 * without Node built-ins, so globals() can be handed to a bare node:vm context. See README.md.
 */
import { intersects, parseA1 } from './a1';
import { Calls } from './calls';
import type { Ctx, MenuRecord, UiRecords } from './context';
import { dateToSerial, isDate } from './dates';
import { type Area, type Calculate, BookModel, type RuleData, type SheetModel } from './model';
import { parseColor } from './range';
import { areaFromA1 } from './sheet';
import { type SpreadsheetSnapshot, type CellSnapshot, snapshotBook, snapshotCell } from './snapshot';
import { SpreadsheetApp, isValidRangeName } from './spreadsheet';
import { HtmlService } from './html';
import { Logger, Session, Utilities } from './utilities';

export type {
  CellSnapshot,
  RuleSnapshot,
  SheetSnapshot,
  SpreadsheetSnapshot,
  ValidationSnapshot,
} from './snapshot';
export type { MenuItemRecord, MenuRecord, UiRecords } from './context';
export { AUTOMATIC_FORMAT } from './formats';

export type RuleInit =
  | { kind: 'formula'; formula: string; ranges: string[]; background?: string }
  | { kind: 'textContains'; text: string; ranges: string[]; background?: string; fontColor?: string }
  | { kind: 'numberGreaterThan'; value: number; ranges: string[]; background?: string }
  | { kind: 'gradient'; ranges: string[]; minColor: string; maxColor: string };

export interface SheetInit {
  name: string;
  /**
   * Rows from A1 (or from `origin`, e.g. 'C4'). A Date is stored as a serial in the spreadsheet's time zone
   * with format 'dd/MM/yyyy' unless a format is given. Strings are stored as typed text, not re-parsed, except
   * that "=…" is a formula.
   */
  values: (string | number | boolean | Date | null)[][];
  origin?: string;
  /** Same shape as values; null = automatic. */
  numberFormats?: (string | null)[][];
  merges?: string[];
  /** 'B3' (or 'B3:C4') -> '#ff0000': the user's own fills. */
  backgrounds?: Record<string, string>;
  /** The user's own rules, in order. */
  conditionalRules?: RuleInit[];
  maxRows?: number;
  maxColumns?: number;
  /** 'OBJECT': a chart moved to its own sheet (no cells; getRange and the like throw, as in Sheets). */
  type?: 'GRID' | 'OBJECT';
}

export interface FakeSheetsInit {
  /** Spreadsheet time zone, default 'Asia/Ho_Chi_Minh'. */
  timeZone?: string;
  /** Spreadsheet locale, default 'vi_VN'. */
  locale?: string;
  /** Session.getActiveUserLocale(), default 'vi'. */
  userLocale?: string;
  /** Session.getScriptTimeZone(), default 'America/Los_Angeles' (a new Apps Script project's zone). */
  scriptTimeZone?: string;
  sheets: SheetInit[];
  /** Default: the first sheet. */
  activeSheet?: string;
  /** A1 on the active sheet, default 'A1'. */
  selection?: string;
  /** name -> "'Sheet name'!A1:B3". */
  namedRanges?: Record<string, string>;
  /** For HtmlService.createHtmlOutputFromFile(name); name without .html. */
  htmlFiles?: Record<string, string>;
  /** What a formula cell evaluates to (the fake does not calculate); default ''. */
  calculate?: Calculate;
  /** Caption of createAddonMenu()'s menu, default 'Add-on'. */
  addonName?: string;
  id?: string;
  name?: string;
}

export interface FakeSheets {
  SpreadsheetApp: object;
  HtmlService: object;
  Utilities: object;
  Session: object;
  Logger: object;
  /** { SpreadsheetApp, HtmlService, Utilities, Session, Logger, console } for a vm context or globalThis. */
  globals(): Record<string, unknown>;
  /** Every call on any stand-in, in order, as 'Class.method'. */
  readonly log: string[];
  /** All calls, those starting with a prefix ('Range.get'), or those matching a predicate. */
  count(prefixOrPredicate?: string | ((call: string) => boolean)): number;
  resetLog(): void;
  snapshot(): SpreadsheetSnapshot;
  /** One cell as the snapshot shows it ({} when empty), read without logging a call. */
  cell(sheet: string, a1: string): CellSnapshot;
  ui: UiRecords;
  /** Lines written with Logger.log. */
  logged: string[];
  /** The n-th (skip + 1) next call to 'Class.method' throws new Error(message). */
  failOn(call: string, opts?: { skip?: number; message?: string }): void;
  setTimeZone(tz: string): void;
}

function fail(message: string): never {
  throw new Error(`FakeSheets init: ${message}`);
}

function buildRule(book: BookModel, sheet: SheetModel, r: RuleInit): RuleData {
  const ranges: Area[] = r.ranges.map((a1) => areaFromA1(book, sheet, a1, 'init'));
  const color = (c: string | undefined) => (c === undefined ? undefined : parseColor(c, 'init'));
  switch (r.kind) {
    case 'formula':
      return {
        condition: { criteria: 'CUSTOM_FORMULA', values: [r.formula] },
        gradient: null,
        background: color(r.background),
        ranges,
      };
    case 'textContains':
      return {
        condition: { criteria: 'TEXT_CONTAINS', values: [r.text] },
        gradient: null,
        background: color(r.background),
        fontColor: color(r.fontColor),
        ranges,
      };
    case 'numberGreaterThan':
      return {
        condition: { criteria: 'NUMBER_GREATER_THAN', values: [r.value] },
        gradient: null,
        background: color(r.background),
        ranges,
      };
    case 'gradient':
      return { condition: null, gradient: { min: color(r.minColor), max: color(r.maxColor) }, ranges };
  }
}

function buildSheet(book: BookModel, s: SheetInit): SheetModel {
  if (book.sheetByName(s.name)) fail(`duplicate sheet name ${s.name}`);
  const origin = parseA1(s.origin ?? 'A1', Infinity, Infinity) ?? fail(`bad origin ${s.origin}`);
  const usedRows = origin.row - 1 + s.values.length;
  const usedCols = origin.col - 1 + Math.max(0, ...s.values.map((line) => line.length));
  const m = book.newSheet(
    s.name,
    s.maxRows ?? Math.max(1000, usedRows),
    s.maxColumns ?? Math.max(26, usedCols),
  );
  if (s.type === 'OBJECT') m.type = 'OBJECT';
  if (m.maxRows < usedRows || m.maxCols < usedCols) fail(`${s.name}: values exceed maxRows/maxColumns`);
  s.values.forEach((line, i) =>
    line.forEach((v, j) => {
      const format = s.numberFormats?.[i]?.[j] ?? undefined;
      if ((v === null || v === '') && format === undefined) return;
      const cell = m.ensure(origin.row + i, origin.col + j);
      cell.fmt.numberFormat = format;
      if (isDate(v)) {
        cell.value = dateToSerial(v, book.timeZone);
        cell.fmt.numberFormat ??= 'dd/MM/yyyy';
      } else if (typeof v === 'string' && v.startsWith('=') && v.length > 1) cell.formula = v;
      else if (v !== null && v !== '') cell.value = v;
    }),
  );
  for (const a1 of s.merges ?? []) {
    const rect = areaFromA1(book, m, a1, 'init').rect;
    if (m.merges.some((x) => intersects(x, rect))) fail(`${s.name}: merge ${a1} overlaps another`);
    m.merges.push(rect);
  }
  for (const [a1, color] of Object.entries(s.backgrounds ?? {})) {
    const { rect } = areaFromA1(book, m, a1, 'init');
    m.each(rect, (r, c) => void (m.ensure(r, c).fmt.background = parseColor(color, 'init')));
  }
  return m;
}

export function createFakeSheets(init: FakeSheetsInit): FakeSheets {
  if (!init.sheets?.length) fail('at least one sheet is needed');
  const id = init.id ?? '1FakeSpreadsheetId0000000000000000000000000';
  const book = new BookModel(
    id,
    init.name ?? 'Fake spreadsheet',
    init.timeZone ?? 'Asia/Ho_Chi_Minh',
    init.locale ?? 'vi_VN',
    init.calculate ?? (() => ''),
  );
  for (const s of init.sheets) book.sheets.push(buildSheet(book, s));
  // Rules may name other sheets' ranges only once every sheet exists.
  init.sheets.forEach((s, i) => {
    book.sheets[i].rules = (s.conditionalRules ?? []).map((r) => buildRule(book, book.sheets[i], r));
  });
  book.active = init.activeSheet
    ? (book.sheetByName(init.activeSheet) ?? fail(`no sheet ${init.activeSheet}`))
    : book.sheets[0];
  book.active.selection = areaFromA1(book, book.active, init.selection ?? 'A1', 'init').rect;
  for (const [name, ref] of Object.entries(init.namedRanges ?? {})) {
    if (!isValidRangeName(name)) fail(`invalid range name ${name}`);
    book.names.set(name.toLowerCase(), {
      name,
      area: areaFromA1(book, book.active, ref.replace(/\$/g, ''), 'init'),
    });
  }

  const ui: UiRecords = { menus: [] as MenuRecord[], sidebars: [], dialogs: [], toasts: [], alerts: [] };
  const calls = new Calls(`Exception: Service Spreadsheets failed while accessing document with id ${id}.`);
  const ctx: Ctx = {
    calls,
    book,
    ui,
    htmlFiles: init.htmlFiles ?? {},
    userLocale: init.userLocale ?? 'vi',
    scriptTimeZone: init.scriptTimeZone ?? 'America/Los_Angeles',
    addonName: init.addonName ?? 'Add-on',
    logger: [],
  };
  const services = {
    SpreadsheetApp: new SpreadsheetApp(ctx),
    HtmlService: new HtmlService(ctx),
    Utilities: new Utilities(ctx),
    Session: new Session(ctx),
    Logger: new Logger(ctx),
  };
  return {
    ...services,
    globals: () => ({ ...services, console }),
    get log() {
      return calls.log;
    },
    count: (filter) => calls.count(filter),
    resetLog: () => calls.reset(),
    snapshot: () => snapshotBook(book),
    cell: (sheet, a1) => {
      const m = book.sheetByName(sheet) ?? fail(`no sheet ${sheet}`);
      const { rect } = areaFromA1(book, m, a1, 'cell');
      const c = m.cell(rect.row, rect.col);
      return c ? snapshotCell(c) : {};
    },
    ui,
    logged: ctx.logger,
    failOn: (call, opts) => calls.failOn(call, opts),
    setTimeZone: (tz) => {
      book.timeZone = tz;
    },
  };
}
