/**
 * An in-memory stand-in for the part of the Excel JavaScript API that the add-in uses, with Office.js's
 * proxy/load/sync semantics, payload limits and error shapes. Runs under Jest and, bundled, in a browser page
 * in place of office.js (see install). The members it implements are listed in README.md.
 */
import { FakeOfficeError, officeError } from './errors';
import {
  type Calculate,
  type CellFormat,
  type FakeValue,
  type Rect,
  type SheetModel,
  type WorkbookSnapshot,
  SheetModel as Sheet,
  WorkbookModel,
  cellCount,
  foldFormats,
  parseArea,
  snapshotWorkbook,
  splitAddressList,
} from './model';
import { FakeRequestContext, type FakeHost, type SyncLogEntry, PAYLOAD_LIMIT } from './proxies';

export { FakeOfficeError } from './errors';
export type { CellFormat, FakeValue, WorkbookSnapshot } from './model';
export { PAYLOAD_LIMIT, MERGED_AREAS_LIMIT, type SyncLogEntry } from './proxies';

export interface FakeConditionalFormatInit {
  type:
    | 'Custom'
    | 'CellValue'
    | 'ContainsText'
    | 'DataBar'
    | 'ColorScale'
    | 'IconSet'
    | 'TopBottom'
    | 'PresetCriteria';
  /** "E9:E20" or "E9:E20,G9". */
  ranges: string;
  /** Custom: { formula: "=$E9<0.8" }; CellValue: { formula1: "0.8", operator: "LessThan" } … */
  rule?: Record<string, unknown>;
  format?: { fill?: string; fontColor?: string; bold?: boolean };
  stopIfTrue?: boolean;
}

export interface FakeSheetInit {
  name: string;
  /** A block of values starting at `origin` (default "A1"); "=…" strings are formulas, null/"" blank. */
  values?: (FakeValue | null | undefined)[][];
  /** Number formats in the same shape as `values`; missing or null means General. */
  numberFormats?: (string | null | undefined)[][];
  origin?: string;
  /** Single cells by A1, applied after `values`. */
  cells?: Record<string, FakeValue | null>;
  merges?: string[];
  /** Cell formatting by address ("A8:H8"): the user's own fills, fonts, alignment. */
  formats?: Record<string, CellFormat>;
  conditionalFormats?: FakeConditionalFormatInit[];
  freeze?: { rows?: number; columns?: number };
  /** Selected areas of the sheet ("B3" or "A1:B2,D4" for a multiple selection); A1 by default. */
  selection?: string;
  protected?: boolean;
}

export interface FakeWorkbookInit {
  sheets?: FakeSheetInit[];
  /** Name of the active sheet; the first sheet by default. */
  activeSheet?: string;
  /** Workbook-scoped names: { DonVi: "'Đơn vị'!$B$2:$B$41" }. */
  names?: Record<string, string>;
  /** What a formula cell shows: Excel calculates, the fake asks this (default: ""). */
  calculate?: Calculate;
  /** Requirement sets reported as supported, e.g. { ExcelApi: '1.12' }; all are supported when omitted. */
  requirementSets?: Record<string, string>;
  /** Operations that fail with ApiNotFound at sync, as on an Excel too old for them: "Range.getMergedAreasOrNullObject", "PageLayout" (any member). */
  unsupported?: string[];
}

export interface FaultOptions {
  /** Error code raised (GeneralException by default). */
  code?: string;
  /** Let this many matching operations run first (0 = the next one fails). */
  skip?: number;
}

export interface FakeExcelNamespace {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  RequestContext: new () => Excel.RequestContext;
  ConditionalFormatType: Record<string, string>;
  BorderIndex: Record<string, string>;
  BorderLineStyle: Record<string, string>;
  BorderWeight: Record<string, string>;
  HorizontalAlignment: Record<string, string>;
  VerticalAlignment: Record<string, string>;
  PageOrientation: Record<string, string>;
  PaperType: Record<string, string>;
  DataValidationAlertStyle: Record<string, string>;
  ErrorCodes: Record<string, string>;
}

export interface FakeOffice {
  onReady(
    callback?: (info: { host: string; platform: string }) => void,
  ): Promise<{ host: string; platform: string }>;
  HostType: Record<string, string>;
  PlatformType: Record<string, string>;
  context: {
    host: string;
    platform: string;
    displayLanguage: string;
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  };
  actions: { associate(id: string, handler: (...args: unknown[]) => unknown): void };
  addin: { showAsTaskpane(): Promise<void>; hide(): Promise<void> };
}

export interface FakeOfficeExtension {
  Error: typeof FakeOfficeError;
  ErrorCodes: Record<string, string>;
  config: { extendedErrorLogging: boolean };
}

export interface FakeExcel {
  Excel: FakeExcelNamespace;
  Office: FakeOffice;
  OfficeExtension: FakeOfficeExtension;
  /** The workbook itself (read it in tests; change it only through the API or the helpers below). */
  workbook: WorkbookModel;
  /** context.sync() calls so far, over every context. */
  readonly syncCount: number;
  /** One entry per sync: the operations it ran, estimated payload bytes, the error code if it failed. */
  readonly syncLog: SyncLogEntry[];
  /** Handlers registered with Office.actions.associate. */
  readonly actions: Map<string, (...args: unknown[]) => unknown>;
  /** A fresh request context, as Excel.run gives one. */
  context(): Excel.RequestContext;
  /** Every sheet's values, formulas, number formats, per-cell formats, conditional formats, merges … */
  snapshot(): WorkbookSnapshot;
  /** The next matching operation ("ConditionalFormatCollection.add", "Range.formulas=") fails with `code`. */
  failOn(op: string, options?: FaultOptions): void;
  /** A cell's value as Excel would report it ("" when blank). */
  value(sheet: string, cell: string): FakeValue;
  formula(sheet: string, cell: string): string | undefined;
  numberFormat(sheet: string, cell: string): string;
  cellFormat(sheet: string, cell: string): CellFormat;
  sheet(name: string): SheetModel;
  /** Defines window.Office, window.Excel and window.OfficeExtension on `target`. */
  install(target: object): FakeExcel;
}

const ENUMS = {
  ConditionalFormatType: {
    custom: 'Custom',
    dataBar: 'DataBar',
    colorScale: 'ColorScale',
    iconSet: 'IconSet',
    topBottom: 'TopBottom',
    presetCriteria: 'PresetCriteria',
    containsText: 'ContainsText',
    cellValue: 'CellValue',
  },
  BorderIndex: {
    edgeTop: 'EdgeTop',
    edgeBottom: 'EdgeBottom',
    edgeLeft: 'EdgeLeft',
    edgeRight: 'EdgeRight',
    insideVertical: 'InsideVertical',
    insideHorizontal: 'InsideHorizontal',
    diagonalDown: 'DiagonalDown',
    diagonalUp: 'DiagonalUp',
  },
  BorderLineStyle: { none: 'None', continuous: 'Continuous', dash: 'Dash', dot: 'Dot', double: 'Double' },
  BorderWeight: { hairline: 'Hairline', thin: 'Thin', medium: 'Medium', thick: 'Thick' },
  HorizontalAlignment: {
    general: 'General',
    left: 'Left',
    center: 'Center',
    right: 'Right',
    justify: 'Justify',
  },
  VerticalAlignment: { top: 'Top', center: 'Center', bottom: 'Bottom', justify: 'Justify' },
  PageOrientation: { portrait: 'Portrait', landscape: 'Landscape' },
  PaperType: { a3: 'A3', a4: 'A4', a5: 'A5', letter: 'Letter', legal: 'Legal' },
  DataValidationAlertStyle: { stop: 'Stop', warning: 'Warning', information: 'Information' },
};

const ERROR_CODES = Object.fromEntries(
  [
    'AccessDenied',
    'ApiNotFound',
    'Conflict',
    'GeneralException',
    'InsertDeleteConflict',
    'InvalidArgument',
    'InvalidOperation',
    'InvalidReference',
    'InvalidSelection',
    'ItemAlreadyExists',
    'ItemNotFound',
    'MergedRangeConflict',
    'NotImplemented',
    'PropertyNotLoaded',
    'RequestPayloadSizeLimitExceeded',
    'ResponsePayloadSizeLimitExceeded',
    'UnsupportedOperation',
  ].map((c) => [c[0].toLowerCase() + c.slice(1), c]),
);

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

function cellAt(sheet: SheetModel, cell: string): { r: number; c: number } {
  const rect = parseArea(cell);
  if (!rect || cellCount(rect) !== 1) throw new Error(`FakeExcel: "${cell}" is not a cell`);
  return { r: rect.top, c: rect.left };
}

function rectsOf(address: string): Rect[] {
  return splitAddressList(address).map(({ area }) => {
    const r = parseArea(area);
    if (!r) throw new Error(`FakeExcel init: bad address "${address}"`);
    return r;
  });
}

function buildWorkbook(init: FakeWorkbookInit): WorkbookModel {
  const wb = new WorkbookModel(init.calculate);
  for (const s of init.sheets ?? [{ name: 'Sheet1' }]) {
    const sheet = wb.addSheet(s.name);
    const origin = cellAt(sheet, s.origin ?? 'A1');
    const put = (r: number, c: number, v: FakeValue | null | undefined) => {
      if (v === null || v === undefined || v === '') return;
      if (typeof v === 'string' && v.length > 1 && v.startsWith('=')) sheet.setFormula(r, c, v);
      else sheet.setConstant(r, c, v);
    };
    s.values?.forEach((row, i) => row.forEach((v, j) => put(origin.r + i, origin.c + j, v)));
    s.numberFormats?.forEach((row, i) =>
      row.forEach((f, j) => {
        if (f) sheet.setNumberFormat(origin.r + i, origin.c + j, f);
      }),
    );
    for (const [ref, v] of Object.entries(s.cells ?? {})) {
      const { r, c } = cellAt(sheet, ref);
      put(r, c, v);
    }
    for (const m of s.merges ?? []) sheet.merges.push(...rectsOf(m));
    for (const [address, f] of Object.entries(s.formats ?? {})) {
      for (const rect of rectsOf(address)) {
        if (f.fill) sheet.formatLayers.push({ rect, prop: 'fill.color', value: f.fill });
        for (const [k, v] of Object.entries(f.font ?? {}))
          sheet.formatLayers.push({ rect, prop: `font.${k}`, value: v });
        for (const k of ['horizontalAlignment', 'verticalAlignment', 'wrapText'] as const)
          if (f[k] !== undefined) sheet.formatLayers.push({ rect, prop: k, value: f[k] });
      }
    }
    for (const cf of s.conditionalFormats ?? []) {
      sheet.cfs.push({
        id: wb.newId('cf'),
        type: cf.type,
        ranges: rectsOf(cf.ranges),
        rule: { ...(cf.rule ?? {}) },
        format: { ...(cf.format ?? {}) },
        stopIfTrue: cf.stopIfTrue ?? false,
      });
    }
    sheet.freeze = { rows: s.freeze?.rows ?? 0, columns: s.freeze?.columns ?? 0 };
    if (s.selection) sheet.selection = rectsOf(s.selection);
    sheet.protected = s.protected ?? false;
  }
  if (init.activeSheet) {
    const active = wb.sheet(init.activeSheet);
    if (!active) throw new Error(`FakeExcel init: no sheet "${init.activeSheet}"`);
    wb.active = active;
  }
  for (const [name, ref] of Object.entries(init.names ?? {})) {
    const [only] = splitAddressList(ref.replace(/^=/, ''));
    const sheet = only?.sheet ? wb.sheet(only.sheet) : undefined;
    const rect = only ? parseArea(only.area) : null;
    if (!sheet || !rect) throw new Error(`FakeExcel init: name ${name} → "${ref}" is not a range`);
    wb.names.push({ name, sheet, rect, formula: '', comment: '' });
  }
  return wb;
}

export function createFakeExcel(init: FakeWorkbookInit = {}): FakeExcel {
  const workbook = buildWorkbook(init);
  let syncCount = 0;
  const syncLog: SyncLogEntry[] = [];
  const faults: { op: string; code: string; skip: number }[] = [];
  const actions = new Map<string, (...args: unknown[]) => unknown>();
  const unsupported = init.unsupported ?? [];

  const hostApi: FakeHost = {
    workbook,
    countSync: () => void syncCount++,
    log: (e) => void syncLog.push(e),
    fault(op) {
      const i = faults.findIndex((f) => f.op === op);
      if (i < 0) return null;
      const f = faults[i];
      if (f.skip > 0) {
        f.skip--;
        return null;
      }
      faults.splice(i, 1);
      return officeError(f.code, `injected fault on ${op}`, op);
    },
    unsupported: (op) => unsupported.some((u) => op === u || op.startsWith(`${u}.`) || op === `${u}=`),
  };

  const newContext = () => new FakeRequestContext(hostApi) as unknown as Excel.RequestContext;

  // A class so that `new Excel.RequestContext()` works as with office.js.
  const RequestContext = function (this: unknown) {
    return newContext();
  } as unknown as new () => Excel.RequestContext;

  const Excel: FakeExcelNamespace = {
    async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      const ctx = newContext();
      const result = await batch(ctx);
      // Excel.run sends what the batch left queued.
      if ((ctx as unknown as FakeRequestContext)._queue.length) await ctx.sync();
      return result;
    },
    RequestContext,
    ...ENUMS,
    ErrorCodes: ERROR_CODES,
  };

  const Office: FakeOffice = {
    onReady(callback) {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      callback?.(info);
      return Promise.resolve(info);
    },
    HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
    context: {
      host: 'Excel',
      platform: 'OfficeOnline',
      displayLanguage: 'vi-VN',
      requirements: {
        isSetSupported(name, minVersion = '1.1') {
          if (!init.requirementSets) return true;
          const have = init.requirementSets[name];
          return have !== undefined && versionAtLeast(have, minVersion);
        },
      },
    },
    actions: { associate: (id, handler) => void actions.set(id, handler) },
    addin: { showAsTaskpane: () => Promise.resolve(), hide: () => Promise.resolve() },
  };

  const OfficeExtension: FakeOfficeExtension = {
    Error: FakeOfficeError,
    ErrorCodes: ERROR_CODES,
    config: { extendedErrorLogging: false },
  };

  const sheetNamed = (name: string): SheetModel => {
    const s = workbook.sheet(name);
    if (!s) throw new Error(`FakeExcel: no sheet "${name}"`);
    return s;
  };

  const fake: FakeExcel = {
    Excel,
    Office,
    OfficeExtension,
    workbook,
    get syncCount() {
      return syncCount;
    },
    syncLog,
    actions,
    context: newContext,
    snapshot: () => snapshotWorkbook(workbook),
    failOn(op, options = {}) {
      faults.push({ op, code: options.code ?? 'GeneralException', skip: options.skip ?? 0 });
    },
    value(sheet, cell) {
      const s = sheetNamed(sheet);
      const { r, c } = cellAt(s, cell);
      return workbook.value(s, r, c);
    },
    formula(sheet, cell) {
      const s = sheetNamed(sheet);
      const { r, c } = cellAt(s, cell);
      return s.formula(r, c);
    },
    numberFormat(sheet, cell) {
      const s = sheetNamed(sheet);
      const { r, c } = cellAt(s, cell);
      return s.numberFormat(r, c);
    },
    cellFormat(sheet, cell) {
      const s = sheetNamed(sheet);
      const { r, c } = cellAt(s, cell);
      return foldFormats(s).get(Sheet.key(r, c)) ?? {};
    },
    sheet: sheetNamed,
    install(target) {
      const t = target as Record<string, unknown>;
      t.Office = Office;
      t.Excel = Excel;
      t.OfficeExtension = OfficeExtension;
      return fake;
    },
  };
  return fake;
}

/** Puts a fake on `target` (a browser's window, or globalThis in a test) in place of office.js. */
export function install(target: object = globalThis, init?: FakeWorkbookInit): FakeExcel {
  return createFakeExcel(init).install(target);
}

/** Payload ceiling the fake enforces per sync, for tests that reason about it. */
export const FAKE_PAYLOAD_LIMIT = PAYLOAD_LIMIT;
