/**
 * The in-memory workbook behind the fake Excel API: sheets of cells (values, formulas, number formats),
 * formatting laid down as rectangles, merges, conditional formats, data validations, defined names, frozen panes,
 * page layout, selection. Plain TypeScript with no Node built-ins, so it bundles for a browser page.
 */
import { columnIndex, columnLetters } from '../../../shared/src/table/grid';
import { officeError } from './errors';

export type FakeValue = string | number | boolean;

/** 0-based, inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
export const DEFAULT_COLUMN_WIDTH = 48; // points: 8.43 characters of Calibri 11
export const DEFAULT_ROW_HEIGHT = 15; // points

export interface FormatLayer {
  rect: Rect;
  /** "fill.color", "font.bold", "horizontalAlignment", "borders.EdgeTop.style" … */
  prop: string;
  value: unknown;
}

export interface ConditionalFormatModel {
  id: string;
  type: string;
  ranges: Rect[];
  /** Custom: { formula }; CellValue: { formula1, formula2?, operator } … as given. */
  rule: Record<string, unknown>;
  format: { fill?: string; fontColor?: string; bold?: boolean };
  stopIfTrue: boolean;
}

export interface ValidationModel {
  rect: Rect;
  rule: unknown;
  errorAlert?: unknown;
  ignoreBlanks?: boolean;
}

export interface NameModel {
  name: string;
  /** The sheet it points at and where, or a constant formula. */
  sheet: SheetModel | null;
  rect: Rect | null;
  formula: string;
  comment: string;
}

/** Per-cell formatting as folded from the layers, for tests and snapshots. */
export interface CellFormat {
  fill?: string;
  font?: { name?: string; size?: number; bold?: boolean; italic?: boolean; color?: string };
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: Partial<
    Record<'top' | 'bottom' | 'left' | 'right', { style?: string; weight?: string; color?: string }>
  >;
}

export type Calculate = (formula: string, at: { sheet: string; address: string }) => FakeValue;

export class SheetModel {
  values: (FakeValue | undefined)[][] = [];
  formulas = new Map<number, string>();
  numberFormats: (string | undefined)[][] = [];
  formatLayers: FormatLayer[] = [];
  merges: Rect[] = [];
  cfs: ConditionalFormatModel[] = [];
  validations: ValidationModel[] = [];
  freeze = { rows: 0, columns: 0 };
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  pageLayout: Record<string, unknown> = {
    orientation: 'Portrait',
    paperSize: 'Letter',
    zoom: { scale: 100 },
  };
  printTitleRows: string | null = null;
  selection: Rect[] = [{ top: 0, left: 0, bottom: 0, right: 0 }];
  names: NameModel[] = [];
  protected = false;

  constructor(
    public name: string,
    readonly id: string,
  ) {}

  static key(r: number, c: number): number {
    return r * MAX_COLUMNS + c;
  }

  /** The stored constant (undefined when blank); a formula cell's constant is undefined. */
  constant(r: number, c: number): FakeValue | undefined {
    return this.values[r]?.[c];
  }

  formula(r: number, c: number): string | undefined {
    return this.formulas.size ? this.formulas.get(SheetModel.key(r, c)) : undefined;
  }

  numberFormat(r: number, c: number): string {
    return this.numberFormats[r]?.[c] ?? 'General';
  }

  setConstant(r: number, c: number, v: FakeValue | undefined): void {
    if (this.formulas.size) this.formulas.delete(SheetModel.key(r, c));
    if (v === undefined || v === '') {
      if (this.values[r]) delete this.values[r][c];
      return;
    }
    (this.values[r] ??= [])[c] = v;
  }

  setFormula(r: number, c: number, f: string): void {
    if (this.values[r]) delete this.values[r][c];
    this.formulas.set(SheetModel.key(r, c), f);
  }

  setNumberFormat(r: number, c: number, f: string): void {
    if (f === 'General') {
      if (this.numberFormats[r]) delete this.numberFormats[r][c];
    } else (this.numberFormats[r] ??= [])[c] = f;
  }

  /** Bounding box of cells with a value or formula (and, unless valuesOnly, formatting); null when none. */
  usedRect(valuesOnly: boolean): Rect | null {
    let box: Rect | null = null;
    const add = (r: number, c: number) => {
      if (!box) box = { top: r, left: c, bottom: r, right: c };
      else {
        if (r < box.top) box.top = r;
        if (r > box.bottom) box.bottom = r;
        if (c < box.left) box.left = c;
        if (c > box.right) box.right = c;
      }
    };
    this.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== undefined && v !== '') add(r, c);
      }),
    );
    for (const k of this.formulas.keys()) add(Math.floor(k / MAX_COLUMNS), k % MAX_COLUMNS);
    if (!valuesOnly) {
      this.numberFormats.forEach((row, r) => row.forEach((_f, c) => add(r, c)));
      for (const l of this.formatLayers) {
        if (cellCount(l.rect) > 1_000_000) continue; // whole rows/columns do not make a used range
        add(l.rect.top, l.rect.left);
        add(l.rect.bottom, l.rect.right);
      }
    }
    return box;
  }
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  names: NameModel[] = [];
  active: SheetModel | null = null;
  private nextId = 1;

  constructor(public calculate: Calculate = () => '') {}

  newId(kind: string): string {
    const n = String(this.nextId++).padStart(12, '0');
    return kind === 'cf' ? `{00000000-0000-4000-8000-${n}}` : `{${kind}-${n}}`;
  }

  sheet(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  addSheet(name: string): SheetModel {
    checkSheetName(name);
    if (this.sheet(name)) throw officeError('ItemAlreadyExists', `a sheet named "${name}" exists`);
    const s = new SheetModel(name, this.newId('sheet'));
    this.sheets.push(s);
    if (!this.active) this.active = s;
    return s;
  }

  /** Next free default name: Sheet1, Sheet2 … */
  defaultSheetName(): string {
    for (let i = 1; ; i++) if (!this.sheet(`Sheet${i}`)) return `Sheet${i}`;
  }

  /** A cell's value as Excel reports it: a formula's calculated result, "" when blank. */
  value(sheet: SheetModel, r: number, c: number): FakeValue {
    const f = sheet.formula(r, c);
    if (f !== undefined) return this.calculate(f, { sheet: sheet.name, address: a1Of(r, c) });
    return sheet.constant(r, c) ?? '';
  }
}

export function checkSheetName(name: string): void {
  if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'"))
    throw officeError('InvalidArgument', `invalid sheet name "${name}"`);
}

export function cellCount(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

export function contains(outer: Rect, r: number, c: number): boolean {
  return r >= outer.top && r <= outer.bottom && c >= outer.left && c <= outer.right;
}

export function a1Of(r: number, c: number): string {
  return `${columnLetters(c)}${r + 1}`;
}

/** "C4:J20", whole columns "A:C", whole rows "3:5", single cells "C4". */
export function rectAddress(r: Rect): string {
  if (r.left === 0 && r.right === MAX_COLUMNS - 1) return `${r.top + 1}:${r.bottom + 1}`;
  if (r.top === 0 && r.bottom === MAX_ROWS - 1) return `${columnLetters(r.left)}:${columnLetters(r.right)}`;
  const from = a1Of(r.top, r.left);
  const to = a1Of(r.bottom, r.right);
  return from === to ? from : `${from}:${to}`;
}

/** A sheet name as Excel prefixes addresses with it: quoted unless plain ASCII letters, digits, "_" and ".". */
export function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? `${name}!`
    : `'${name.replace(/'/g, "''")}'!`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function endpoint(ref: string): { r?: number; c?: number } | null {
  const m = CELL.exec(ref);
  if (m) return { r: Number(m[2]) - 1, c: columnIndex(m[1]) };
  const col = COLUMN.exec(ref);
  if (col) return { c: columnIndex(col[1]) };
  const row = ROW.exec(ref);
  if (row) return { r: Number(row[1]) - 1 };
  return null;
}

/** One area ("B3", "B3:C7", "A:C", "3:5", with or without "$"), sheet prefix removed; null when not an area. */
export function parseArea(text: string): Rect | null {
  const body = text.trim();
  const [p, q = p] = body.split(':');
  const a = endpoint(p);
  const b = endpoint(q);
  if (!a || !b) return null;
  // "A:C" are whole columns, "3:5" whole rows; a single "A" or "3" alone is not an address.
  if ((a.r === undefined) !== (b.r === undefined) || (a.c === undefined) !== (b.c === undefined)) return null;
  if (!body.includes(':') && (a.r === undefined || a.c === undefined)) return null;
  const top = a.r === undefined ? 0 : Math.min(a.r, b.r!);
  const bottom = a.r === undefined ? MAX_ROWS - 1 : Math.max(a.r, b.r!);
  const left = a.c === undefined ? 0 : Math.min(a.c, b.c!);
  const right = a.c === undefined ? MAX_COLUMNS - 1 : Math.max(a.c, b.c!);
  if (top < 0 || left < 0 || bottom >= MAX_ROWS || right >= MAX_COLUMNS) return null;
  return { top, left, bottom, right };
}

/** Splits "Sheet!A1:B2, 'x, y'!C3" into its areas with their sheet names (quotes respected). */
export function splitAddressList(address: string): { sheet: string | null; area: string }[] {
  const out: { sheet: string | null; area: string }[] = [];
  let sheet: string | null = null;
  let token = '';
  let inQuote = false;
  let quoted = '';
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (inQuote) {
      if (ch === "'" && address[i + 1] === "'") {
        quoted += "'";
        i++;
      } else if (ch === "'") inQuote = false;
      else quoted += ch;
      continue;
    }
    if (ch === "'") {
      inQuote = true;
      quoted = '';
    } else if (ch === '!') {
      sheet = quoted || token.trim();
      token = '';
      quoted = '';
    } else if (ch === ',') {
      out.push({ sheet, area: token.trim() });
      sheet = null;
      token = '';
    } else token += ch;
  }
  out.push({ sheet, area: token.trim() });
  return out;
}

/** Folds the format layers into per-cell formats (rectangles over a million cells are left out). */
export function foldFormats(sheet: SheetModel): Map<number, CellFormat> {
  const cells = new Map<number, CellFormat>();
  const at = (r: number, c: number): CellFormat => {
    const k = SheetModel.key(r, c);
    let f = cells.get(k);
    if (!f) cells.set(k, (f = {}));
    return f;
  };
  const side = (
    r: number,
    c: number,
    s: 'top' | 'bottom' | 'left' | 'right',
    key: string,
    value: unknown,
  ) => {
    const f = at(r, c);
    const b = ((f.borders ??= {})[s] ??= {});
    (b as Record<string, unknown>)[key] = value;
  };
  for (const { rect, prop, value } of sheet.formatLayers) {
    if (cellCount(rect) > 1_000_000) continue;
    const parts = prop.split('.');
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        if (parts[0] === 'borders') {
          const [, edge, key] = parts;
          if (edge === 'EdgeTop' && r === rect.top) side(r, c, 'top', key, value);
          if (edge === 'EdgeBottom' && r === rect.bottom) side(r, c, 'bottom', key, value);
          if (edge === 'EdgeLeft' && c === rect.left) side(r, c, 'left', key, value);
          if (edge === 'EdgeRight' && c === rect.right) side(r, c, 'right', key, value);
          if (edge === 'InsideHorizontal') {
            if (r > rect.top) side(r, c, 'top', key, value);
            if (r < rect.bottom) side(r, c, 'bottom', key, value);
          }
          if (edge === 'InsideVertical') {
            if (c > rect.left) side(r, c, 'left', key, value);
            if (c < rect.right) side(r, c, 'right', key, value);
          }
        } else if (parts[0] === 'fill') at(r, c).fill = value as string;
        else if (parts[0] === 'font') {
          const f = at(r, c);
          (f.font ??= {} as NonNullable<CellFormat['font']>)[parts[1] as 'name'] = value as never;
        } else (at(r, c) as Record<string, unknown>)[prop] = value;
      }
    }
  }
  return cells;
}

export interface SheetSnapshot {
  name: string;
  protected: boolean;
  /** Non-blank cells by A1: the constant or the formula, and any number format other than General. */
  cells: Record<string, { value?: FakeValue; formula?: string; numberFormat?: string }>;
  formats: Record<string, CellFormat>;
  /** Formatting laid on whole rows or columns, kept as laid down. */
  rangeFormats: { address: string; prop: string; value: unknown }[];
  conditionalFormats: {
    id: string;
    type: string;
    ranges: string[];
    rule: Record<string, unknown>;
    format: ConditionalFormatModel['format'];
    stopIfTrue: boolean;
  }[];
  merges: string[];
  validations: { address: string; rule: unknown; errorAlert?: unknown; ignoreBlanks?: boolean }[];
  freeze: { rows: number; columns: number };
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  pageLayout: Record<string, unknown>;
  printTitleRows: string | null;
  names: { name: string; formula: string }[];
}

export interface WorkbookSnapshot {
  activeSheet: string | null;
  names: { name: string; formula: string }[];
  sheets: SheetSnapshot[];
}

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

export function nameFormula(n: NameModel): string {
  return n.sheet && n.rect
    ? `=${sheetPrefix(n.sheet.name)}${rectAddress(n.rect)
        .split(':')
        .map((p) => p.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
        .join(':')}`
    : n.formula;
}

export function snapshotSheet(s: SheetModel): SheetSnapshot {
  const cells: SheetSnapshot['cells'] = {};
  const put = (r: number, c: number) => (cells[a1Of(r, c)] ??= {});
  s.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== undefined) put(r, c).value = v;
    }),
  );
  for (const [k, f] of s.formulas) put(Math.floor(k / MAX_COLUMNS), k % MAX_COLUMNS).formula = f;
  s.numberFormats.forEach((row, r) =>
    row.forEach((f, c) => {
      if (f !== undefined) put(r, c).numberFormat = f;
    }),
  );
  const formats: SheetSnapshot['formats'] = {};
  for (const [k, f] of foldFormats(s)) formats[a1Of(Math.floor(k / MAX_COLUMNS), k % MAX_COLUMNS)] = f;
  return {
    name: s.name,
    protected: s.protected,
    cells,
    formats,
    rangeFormats: s.formatLayers
      .filter((l) => cellCount(l.rect) > 1_000_000)
      .map((l) => ({ address: rectAddress(l.rect), prop: l.prop, value: clone(l.value) })),
    conditionalFormats: s.cfs.map((cf) => ({
      id: cf.id,
      type: cf.type,
      ranges: cf.ranges.map(rectAddress),
      rule: clone(cf.rule),
      format: clone(cf.format),
      stopIfTrue: cf.stopIfTrue,
    })),
    merges: s.merges.map(rectAddress).sort(),
    validations: s.validations.map((v) => ({
      address: rectAddress(v.rect),
      rule: clone(v.rule),
      ...(v.errorAlert !== undefined ? { errorAlert: clone(v.errorAlert) } : {}),
      ...(v.ignoreBlanks !== undefined ? { ignoreBlanks: v.ignoreBlanks } : {}),
    })),
    freeze: { ...s.freeze },
    columnWidths: Object.fromEntries([...s.columnWidths].map(([c, w]) => [columnLetters(c), w])),
    rowHeights: Object.fromEntries([...s.rowHeights].map(([r, h]) => [String(r + 1), h])),
    pageLayout: clone(s.pageLayout),
    printTitleRows: s.printTitleRows,
    names: s.names.map((n) => ({ name: n.name, formula: nameFormula(n) })),
  };
}

export function snapshotWorkbook(wb: WorkbookModel): WorkbookSnapshot {
  return {
    activeSheet: wb.active?.name ?? null,
    names: wb.names.map((n) => ({ name: n.name, formula: nameFormula(n) })),
    sheets: wb.sheets.map(snapshotSheet),
  };
}

/** Approximate bytes of a value as JSON in UTF-8, without building the string (payloads can be megabytes). */
export function jsonBytes(v: unknown): number {
  if (v === null || v === undefined) return 4;
  if (typeof v === 'string') {
    let n = 2;
    for (let i = 0; i < v.length; i++) {
      const code = v.charCodeAt(i);
      if (code < 0x20 || code === 0x22 || code === 0x5c) n += 2;
      else if (code < 0x80) n += 1;
      else if (code < 0x800) n += 2;
      else if (code >= 0xd800 && code <= 0xdbff) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }
  if (typeof v === 'number') return String(v).length;
  if (typeof v === 'boolean') return v ? 4 : 5;
  if (Array.isArray(v)) {
    let n = 2;
    for (const x of v) n += jsonBytes(x) + 1;
    return n;
  }
  if (typeof v === 'object') {
    let n = 2;
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) n += k.length + 4 + jsonBytes(x);
    return n;
  }
  return 8;
}
