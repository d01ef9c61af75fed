/**
 * Proxy objects with Office.js semantics: every method call, property write and load() is queued on the request
 * context and runs, in order, at context.sync(); loaded properties become readable only after that sync; reading
 * anything else throws PropertyNotLoaded; *OrNullObject results report isNullObject after the sync, and actions
 * on a null object are ignored. Each sync estimates its request and response payloads and fails with
 * RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded over 5 MB, as Excel on the web does.
 */
import { FakeOfficeError, officeError } from './errors';
import {
  type CellFormat,
  type ConditionalFormatModel,
  type FakeValue,
  type NameModel,
  type Rect,
  type SheetModel,
  type WorkbookModel,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  MAX_COLUMNS,
  MAX_ROWS,
  SheetModel as Sheet,
  a1Of,
  cellCount,
  checkSheetName,
  contains,
  foldFormats,
  intersect,
  jsonBytes,
  nameFormula,
  parseArea,
  rectAddress,
  sheetPrefix,
  splitAddressList,
} from './model';

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Excel's documented ceiling for getMergedAreasOrNullObject. */
export const MERGED_AREAS_LIMIT = 512;

export interface SyncLogEntry {
  ops: string[];
  requestBytes: number;
  responseBytes: number;
  /** Cells whose `values` the sync loaded (Range.values), for tests of a read budget. */
  valueCells: number;
  error?: string;
}

/** What the proxies need from the fake that owns them. */
export interface FakeHost {
  workbook: WorkbookModel;
  countSync(): void;
  log(entry: SyncLogEntry): void;
  /** An error to raise instead of running this operation (fault injection), or null. */
  fault(op: string): FakeOfficeError | null;
  unsupported(op: string): boolean;
}

interface Op {
  name: string;
  requestBytes: number;
  run(run: SyncRun): void;
}

class SyncRun {
  responseBytes = 0;
  valueCells = 0;
  loads: (() => void)[] = [];
  touched = new Set<FakeObject>();
  /** Items of each collection loaded in this sync: several load paths fill the same item proxies. */
  items = new Map<FakeObject, FakeObject[]>();
  results: (() => void)[] = [];
}

// ---------------------------------------------------------------------------------------------------------------
// Request context

export class FakeRequestContext {
  readonly workbook: Workbook;
  _queue: Op[] = [];
  _run: SyncRun | null = null;
  /** Accepted and ignored, as tracking only matters across Excel.run calls. */
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };

  constructor(readonly _host: FakeHost) {
    this.workbook = new Workbook(this, () => _host.workbook);
  }

  _enqueue(name: string, run: (r: SyncRun) => void, requestBytes = 0): void {
    this._queue.push({ name, requestBytes: requestBytes + name.length + 16, run });
  }

  async sync(): Promise<void> {
    this._host.countSync();
    const ops = this._queue.splice(0);
    // A real sync is a round trip: never resolve synchronously.
    await Promise.resolve();
    const entry: SyncLogEntry = {
      ops: ops.map((o) => o.name),
      requestBytes: ops.reduce((n, o) => n + o.requestBytes, 0),
      responseBytes: 0,
      valueCells: 0,
    };
    const run = new SyncRun();
    this._run = run;
    try {
      if (entry.requestBytes > PAYLOAD_LIMIT) throw officeError('RequestPayloadSizeLimitExceeded');
      for (const op of ops) {
        if (this._host.unsupported(op.name)) throw officeError('ApiNotFound', op.name, op.name);
        const fault = this._host.fault(op.name);
        if (fault) throw fault;
        try {
          op.run(run);
        } catch (e) {
          if (e instanceof FakeOfficeError) {
            e.debugInfo.errorLocation ??= op.name;
            throw e;
          }
          throw new FakeOfficeError('GeneralException', `${op.name}: ${(e as Error).message}`, op.name);
        }
      }
      entry.responseBytes = run.responseBytes;
      entry.valueCells = run.valueCells;
      if (run.responseBytes > PAYLOAD_LIMIT) throw officeError('ResponsePayloadSizeLimitExceeded');
      for (const apply of run.loads) apply();
      for (const apply of run.results) apply();
    } catch (e) {
      entry.error = (e as FakeOfficeError).code ?? String(e);
      throw e;
    } finally {
      for (const o of run.touched) o._syncedNull = o._state === 'null';
      this._run = null;
      this._host.log(entry);
    }
  }
}

export class ClientResult<T> {
  _value: T | undefined;
  _ready = false;
  get value(): T {
    if (!this._ready) throw officeError('PropertyNotLoaded', 'ClientResult.value');
    return this._value as T;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Base object

const PASS = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  'nodeType',
  'tagName',
  'constructor',
  'inspect',
  'toString',
  'valueOf',
]);

/** Unknown members throw at once, so code written against members the fake lacks fails loudly, not silently. */
function strict<T extends object>(obj: T, type: string): T {
  return new Proxy(obj, {
    get(target, key, receiver) {
      if (typeof key === 'symbol' || key in target) return Reflect.get(target, key, receiver);
      if (PASS.has(key) || /^[_$@]/.test(key)) return undefined;
      throw new TypeError(
        `FakeExcel: ${type}.${key} is not implemented by the fake (see test/fakeExcel/README.md)`,
      );
    },
  });
}

interface MemberSpec {
  scalars?: string[];
  writable?: string[];
  navs?: string[];
}

const SPECS = new WeakMap<object, Required<MemberSpec>>();

/** Declares a class's scalar properties (readable once loaded, writable by queueing) and navigation properties. */
function members(cls: { prototype: object }, spec: MemberSpec): void {
  const full = { scalars: spec.scalars ?? [], writable: spec.writable ?? [], navs: spec.navs ?? [] };
  SPECS.set(cls.prototype, full);
  for (const name of full.scalars) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: FakeObject) {
        return this._get(name);
      },
      set: full.writable.includes(name)
        ? function (this: FakeObject, v: unknown) {
            this._set(name, v);
          }
        : undefined,
    });
  }
  for (const name of full.navs) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: FakeObject) {
        return this._nav(name);
      },
    });
  }
}

type Resolver<T> = () => T | null;

export abstract class FakeObject<T = unknown> {
  _state: 'pending' | 'bound' | 'null' = 'pending';
  _target: T | null = null;
  _syncedNull: boolean | undefined = undefined;
  _loaded = new Map<string, unknown>();
  _navCache = new Map<string, FakeObject>();

  constructor(
    readonly context: FakeRequestContext,
    readonly _type: string,
    readonly _resolver: Resolver<T>,
    /** The operation that creates or finds the object: it resolves, in queue order, at the next sync. */
    createdBy?: string,
    createdBytes = 0,
  ) {
    const self = strict(this, _type);
    if (createdBy) context._enqueue(createdBy, () => void self._bindOrNull(), createdBytes);
    return self;
  }

  get isNullObject(): boolean {
    if (this._syncedNull === undefined)
      throw officeError('PropertyNotLoaded', `${this._type}.isNullObject before sync`);
    return this._syncedNull;
  }

  _spec(): Required<MemberSpec> {
    let p: object | null = Object.getPrototypeOf(this);
    while (p) {
      const s = SPECS.get(p);
      if (s) return s;
      p = Object.getPrototypeOf(p);
    }
    return { scalars: [], writable: [], navs: [] };
  }

  /** The object behind the proxy, found the first time a queued operation needs it; null for a null object. */
  _bindOrNull(): T | null {
    if (this._state === 'bound') return this._target;
    if (this._state === 'null') return null;
    const run = this.context._run;
    if (!run) throw new Error('FakeExcel: an object was resolved outside context.sync()');
    const t = this._resolver();
    this._state = t === null ? 'null' : 'bound';
    this._target = t;
    run.touched.add(this);
    return t;
  }

  _get(name: string): unknown {
    if (this._syncedNull) throw officeError('PropertyNotLoaded', `${this._type}.${name} of a null object`);
    if (!this._loaded.has(name)) throw officeError('PropertyNotLoaded', `${this._type}.${name}`);
    return this._loaded.get(name);
  }

  _set(name: string, value: unknown): void {
    const copy = structuredCopy(value);
    this.context._enqueue(
      `${this._type}.${name}=`,
      () => {
        const t = this._bindOrNull();
        if (t !== null) this._write(t, name, copy);
      },
      jsonBytes(copy),
    );
  }

  /** Queues a method that acts on the object (ignored on a null object). */
  _call(method: string, act: (t: T) => void, args: unknown = null): void {
    this.context._enqueue(
      `${this._type}.${method}`,
      () => {
        const t = this._bindOrNull();
        if (t !== null) act(t);
      },
      jsonBytes(args),
    );
  }

  _nav(name: string): FakeObject {
    let n = this._navCache.get(name);
    if (!n) {
      n = this._makeNav(name);
      this._navCache.set(name, n);
    }
    return n;
  }

  /** A child derived from this object's target; null when this one is null. */
  _child<C>(
    derive: (t: T) => C | null,
    make: (ctx: FakeRequestContext, resolve: Resolver<C>) => FakeObject<C>,
  ) {
    return make(this.context, () => {
      const t = this._bindOrNull();
      return t === null ? null : derive(t);
    });
  }

  /** A child that acts on this object's own target (a range's format, a format's fill). */
  _same<C extends FakeObject<T>>(make: new (ctx: FakeRequestContext, resolve: Resolver<T>) => C): C {
    return new make(this.context, () => this._bindOrNull());
  }

  _makeNav(name: string): FakeObject {
    throw new TypeError(`FakeExcel: ${this._type}.${name} is not a navigation property`);
  }

  _read(_t: T, name: string): unknown {
    throw officeError('InvalidArgument', `${this._type}.${name} cannot be loaded`);
  }

  _write(_t: T, name: string, _v: unknown): void {
    throw officeError('InvalidArgument', `${this._type}.${name} cannot be set`);
  }

  load(option?: string | string[] | { select?: string; expand?: string }): this {
    const paths = loadPaths(option);
    this.context._enqueue(`${this._type}.load`, (run) => {
      if (paths.length === 0) loadAll(this, run);
      for (const p of paths) loadPath(this, p, run);
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

export abstract class FakeCollection<T, I extends FakeObject> extends FakeObject<T> {
  abstract _items(t: T): I[];

  get items(): I[] {
    return this._get('items') as I[];
  }
}

function loadPaths(option?: string | string[] | { select?: string; expand?: string }): string[][] {
  if (option === undefined) return [];
  const list =
    typeof option === 'string'
      ? option.split(',')
      : Array.isArray(option)
        ? option
        : [...(option.select ?? '').split(','), ...(option.expand ?? '').split(',')];
  return list
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.split('/').map((x) => x.trim()));
}

function loadAll(obj: FakeObject, run: SyncRun): void {
  if (obj instanceof FakeCollection) {
    loadPath(obj, ['items'], run);
    return;
  }
  const t = obj._bindOrNull();
  if (t === null) return;
  for (const name of obj._spec().scalars) loadScalar(obj, t, name, run);
}

function loadScalar(obj: FakeObject, t: unknown, name: string, run: SyncRun): void {
  const v = obj._read(t, name);
  run.responseBytes += jsonBytes(v) + name.length + 4;
  run.loads.push(() => obj._loaded.set(name, v));
}

function loadPath(obj: FakeObject, path: string[], run: SyncRun): void {
  const t = obj._bindOrNull();
  if (t === null) return;
  if (obj instanceof FakeCollection) {
    const rest = path[0] === 'items' ? path.slice(1) : path;
    let items = run.items.get(obj);
    if (!items) {
      const fresh = obj._items(t);
      run.items.set(obj, (items = fresh));
      run.loads.push(() => obj._loaded.set('items', fresh));
    }
    for (const item of items) {
      if (rest.length) loadPath(item, rest, run);
      else loadAll(item, run);
    }
    return;
  }
  const [head, ...rest] = path;
  const spec = obj._spec();
  if (spec.navs.includes(head)) {
    const nav = obj._nav(head);
    if (rest.length) loadPath(nav, rest, run);
    else loadAll(nav, run);
    return;
  }
  if (rest.length || !spec.scalars.includes(head))
    throw officeError('InvalidArgument', `${obj._type} has no property "${path.join('/')}" to load`);
  loadScalar(obj, t, head, run);
}

function structuredCopy<V>(v: V): V {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof FakeObject) return v;
  if (Array.isArray(v)) return v.map((x) => structuredCopy(x)) as V;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, structuredCopy(x)])) as V;
}

// ---------------------------------------------------------------------------------------------------------------
// Targets

interface AreasTarget {
  sheet: SheetModel;
  rects: Rect[];
}

function host(ctx: FakeRequestContext): WorkbookModel {
  return ctx._host.workbook;
}

function checkWritable(sheet: SheetModel): void {
  if (sheet.protected) throw officeError('AccessDenied', `sheet "${sheet.name}" is protected`);
}

function checkLive(wb: WorkbookModel, sheet: SheetModel): void {
  if (!wb.sheets.includes(sheet)) throw officeError('ItemNotFound', `sheet "${sheet.name}" was deleted`);
}

function areaOrThrow(address: string, sheet: SheetModel): Rect {
  const [only, ...more] = splitAddressList(address);
  if (more.length || !only || (only.sheet && only.sheet.toLowerCase() !== sheet.name.toLowerCase()))
    throw officeError('InvalidArgument', `address "${address}"`);
  const r = parseArea(only.area);
  if (!r) throw officeError('InvalidArgument', `address "${address}"`);
  return r;
}

function areasOrThrow(address: string, sheet: SheetModel): Rect[] {
  if (address.length > 8192) throw officeError('InvalidArgument', 'address longer than 8192 characters');
  return splitAddressList(address).map(({ sheet: s, area }) => {
    if (s && s.toLowerCase() !== sheet.name.toLowerCase())
      throw officeError('InvalidArgument', `address "${address}"`);
    const r = parseArea(area);
    if (!r) throw officeError('InvalidArgument', `address "${address}"`);
    return r;
  });
}

function addressOf(sheet: SheetModel, rects: Rect[]): string {
  return rects.map((r) => `${sheetPrefix(sheet.name)}${rectAddress(r)}`).join(',');
}

const COLOR = /^(#[0-9A-Fa-f]{6}|[A-Za-z]+)$/;

function oneOf(value: unknown, allowed: readonly string[], what: string): string {
  if (typeof value !== 'string' || !allowed.includes(value))
    throw officeError(
      'InvalidArgument',
      `${what} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`,
    );
  return value;
}

function colour(value: unknown, what: string): string {
  if (typeof value !== 'string' || !COLOR.test(value))
    throw officeError('InvalidArgument', `${what}: colour ${JSON.stringify(value)}`);
  return value.startsWith('#') ? value.toUpperCase() : value;
}

// ---------------------------------------------------------------------------------------------------------------
// Workbook, worksheets

export class Workbook extends FakeObject<WorkbookModel> {
  declare readonly worksheets: WorksheetCollection;
  declare readonly names: NamedItemCollection;

  constructor(ctx: FakeRequestContext, resolve: Resolver<WorkbookModel>) {
    super(ctx, 'Workbook', resolve);
  }

  override _makeNav(name: string): FakeObject {
    if (name === 'worksheets')
      return this._child(
        (wb) => wb,
        (c, r) => new WorksheetCollection(c, r),
      );
    if (name === 'names')
      return this._child(
        (wb): NamesTarget => ({ wb, scope: null }),
        (c, r) => new NamedItemCollection(c, r),
      );
    return super._makeNav(name);
  }

  getSelectedRange(): Range {
    const wb = host(this.context);
    return new Range(
      this.context,
      () => {
        const sheet = wb.active;
        if (!sheet) throw officeError('InvalidSelection');
        if (sheet.selection.length !== 1)
          throw officeError('InvalidSelection', 'more than one area is selected');
        return { sheet, rect: sheet.selection[0] };
      },
      'Workbook.getSelectedRange',
    );
  }

  getSelectedRanges(): RangeAreas {
    const wb = host(this.context);
    return new RangeAreas(
      this.context,
      () => {
        const sheet = wb.active;
        if (!sheet) throw officeError('InvalidSelection');
        return { sheet, rects: sheet.selection.slice() };
      },
      'Workbook.getSelectedRanges',
    );
  }
}
members(Workbook, { navs: ['worksheets', 'names'] });

export class WorksheetCollection extends FakeCollection<WorkbookModel, Worksheet> {
  constructor(ctx: FakeRequestContext, resolve: Resolver<WorkbookModel>) {
    super(ctx, 'WorksheetCollection', resolve);
  }

  _items(wb: WorkbookModel): Worksheet[] {
    return wb.sheets.map((s) => Worksheet.bound(this.context, s));
  }

  getActiveWorksheet(): Worksheet {
    const wb = host(this.context);
    return new Worksheet(
      this.context,
      () => {
        if (!wb.active) throw officeError('ItemNotFound', 'no active worksheet');
        return wb.active;
      },
      'WorksheetCollection.getActiveWorksheet',
    );
  }

  getItem(key: string): Worksheet {
    const wb = host(this.context);
    return new Worksheet(
      this.context,
      () => {
        const s = wb.sheet(key);
        if (!s) throw officeError('ItemNotFound', `no sheet named "${key}"`);
        return s;
      },
      'WorksheetCollection.getItem',
    );
  }

  getItemOrNullObject(key: string): Worksheet {
    const wb = host(this.context);
    return new Worksheet(
      this.context,
      () => wb.sheet(key) ?? null,
      'WorksheetCollection.getItemOrNullObject',
    );
  }

  add(name?: string): Worksheet {
    const wb = host(this.context);
    return new Worksheet(
      this.context,
      () => wb.addSheet(name ?? wb.defaultSheetName()),
      'WorksheetCollection.add',
      jsonBytes(name),
    );
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    const wb = host(this.context);
    this.context._enqueue('WorksheetCollection.getCount', (run) => {
      const n = wb.sheets.length;
      run.results.push(() => {
        result._value = n;
        result._ready = true;
      });
    });
    return result;
  }
}
members(WorksheetCollection, { scalars: ['items'] });

export class Worksheet extends FakeObject<SheetModel> {
  declare name: string;
  declare readonly id: string;
  declare readonly position: number;
  declare readonly freezePanes: WorksheetFreezePanes;
  declare readonly pageLayout: PageLayout;
  declare readonly names: NamedItemCollection;

  constructor(ctx: FakeRequestContext, resolve: Resolver<SheetModel>, createdBy?: string, bytes = 0) {
    super(ctx, 'Worksheet', resolve, createdBy, bytes);
  }

  /** A proxy for a known sheet (collection items). */
  static bound(ctx: FakeRequestContext, s: SheetModel): Worksheet {
    const w = new Worksheet(ctx, () => s);
    w._state = 'bound';
    w._target = s;
    w._syncedNull = false;
    return w;
  }

  override _read(s: SheetModel, name: string): unknown {
    if (name === 'name') return s.name;
    if (name === 'id') return s.id;
    if (name === 'position') return host(this.context).sheets.indexOf(s);
    if (name === 'visibility') return 'Visible';
    return super._read(s, name);
  }

  override _write(s: SheetModel, name: string, v: unknown): void {
    if (name !== 'name') return super._write(s, name, v);
    const wb = host(this.context);
    checkSheetName(String(v));
    const other = wb.sheet(String(v));
    if (other && other !== s) throw officeError('ItemAlreadyExists', `a sheet named "${String(v)}" exists`);
    s.name = String(v);
  }

  override _makeNav(name: string): FakeObject {
    if (name === 'freezePanes')
      return this._child(
        (s) => s,
        (c, r) => new WorksheetFreezePanes(c, r),
      );
    if (name === 'pageLayout')
      return this._child(
        (s) => s,
        (c, r) => new PageLayout(c, r),
      );
    if (name === 'names')
      return this._child(
        (s): NamesTarget => ({ wb: host(this.context), scope: s }),
        (c, r) => new NamedItemCollection(c, r),
      );
    return super._makeNav(name);
  }

  private range(method: string, locate: (s: SheetModel) => Rect, bytes = 0): Range {
    return new Range(
      this.context,
      () => {
        const s = this._bindOrNull();
        return s === null ? null : { sheet: s, rect: locate(s) };
      },
      `Worksheet.${method}`,
      bytes,
    );
  }

  getRange(address?: string): Range {
    return this.range(
      'getRange',
      (s) =>
        address ? areaOrThrow(address, s) : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 },
      jsonBytes(address),
    );
  }

  getRanges(address?: string): RangeAreas {
    return new RangeAreas(
      this.context,
      () => {
        const s = this._bindOrNull();
        if (s === null) return null;
        if (!address) return { sheet: s, rects: s.selection.slice() };
        return { sheet: s, rects: areasOrThrow(address, s) };
      },
      'Worksheet.getRanges',
      jsonBytes(address),
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return this.range('getRangeByIndexes', () => {
      const r = {
        top: startRow,
        left: startColumn,
        bottom: startRow + rowCount - 1,
        right: startColumn + columnCount - 1,
      };
      const ok = [startRow, startColumn, rowCount, columnCount].every(Number.isInteger);
      if (
        !ok ||
        rowCount < 1 ||
        columnCount < 1 ||
        r.top < 0 ||
        r.left < 0 ||
        r.bottom >= MAX_ROWS ||
        r.right >= MAX_COLUMNS
      )
        throw officeError(
          'InvalidArgument',
          `getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`,
        );
      return r;
    });
  }

  getCell(row: number, column: number): Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return new Range(
      this.context,
      () => {
        const s = this._bindOrNull();
        const rect = s?.usedRect(valuesOnly === true) ?? null;
        return s && rect ? { sheet: s, rect } : null;
      },
      'Worksheet.getUsedRangeOrNullObject',
    );
  }

  getUsedRange(valuesOnly?: boolean): Range {
    return new Range(
      this.context,
      () => {
        const s = this._bindOrNull();
        if (s === null) return null;
        // Excel answers A1 for a blank sheet.
        return {
          sheet: s,
          rect: s.usedRect(valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 },
        };
      },
      'Worksheet.getUsedRange',
    );
  }

  activate(): void {
    this._call('activate', (s) => {
      const wb = host(this.context);
      checkLive(wb, s);
      wb.active = s;
    });
  }

  delete(): void {
    this._call('delete', (s) => {
      const wb = host(this.context);
      checkLive(wb, s);
      if (wb.sheets.length === 1) throw officeError('InvalidOperation', 'a workbook must keep one sheet');
      const i = wb.sheets.indexOf(s);
      wb.sheets.splice(i, 1);
      if (wb.active === s) wb.active = wb.sheets[Math.max(0, i - 1)];
      for (const n of wb.names) {
        if (n.sheet === s) {
          n.sheet = null;
          n.rect = null;
          n.formula = '=#REF!';
        }
      }
    });
  }
}
members(Worksheet, {
  scalars: ['name', 'id', 'position', 'visibility'],
  writable: ['name'],
  navs: ['freezePanes', 'pageLayout', 'names'],
});

export class WorksheetFreezePanes extends FakeObject<SheetModel> {
  constructor(ctx: FakeRequestContext, resolve: Resolver<SheetModel>) {
    super(ctx, 'WorksheetFreezePanes', resolve);
  }

  private freeze(method: string, rows: number | null, columns: number | null): void {
    this._call(method, (s) => {
      checkWritable(s);
      s.freeze = { rows: rows ?? 0, columns: columns ?? 0 };
    });
  }

  freezeRows(count = 1): void {
    this.freeze('freezeRows', count, null);
  }

  freezeColumns(count = 1): void {
    this.freeze('freezeColumns', null, count);
  }

  freezeAt(frozen: Range | string): void {
    this._call('freezeAt', (s) => {
      checkWritable(s);
      const rect = typeof frozen === 'string' ? areaOrThrow(frozen, s) : frozen._bindOrNull()?.rect;
      if (!rect || rect.top !== 0 || rect.left !== 0)
        throw officeError('InvalidArgument', 'freezeAt needs a range from A1');
      const whole = (n: number, max: number) => (n === max ? 0 : n);
      s.freeze = { rows: whole(rect.bottom + 1, MAX_ROWS), columns: whole(rect.right + 1, MAX_COLUMNS) };
    });
  }

  unfreeze(): void {
    this.freeze('unfreeze', 0, 0);
  }

  getLocationOrNullObject(): Range {
    return new Range(
      this.context,
      () => {
        const s = this._bindOrNull();
        if (!s || (!s.freeze.rows && !s.freeze.columns)) return null;
        const rows = s.freeze.rows || MAX_ROWS;
        const columns = s.freeze.columns || MAX_COLUMNS;
        return { sheet: s, rect: { top: 0, left: 0, bottom: rows - 1, right: columns - 1 } };
      },
      'WorksheetFreezePanes.getLocationOrNullObject',
    );
  }
}
members(WorksheetFreezePanes, {});

const PAPER = ['Letter', 'Legal', 'A3', 'A4', 'A5', 'B4', 'B5', 'Tabloid', 'Executive', 'Folio'];

export class PageLayout extends FakeObject<SheetModel> {
  declare orientation: string;
  declare paperSize: string;
  declare zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };

  constructor(ctx: FakeRequestContext, resolve: Resolver<SheetModel>) {
    super(ctx, 'PageLayout', resolve);
  }

  override _read(s: SheetModel, name: string): unknown {
    return structuredCopy(s.pageLayout[name] ?? null);
  }

  override _write(s: SheetModel, name: string, v: unknown): void {
    checkWritable(s);
    if (name === 'orientation')
      s.pageLayout.orientation = oneOf(v, ['Portrait', 'Landscape'], 'PageLayout.orientation');
    else if (name === 'paperSize') s.pageLayout.paperSize = oneOf(v, PAPER, 'PageLayout.paperSize');
    else if (name === 'zoom') {
      const z = v as Record<string, unknown>;
      if (!z || typeof z !== 'object')
        throw officeError('InvalidArgument', 'PageLayout.zoom takes a whole PageLayoutZoomOptions object');
      for (const [k, x] of Object.entries(z)) {
        if (!['horizontalFitToPages', 'verticalFitToPages', 'scale'].includes(k))
          throw officeError('InvalidArgument', `zoom.${k}`);
        if (x === null) continue;
        if (typeof x !== 'number' || x < 0 || (k === 'scale' && (x < 10 || x > 400)))
          throw officeError('InvalidArgument', `zoom.${k} = ${JSON.stringify(x)}`);
      }
      s.pageLayout.zoom = { ...z };
    } else if (['printGridlines', 'centerHorizontally', 'centerVertically'].includes(name))
      s.pageLayout[name] = Boolean(v);
    else if (['leftMargin', 'rightMargin', 'topMargin', 'bottomMargin'].includes(name))
      s.pageLayout[name] = Number(v);
    else super._write(s, name, v);
  }

  setPrintTitleRows(rows: Range | string): void {
    this._call(
      'setPrintTitleRows',
      (s) => {
        checkWritable(s);
        const rect = typeof rows === 'string' ? areaOrThrow(rows, s) : rows._bindOrNull()?.rect;
        if (!rect || rect.left !== 0 || rect.right !== MAX_COLUMNS - 1)
          throw officeError('InvalidArgument', 'print title rows must span entire rows ("$8:$8")');
        s.printTitleRows = `$${rect.top + 1}:$${rect.bottom + 1}`;
      },
      typeof rows === 'string' ? rows : null,
    );
  }

  getPrintTitleRowsOrNullObject(): Range {
    return new Range(
      this.context,
      () => {
        const s = this._bindOrNull();
        return s?.printTitleRows ? { sheet: s, rect: areaOrThrow(s.printTitleRows, s) } : null;
      },
      'PageLayout.getPrintTitleRowsOrNullObject',
    );
  }
}
members(PageLayout, {
  scalars: [
    'orientation',
    'paperSize',
    'zoom',
    'printGridlines',
    'centerHorizontally',
    'centerVertically',
    'leftMargin',
    'rightMargin',
    'topMargin',
    'bottomMargin',
  ],
  writable: [
    'orientation',
    'paperSize',
    'zoom',
    'printGridlines',
    'centerHorizontally',
    'centerVertically',
    'leftMargin',
    'rightMargin',
    'topMargin',
    'bottomMargin',
  ],
});

// ---------------------------------------------------------------------------------------------------------------
// Ranges

interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

/** Text typed into a cell, as Excel stores it: formulas, quote-prefixed text, numbers, percentages, booleans. */
function typeInto(sheet: SheetModel, r: number, c: number, input: unknown): void {
  if (input === null || input === undefined) return; // null leaves the cell as it is
  if (typeof input === 'number' || typeof input === 'boolean') return sheet.setConstant(r, c, input);
  if (typeof input !== 'string')
    throw officeError('InvalidArgument', `cell ${a1Of(r, c)}: ${JSON.stringify(input)}`);
  if (input.length > 1 && input.startsWith('=')) {
    if (input.length > 8192) throw officeError('InvalidArgument', 'formula longer than 8192 characters');
    return sheet.setFormula(r, c, input);
  }
  if (input.startsWith("'")) return sheet.setConstant(r, c, input.slice(1));
  const t = input.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return sheet.setConstant(r, c, Number(t));
  const pct = /^([-+]?(\d+\.?\d*|\.\d+))\s*%$/.exec(t);
  if (pct) {
    sheet.setConstant(r, c, Number(pct[1]) / 100);
    if (sheet.numberFormat(r, c) === 'General')
      sheet.setNumberFormat(r, c, pct[1].includes('.') ? '0.00%' : '0%');
    return;
  }
  if (/^(true|false)$/i.test(t)) return sheet.setConstant(r, c, t.toLowerCase() === 'true');
  sheet.setConstant(r, c, input);
}

function grid<V>(rect: Rect, cell: (r: number, c: number) => V): V[][] {
  const out: V[][] = new Array(rect.bottom - rect.top + 1);
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: V[] = new Array(rect.right - rect.left + 1);
    for (let c = rect.left; c <= rect.right; c++) row[c - rect.left] = cell(r, c);
    out[r - rect.top] = row;
  }
  return out;
}

function checkReadable(rect: Rect): void {
  // Even blank cells cost a few bytes each: refuse early instead of building a giant array.
  if (cellCount(rect) * 3 > PAYLOAD_LIMIT) throw officeError('ResponsePayloadSizeLimitExceeded');
}

function checkShape(rect: Rect, v: unknown, what: string): unknown[][] {
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (!Array.isArray(v) || v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols))
    throw officeError('InvalidArgument', `${what}: a ${rows}×${cols} array is needed`);
  return v as unknown[][];
}

export class Range extends FakeObject<RangeTarget> {
  declare readonly address: string;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare values: FakeValue[][];
  declare formulas: (string | number | boolean)[][];
  declare numberFormat: string[][];
  declare readonly format: RangeFormat;
  declare readonly conditionalFormats: ConditionalFormatCollection;
  declare readonly dataValidation: DataValidation;
  declare readonly worksheet: Worksheet;

  constructor(ctx: FakeRequestContext, resolve: Resolver<RangeTarget>, createdBy?: string, bytes = 0) {
    super(ctx, 'Range', resolve, createdBy, bytes);
  }

  override _read({ sheet, rect }: RangeTarget, name: string): unknown {
    const wb = host(this.context);
    switch (name) {
      case 'address':
      case 'addressLocal':
        return addressOf(sheet, [rect]);
      case 'rowIndex':
        return rect.top;
      case 'columnIndex':
        return rect.left;
      case 'rowCount':
        return rect.bottom - rect.top + 1;
      case 'columnCount':
        return rect.right - rect.left + 1;
      case 'cellCount':
        return cellCount(rect);
      case 'isEntireRow':
        return rect.left === 0 && rect.right === MAX_COLUMNS - 1;
      case 'isEntireColumn':
        return rect.top === 0 && rect.bottom === MAX_ROWS - 1;
      case 'values':
        checkReadable(rect);
        if (this.context._run) this.context._run.valueCells += cellCount(rect);
        return grid(rect, (r, c) => wb.value(sheet, r, c));
      case 'formulas':
        checkReadable(rect);
        return grid(rect, (r, c) => sheet.formula(r, c) ?? sheet.constant(r, c) ?? '');
      case 'numberFormat':
        checkReadable(rect);
        return grid(rect, (r, c) => sheet.numberFormat(r, c));
    }
    return super._read({ sheet, rect }, name);
  }

  override _write({ sheet, rect }: RangeTarget, name: string, v: unknown): void {
    checkLive(host(this.context), sheet);
    checkWritable(sheet);
    if (name === 'values' || name === 'formulas') {
      const rows = checkShape(rect, v, `Range.${name}`);
      rows.forEach((row, i) => row.forEach((x, j) => typeInto(sheet, rect.top + i, rect.left + j, x)));
      return;
    }
    if (name === 'numberFormat') {
      const rows = checkShape(rect, v, 'Range.numberFormat');
      rows.forEach((row, i) =>
        row.forEach((x, j) => {
          if (x === null || x === undefined) return;
          if (typeof x !== 'string') throw officeError('InvalidArgument', 'number formats are strings');
          sheet.setNumberFormat(rect.top + i, rect.left + j, x);
        }),
      );
      return;
    }
    super._write({ sheet, rect }, name, v);
  }

  override _makeNav(name: string): FakeObject {
    const areas = (t: RangeTarget): AreasTarget => ({ sheet: t.sheet, rects: [t.rect] });
    if (name === 'format') return this._child(areas, (c, r) => new RangeFormat(c, r));
    if (name === 'conditionalFormats')
      return this._child(areas, (c, r) => new ConditionalFormatCollection(c, r));
    if (name === 'dataValidation') return this._same(DataValidation);
    if (name === 'worksheet')
      return this._child(
        (t) => t.sheet,
        (c, r) => new Worksheet(c, r),
      );
    return super._makeNav(name);
  }

  getMergedAreasOrNullObject(): RangeAreas {
    return new RangeAreas(
      this.context,
      () => {
        const t = this._bindOrNull();
        if (!t) return null;
        // As Excel does: the merges whose top-left cell lies in the range.
        const rects = t.sheet.merges.filter((m) => contains(t.rect, m.top, m.left));
        if (rects.length > MERGED_AREAS_LIMIT)
          throw officeError('GeneralException', `more than ${MERGED_AREAS_LIMIT} merged areas in the range`);
        return rects.length ? { sheet: t.sheet, rects } : null;
      },
      'Range.getMergedAreasOrNullObject',
    );
  }

  getCell(row: number, column: number): Range {
    return new Range(
      this.context,
      () => {
        const t = this._bindOrNull();
        if (!t) return null;
        const rect = {
          top: t.rect.top + row,
          left: t.rect.left + column,
          bottom: t.rect.top + row,
          right: t.rect.left + column,
        };
        if (rect.bottom >= MAX_ROWS || rect.right >= MAX_COLUMNS)
          throw officeError('InvalidArgument', 'getCell');
        return { sheet: t.sheet, rect };
      },
      'Range.getCell',
    );
  }

  getIntersectionOrNullObject(other: Range | string): Range {
    return new Range(
      this.context,
      () => {
        const t = this._bindOrNull();
        if (!t) return null;
        const rect = typeof other === 'string' ? areaOrThrow(other, t.sheet) : other._bindOrNull()?.rect;
        if (!rect) return null;
        const i = intersect(t.rect, rect);
        return i ? { sheet: t.sheet, rect: i } : null;
      },
      'Range.getIntersectionOrNullObject',
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return new Range(
      this.context,
      () => {
        const t = this._bindOrNull();
        const used = t?.sheet.usedRect(valuesOnly === true);
        const i = t && used ? intersect(t.rect, used) : null;
        return t && i ? { sheet: t.sheet, rect: i } : null;
      },
      'Range.getUsedRangeOrNullObject',
    );
  }

  merge(across = false): void {
    this._call(
      'merge',
      ({ sheet, rect }) => {
        checkWritable(sheet);
        const parts = across
          ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => ({
              ...rect,
              top: rect.top + i,
              bottom: rect.top + i,
            }))
          : [rect];
        for (const m of parts) {
          if (cellCount(m) < 2) continue;
          const inside = (x: Rect) =>
            x.top >= m.top && x.bottom <= m.bottom && x.left >= m.left && x.right <= m.right;
          if (sheet.merges.some((x) => intersect(x, m) && !inside(x)))
            throw officeError('MergedRangeConflict', rectAddress(m));
          sheet.merges = sheet.merges.filter((x) => !inside(x));
          // Excel keeps the top-left value only.
          for (let r = m.top; r <= m.bottom; r++)
            for (let c = m.left; c <= m.right; c++)
              if (r !== m.top || c !== m.left) sheet.setConstant(r, c, undefined);
          sheet.merges.push(m);
        }
      },
      across,
    );
  }

  unmerge(): void {
    this._call('unmerge', ({ sheet, rect }) => {
      checkWritable(sheet);
      sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
    });
  }

  select(): void {
    this._call('select', ({ sheet, rect }) => {
      const wb = host(this.context);
      checkLive(wb, sheet);
      wb.active = sheet;
      sheet.selection = [rect];
    });
  }
}
members(Range, {
  scalars: [
    'address',
    'addressLocal',
    'rowIndex',
    'columnIndex',
    'rowCount',
    'columnCount',
    'cellCount',
    'isEntireRow',
    'isEntireColumn',
    'values',
    'formulas',
    'numberFormat',
  ],
  writable: ['values', 'formulas', 'numberFormat'],
  navs: ['format', 'conditionalFormats', 'dataValidation', 'worksheet'],
});

export class RangeAreas extends FakeObject<AreasTarget> {
  declare readonly address: string;
  declare readonly areaCount: number;
  declare readonly format: RangeFormat;
  declare readonly conditionalFormats: ConditionalFormatCollection;

  constructor(ctx: FakeRequestContext, resolve: Resolver<AreasTarget>, createdBy?: string, bytes = 0) {
    super(ctx, 'RangeAreas', resolve, createdBy, bytes);
  }

  override _read({ sheet, rects }: AreasTarget, name: string): unknown {
    if (name === 'address' || name === 'addressLocal') return addressOf(sheet, rects);
    if (name === 'areaCount') return rects.length;
    if (name === 'cellCount') return rects.reduce((n, r) => n + cellCount(r), 0);
    return super._read({ sheet, rects }, name);
  }

  override _makeNav(name: string): FakeObject {
    if (name === 'format') return this._same(RangeFormat);
    if (name === 'conditionalFormats') return this._same(ConditionalFormatCollection);
    if (name === 'worksheet')
      return this._child(
        (t) => t.sheet,
        (c, r) => new Worksheet(c, r),
      );
    return super._makeNav(name);
  }

  select(): void {
    this._call('select', ({ sheet, rects }) => {
      host(this.context).active = sheet;
      sheet.selection = rects.slice();
    });
  }
}
members(RangeAreas, {
  scalars: ['address', 'addressLocal', 'areaCount', 'cellCount'],
  navs: ['format', 'conditionalFormats', 'worksheet'],
});

// ---------------------------------------------------------------------------------------------------------------
// Formatting

const H_ALIGN = [
  'General',
  'Left',
  'Center',
  'Right',
  'Fill',
  'Justify',
  'CenterAcrossSelection',
  'Distributed',
];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const BORDER_INDEX = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
];
const BORDER_STYLE = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
const BORDER_WEIGHT = ['Hairline', 'Thin', 'Medium', 'Thick'];

function layer(t: AreasTarget, prop: string, value: unknown): void {
  checkWritable(t.sheet);
  for (const rect of t.rects) t.sheet.formatLayers.push({ rect, prop, value });
}

/** The format property shared by every cell of the areas, or null when they differ (as Excel reports). */
function uniform(t: AreasTarget, read: (f: CellFormat) => unknown): unknown {
  const folded = foldFormats(t.sheet);
  let first: unknown;
  let seen = false;
  for (const rect of t.rects) {
    if (cellCount(rect) > 100_000) return null;
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) {
        const v = read(folded.get(Sheet.key(r, c)) ?? {}) ?? null;
        if (!seen) {
          first = v;
          seen = true;
        } else if (v !== first) return null;
      }
  }
  return first ?? null;
}

export class RangeFormat extends FakeObject<AreasTarget> {
  declare horizontalAlignment: string;
  declare verticalAlignment: string;
  declare wrapText: boolean;
  declare columnWidth: number;
  declare rowHeight: number;
  declare readonly fill: RangeFill;
  declare readonly font: RangeFont;
  declare readonly borders: RangeBorderCollection;

  constructor(ctx: FakeRequestContext, resolve: Resolver<AreasTarget>) {
    super(ctx, 'RangeFormat', resolve);
  }

  override _read(t: AreasTarget, name: string): unknown {
    if (name === 'columnWidth') {
      const widths = new Set<number>();
      for (const r of t.rects)
        for (let c = r.left; c <= r.right && widths.size < 2; c++)
          widths.add(t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
      return widths.size === 1 ? [...widths][0] : null;
    }
    if (name === 'rowHeight') {
      const heights = new Set<number>();
      for (const r of t.rects)
        for (let i = r.top; i <= r.bottom && heights.size < 2; i++)
          heights.add(t.sheet.rowHeights.get(i) ?? DEFAULT_ROW_HEIGHT);
      return heights.size === 1 ? [...heights][0] : null;
    }
    if (name === 'horizontalAlignment') return uniform(t, (f) => f.horizontalAlignment ?? 'General');
    if (name === 'verticalAlignment') return uniform(t, (f) => f.verticalAlignment ?? 'Bottom');
    if (name === 'wrapText') return uniform(t, (f) => f.wrapText ?? false);
    return super._read(t, name);
  }

  override _write(t: AreasTarget, name: string, v: unknown): void {
    if (name === 'horizontalAlignment') return layer(t, name, oneOf(v, H_ALIGN, 'horizontalAlignment'));
    if (name === 'verticalAlignment') return layer(t, name, oneOf(v, V_ALIGN, 'verticalAlignment'));
    if (name === 'wrapText') {
      if (typeof v !== 'boolean') throw officeError('InvalidArgument', 'wrapText is a boolean');
      return layer(t, name, v);
    }
    if (name === 'columnWidth' || name === 'rowHeight') {
      checkWritable(t.sheet);
      if (typeof v !== 'number' || !(v >= 0) || v > 409 * 5)
        throw officeError('InvalidArgument', `${name} = ${JSON.stringify(v)}`);
      for (const r of t.rects) {
        if (name === 'columnWidth') for (let c = r.left; c <= r.right; c++) t.sheet.columnWidths.set(c, v);
        else {
          if (v > 409) throw officeError('InvalidArgument', 'row height over 409 points');
          if (r.bottom - r.top > 100_000)
            throw officeError('InvalidArgument', 'FakeExcel: set row heights on bounded rows');
          for (let i = r.top; i <= r.bottom; i++) t.sheet.rowHeights.set(i, v);
        }
      }
      return;
    }
    super._write(t, name, v);
  }

  override _makeNav(name: string): FakeObject {
    if (name === 'fill') return this._same(RangeFill);
    if (name === 'font') return this._same(RangeFont);
    if (name === 'borders') return this._same(RangeBorderCollection);
    return super._makeNav(name);
  }
}
members(RangeFormat, {
  scalars: ['horizontalAlignment', 'verticalAlignment', 'wrapText', 'columnWidth', 'rowHeight'],
  writable: ['horizontalAlignment', 'verticalAlignment', 'wrapText', 'columnWidth', 'rowHeight'],
  navs: ['fill', 'font', 'borders'],
});

export class RangeFill extends FakeObject<AreasTarget> {
  declare color: string;

  constructor(ctx: FakeRequestContext, resolve: Resolver<AreasTarget>) {
    super(ctx, 'RangeFill', resolve);
  }

  override _read(t: AreasTarget, name: string): unknown {
    if (name === 'color') return uniform(t, (f) => f.fill ?? '#FFFFFF');
    return super._read(t, name);
  }

  override _write(t: AreasTarget, name: string, v: unknown): void {
    if (name === 'color') return layer(t, 'fill.color', colour(v, 'RangeFill.color'));
    super._write(t, name, v);
  }

  clear(): void {
    this._call('clear', (t) => layer(t, 'fill.color', undefined));
  }
}
members(RangeFill, { scalars: ['color'], writable: ['color'] });

const FONT_PROPS = ['name', 'size', 'bold', 'italic', 'color'];

export class RangeFont extends FakeObject<AreasTarget> {
  declare name: string;
  declare size: number;
  declare bold: boolean;
  declare italic: boolean;
  declare color: string;

  constructor(ctx: FakeRequestContext, resolve: Resolver<AreasTarget>) {
    super(ctx, 'RangeFont', resolve);
  }

  override _read(t: AreasTarget, name: string): unknown {
    const defaults: Record<string, unknown> = {
      name: 'Calibri',
      size: 11,
      bold: false,
      italic: false,
      color: '#000000',
    };
    if (FONT_PROPS.includes(name))
      return uniform(t, (f) => (f.font as Record<string, unknown> | undefined)?.[name] ?? defaults[name]);
    return super._read(t, name);
  }

  override _write(t: AreasTarget, name: string, v: unknown): void {
    if (name === 'color') return layer(t, 'font.color', colour(v, 'RangeFont.color'));
    if (name === 'name' && typeof v === 'string' && v) return layer(t, 'font.name', v);
    if (name === 'size' && typeof v === 'number' && v >= 1 && v <= 409) return layer(t, 'font.size', v);
    if ((name === 'bold' || name === 'italic') && typeof v === 'boolean') return layer(t, `font.${name}`, v);
    throw officeError('InvalidArgument', `RangeFont.${name} = ${JSON.stringify(v)}`);
  }
}
members(RangeFont, { scalars: FONT_PROPS, writable: FONT_PROPS });

export class RangeBorderCollection extends FakeObject<AreasTarget> {
  constructor(ctx: FakeRequestContext, resolve: Resolver<AreasTarget>) {
    super(ctx, 'RangeBorderCollection', resolve);
  }

  getItem(index: string): RangeBorder {
    return new RangeBorder(
      this.context,
      () => {
        const t = this._bindOrNull();
        if (!t) return null;
        return { ...t, edge: oneOf(index, BORDER_INDEX, 'BorderIndex') };
      },
      'RangeBorderCollection.getItem',
    );
  }
}
members(RangeBorderCollection, {});

export class RangeBorder extends FakeObject<AreasTarget & { edge: string }> {
  declare style: string;
  declare weight: string;
  declare color: string;

  constructor(
    ctx: FakeRequestContext,
    resolve: Resolver<AreasTarget & { edge: string }>,
    createdBy?: string,
  ) {
    super(ctx, 'RangeBorder', resolve, createdBy);
  }

  override _read(t: AreasTarget & { edge: string }, name: string): unknown {
    if (name === 'sideIndex') return t.edge;
    return super._read(t, name);
  }

  override _write(t: AreasTarget & { edge: string }, name: string, v: unknown): void {
    if (name === 'style')
      return layer(t, `borders.${t.edge}.style`, oneOf(v, BORDER_STYLE, 'BorderLineStyle'));
    if (name === 'weight')
      return layer(t, `borders.${t.edge}.weight`, oneOf(v, BORDER_WEIGHT, 'BorderWeight'));
    if (name === 'color') return layer(t, `borders.${t.edge}.color`, colour(v, 'RangeBorder.color'));
    super._write(t, name, v);
  }
}
members(RangeBorder, {
  scalars: ['sideIndex', 'style', 'weight', 'color'],
  writable: ['style', 'weight', 'color'],
});

// ---------------------------------------------------------------------------------------------------------------
// Conditional formats

interface CfTarget {
  sheet: SheetModel;
  cf: ConditionalFormatModel;
}

const CF_TYPES = [
  'Custom',
  'DataBar',
  'ColorScale',
  'IconSet',
  'TopBottom',
  'PresetCriteria',
  'ContainsText',
  'CellValue',
];

export class ConditionalFormatCollection extends FakeCollection<AreasTarget, ConditionalFormat> {
  constructor(ctx: FakeRequestContext, resolve: Resolver<AreasTarget>) {
    super(ctx, 'ConditionalFormatCollection', resolve);
  }

  _items({ sheet, rects }: AreasTarget): ConditionalFormat[] {
    return sheet.cfs
      .filter((cf) => cf.ranges.some((r) => rects.some((x) => intersect(r, x))))
      .map((cf) => ConditionalFormat.bound(this.context, { sheet, cf }));
  }

  add(type: string): ConditionalFormat {
    const wb = host(this.context);
    return new ConditionalFormat(
      this.context,
      () => {
        const t = this._bindOrNull();
        if (!t) return null;
        checkLive(wb, t.sheet);
        checkWritable(t.sheet);
        const cf: ConditionalFormatModel = {
          id: wb.newId('cf'),
          type: oneOf(type, CF_TYPES, 'ConditionalFormatType'),
          ranges: t.rects.slice(),
          rule: {},
          format: {},
          stopIfTrue: false,
        };
        // Excel puts a new conditional format first (highest priority).
        t.sheet.cfs.unshift(cf);
        return { sheet: t.sheet, cf };
      },
      'ConditionalFormatCollection.add',
    );
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.context._enqueue('ConditionalFormatCollection.getCount', (run) => {
      const t = this._bindOrNull();
      const n = t ? this._items(t).length : 0;
      run.results.push(() => {
        result._value = n;
        result._ready = true;
      });
    });
    return result;
  }
}
members(ConditionalFormatCollection, { scalars: ['items'] });

export class ConditionalFormat extends FakeObject<CfTarget> {
  declare readonly id: string;
  declare readonly type: string;
  declare readonly priority: number;
  declare stopIfTrue: boolean;
  declare readonly custom: CustomConditionalFormat;
  declare readonly customOrNullObject: CustomConditionalFormat;

  constructor(ctx: FakeRequestContext, resolve: Resolver<CfTarget>, createdBy?: string) {
    super(ctx, 'ConditionalFormat', resolve, createdBy);
  }

  static bound(ctx: FakeRequestContext, t: CfTarget): ConditionalFormat {
    const p = new ConditionalFormat(ctx, () => t);
    p._state = 'bound';
    p._target = t;
    p._syncedNull = false;
    return p;
  }

  override _read({ sheet, cf }: CfTarget, name: string): unknown {
    if (name === 'id') return cf.id;
    if (name === 'type') return cf.type;
    if (name === 'priority') return sheet.cfs.indexOf(cf);
    if (name === 'stopIfTrue') return cf.stopIfTrue;
    return super._read({ sheet, cf }, name);
  }

  override _write({ sheet, cf }: CfTarget, name: string, v: unknown): void {
    checkWritable(sheet);
    if (name === 'stopIfTrue') cf.stopIfTrue = Boolean(v);
    else super._write({ sheet, cf }, name, v);
  }

  override _makeNav(name: string): FakeObject {
    if (name === 'custom')
      return this._child(
        (t) => {
          // Excel refuses to reach the custom part of another type (office-js issue 2180).
          if (t.cf.type !== 'Custom')
            throw officeError('InvalidOperation', `the conditional format is ${t.cf.type}, not Custom`);
          return t;
        },
        (c, r) => new CustomConditionalFormat(c, r),
      );
    if (name === 'customOrNullObject')
      return this._child(
        (t) => (t.cf.type === 'Custom' ? t : null),
        (c, r) => new CustomConditionalFormat(c, r),
      );
    return super._makeNav(name);
  }

  delete(): void {
    this._call('delete', ({ sheet, cf }) => {
      checkWritable(sheet);
      const i = sheet.cfs.indexOf(cf);
      if (i < 0) throw officeError('ItemNotFound', `conditional format ${cf.id}`);
      sheet.cfs.splice(i, 1);
    });
  }
}
members(ConditionalFormat, {
  scalars: ['id', 'type', 'priority', 'stopIfTrue'],
  writable: ['stopIfTrue'],
  navs: ['custom', 'customOrNullObject'],
});

export class CustomConditionalFormat extends FakeObject<CfTarget> {
  declare readonly rule: ConditionalFormatRule;
  declare readonly format: ConditionalRangeFormat;

  constructor(ctx: FakeRequestContext, resolve: Resolver<CfTarget>) {
    super(ctx, 'CustomConditionalFormat', resolve);
  }

  override _makeNav(name: string): FakeObject {
    if (name === 'rule') return this._same(ConditionalFormatRule);
    if (name === 'format') return this._same(ConditionalRangeFormat);
    return super._makeNav(name);
  }
}
members(CustomConditionalFormat, { navs: ['rule', 'format'] });

export class ConditionalFormatRule extends FakeObject<CfTarget> {
  declare formula: string;

  constructor(ctx: FakeRequestContext, resolve: Resolver<CfTarget>) {
    super(ctx, 'ConditionalFormatRule', resolve);
  }

  override _read({ cf }: CfTarget, name: string): unknown {
    if (name === 'formula' || name === 'formulaLocal') return (cf.rule.formula as string | undefined) ?? '';
    return super._read({ cf } as CfTarget, name);
  }

  override _write({ sheet, cf }: CfTarget, name: string, v: unknown): void {
    checkWritable(sheet);
    if (name !== 'formula') return super._write({ sheet, cf }, name, v);
    if (typeof v !== 'string' || !v.startsWith('=') || v.length < 2)
      throw officeError('InvalidArgument', `rule formula ${JSON.stringify(v)}`);
    cf.rule.formula = v;
  }
}
members(ConditionalFormatRule, { scalars: ['formula', 'formulaLocal'], writable: ['formula'] });

export class ConditionalRangeFormat extends FakeObject<CfTarget> {
  declare readonly fill: ConditionalRangeFill;
  declare readonly font: ConditionalRangeFont;

  constructor(ctx: FakeRequestContext, resolve: Resolver<CfTarget>) {
    super(ctx, 'ConditionalRangeFormat', resolve);
  }

  override _makeNav(name: string): FakeObject {
    if (name === 'fill') return this._same(ConditionalRangeFill);
    if (name === 'font') return this._same(ConditionalRangeFont);
    return super._makeNav(name);
  }
}
members(ConditionalRangeFormat, { navs: ['fill', 'font'] });

export class ConditionalRangeFill extends FakeObject<CfTarget> {
  declare color: string;

  constructor(ctx: FakeRequestContext, resolve: Resolver<CfTarget>) {
    super(ctx, 'ConditionalRangeFill', resolve);
  }

  override _read({ cf }: CfTarget, name: string): unknown {
    if (name === 'color') return cf.format.fill ?? null;
    return super._read({ cf } as CfTarget, name);
  }

  override _write({ sheet, cf }: CfTarget, name: string, v: unknown): void {
    checkWritable(sheet);
    if (name === 'color') cf.format.fill = colour(v, 'ConditionalRangeFill.color');
    else super._write({ sheet, cf }, name, v);
  }

  clear(): void {
    this._call('clear', ({ cf }) => delete cf.format.fill);
  }
}
members(ConditionalRangeFill, { scalars: ['color'], writable: ['color'] });

export class ConditionalRangeFont extends FakeObject<CfTarget> {
  declare color: string;
  declare bold: boolean;

  constructor(ctx: FakeRequestContext, resolve: Resolver<CfTarget>) {
    super(ctx, 'ConditionalRangeFont', resolve);
  }

  override _read({ cf }: CfTarget, name: string): unknown {
    if (name === 'color') return cf.format.fontColor ?? null;
    if (name === 'bold') return cf.format.bold ?? null;
    return super._read({ cf } as CfTarget, name);
  }

  override _write({ sheet, cf }: CfTarget, name: string, v: unknown): void {
    checkWritable(sheet);
    if (name === 'color') cf.format.fontColor = colour(v, 'ConditionalRangeFont.color');
    else if (name === 'bold') cf.format.bold = Boolean(v);
    else super._write({ sheet, cf }, name, v);
  }
}
members(ConditionalRangeFont, { scalars: ['color', 'bold'], writable: ['color', 'bold'] });

// ---------------------------------------------------------------------------------------------------------------
// Data validation

export class DataValidation extends FakeObject<RangeTarget> {
  declare rule: unknown;
  declare errorAlert: unknown;
  declare ignoreBlanks: boolean;
  declare prompt: unknown;

  constructor(ctx: FakeRequestContext, resolve: Resolver<RangeTarget>) {
    super(ctx, 'DataValidation', resolve);
  }

  private at({ sheet, rect }: RangeTarget) {
    return sheet.validations.find(
      (v) =>
        v.rect.top === rect.top &&
        v.rect.left === rect.left &&
        v.rect.bottom === rect.bottom &&
        v.rect.right === rect.right,
    );
  }

  private ensure(t: RangeTarget) {
    let v = this.at(t);
    if (!v) {
      // A new rule replaces whatever validations lay inside the range.
      t.sheet.validations = t.sheet.validations.filter(
        (x) =>
          !(
            intersect(x.rect, t.rect) &&
            contains(t.rect, x.rect.top, x.rect.left) &&
            contains(t.rect, x.rect.bottom, x.rect.right)
          ),
      );
      v = { rect: t.rect, rule: {} };
      t.sheet.validations.push(v);
    }
    return v;
  }

  override _read(t: RangeTarget, name: string): unknown {
    const v = this.at(t);
    if (name === 'rule') return structuredCopy(v?.rule ?? {});
    if (name === 'type') {
      const rule = (v?.rule ?? {}) as Record<string, unknown>;
      const key = Object.keys(rule)[0];
      return key ? key[0].toUpperCase() + key.slice(1) : 'None';
    }
    if (name === 'errorAlert')
      return structuredCopy(v?.errorAlert ?? { showAlert: true, style: 'Stop', title: '', message: '' });
    if (name === 'ignoreBlanks') return v?.ignoreBlanks ?? true;
    if (name === 'valid') return true;
    return super._read(t, name);
  }

  override _write(t: RangeTarget, name: string, value: unknown): void {
    checkWritable(t.sheet);
    const wb = host(this.context);
    if (name === 'rule') {
      const rule = value as Record<string, unknown>;
      const list = rule?.list as { source?: unknown; inCellDropDown?: unknown } | undefined;
      if (!rule || Object.keys(rule).length !== 1)
        throw officeError('InvalidArgument', 'a data validation rule has exactly one kind');
      if (list) {
        let source = list.source;
        if (source instanceof Range) {
          const r = source._bindOrNull();
          source = r ? `=${sheetPrefix(r.sheet.name)}${rectAddress(r.rect)}` : '';
        }
        if (typeof source !== 'string' || !source) throw officeError('InvalidArgument', 'list source');
        const ref = /^=([\p{L}_\\][\p{L}\p{N}_.]*)$/u.exec(source)?.[1];
        // Stricter than Excel, on purpose: a list that names a missing defined name is a bug worth catching.
        if (ref && !parseArea(ref) && !findName(wb, t.sheet, ref))
          throw officeError('InvalidArgument', `list source names "${ref}", which is not defined`);
        if (!ref && !source.startsWith('=') && source.length > 255)
          throw officeError('InvalidArgument', 'list longer than 255 characters');
        this.ensure(t).rule = { list: { inCellDropDown: list.inCellDropDown !== false, source } };
        return;
      }
      this.ensure(t).rule = structuredCopy(rule);
      return;
    }
    if (name === 'errorAlert') {
      const a = value as Record<string, unknown>;
      oneOf(a?.style, ['Stop', 'Warning', 'Information'], 'DataValidationAlertStyle');
      this.ensure(t).errorAlert = structuredCopy(a);
      return;
    }
    if (name === 'ignoreBlanks') {
      this.ensure(t).ignoreBlanks = Boolean(value);
      return;
    }
    if (name === 'prompt') return;
    super._write(t, name, value);
  }

  clear(): void {
    this._call('clear', ({ sheet, rect }) => {
      checkWritable(sheet);
      sheet.validations = sheet.validations.filter((v) => !intersect(v.rect, rect));
    });
  }
}
members(DataValidation, {
  scalars: ['rule', 'type', 'errorAlert', 'ignoreBlanks', 'prompt', 'valid'],
  writable: ['rule', 'errorAlert', 'ignoreBlanks', 'prompt'],
});

// ---------------------------------------------------------------------------------------------------------------
// Defined names

interface NamesTarget {
  wb: WorkbookModel;
  scope: SheetModel | null;
}

function findName(wb: WorkbookModel, sheet: SheetModel | null, name: string): NameModel | undefined {
  const lower = name.toLowerCase();
  return (
    sheet?.names.find((n) => n.name.toLowerCase() === lower) ??
    wb.names.find((n) => n.name.toLowerCase() === lower)
  );
}

function validName(name: string): boolean {
  return (
    /^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) &&
    !parseArea(name) &&
    !/^[RrCc]\d*$|^[Rr]\d*[Cc]\d*$/.test(name) &&
    name.length <= 255
  );
}

export class NamedItemCollection extends FakeCollection<NamesTarget, NamedItem> {
  constructor(ctx: FakeRequestContext, resolve: Resolver<NamesTarget>) {
    super(ctx, 'NamedItemCollection', resolve);
  }

  private list(t: NamesTarget): NameModel[] {
    return t.scope ? t.scope.names : t.wb.names;
  }

  _items(t: NamesTarget): NamedItem[] {
    return this.list(t).map((n) => NamedItem.bound(this.context, { ...t, name: n }));
  }

  add(name: string, reference: Range | string, comment = ''): NamedItem {
    return new NamedItem(
      this.context,
      () => {
        const t = this._bindOrNull();
        if (!t) return null;
        if (!validName(name)) throw officeError('InvalidArgument', `"${name}" is not a valid name`);
        const lower = name.toLowerCase();
        if (this.list(t).some((n) => n.name.toLowerCase() === lower))
          throw officeError('ItemAlreadyExists', `the name "${name}" exists`);
        let model: NameModel;
        if (typeof reference === 'string') {
          const [only, ...more] = splitAddressList(reference.replace(/^=/, ''));
          const sheet = only?.sheet ? t.wb.sheet(only.sheet) : undefined;
          const rect = only ? parseArea(only.area) : null;
          if (sheet && rect && !more.length) model = { name, sheet, rect, formula: '', comment };
          else if (reference.startsWith('='))
            model = { name, sheet: null, rect: null, formula: reference, comment };
          else throw officeError('InvalidArgument', `reference "${reference}"`);
        } else {
          const r = reference._bindOrNull();
          if (!r) throw officeError('InvalidArgument', 'the reference is a null object');
          model = { name, sheet: r.sheet, rect: r.rect, formula: '', comment };
        }
        this.list(t).push(model);
        return { ...t, name: model };
      },
      'NamedItemCollection.add',
      jsonBytes(name) + jsonBytes(typeof reference === 'string' ? reference : ''),
    );
  }

  getItem(name: string): NamedItem {
    return new NamedItem(
      this.context,
      () => {
        const t = this._bindOrNull();
        const n = t && this.list(t).find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!t || !n) throw officeError('ItemNotFound', `no name "${name}"`);
        return { ...t, name: n };
      },
      'NamedItemCollection.getItem',
    );
  }

  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(
      this.context,
      () => {
        const t = this._bindOrNull();
        const n = t && this.list(t).find((x) => x.name.toLowerCase() === name.toLowerCase());
        return t && n ? { ...t, name: n } : null;
      },
      'NamedItemCollection.getItemOrNullObject',
    );
  }
}
members(NamedItemCollection, { scalars: ['items'] });

export class NamedItem extends FakeObject<NamesTarget & { name: NameModel }> {
  declare readonly name: string;
  declare readonly formula: string;
  declare readonly type: string;

  constructor(
    ctx: FakeRequestContext,
    resolve: Resolver<NamesTarget & { name: NameModel }>,
    createdBy?: string,
    bytes = 0,
  ) {
    super(ctx, 'NamedItem', resolve, createdBy, bytes);
  }

  static bound(ctx: FakeRequestContext, t: NamesTarget & { name: NameModel }): NamedItem {
    const p = new NamedItem(ctx, () => t);
    p._state = 'bound';
    p._target = t;
    p._syncedNull = false;
    return p;
  }

  override _read(t: NamesTarget & { name: NameModel }, name: string): unknown {
    if (name === 'name') return t.name.name;
    if (name === 'formula' || name === 'value') return nameFormula(t.name);
    if (name === 'type') return t.name.sheet ? 'Range' : 'String';
    if (name === 'visible') return true;
    if (name === 'comment') return t.name.comment;
    if (name === 'scope') return t.scope ? 'Worksheet' : 'Workbook';
    return super._read(t, name);
  }

  getRange(): Range {
    return new Range(
      this.context,
      () => {
        const t = this._bindOrNull();
        if (!t) return null;
        if (!t.name.sheet || !t.name.rect || !t.wb.sheets.includes(t.name.sheet))
          throw officeError('InvalidReference', `name "${t.name.name}"`);
        return { sheet: t.name.sheet, rect: t.name.rect };
      },
      'NamedItem.getRange',
    );
  }

  delete(): void {
    this._call('delete', (t) => {
      const list = t.scope ? t.scope.names : t.wb.names;
      const i = list.indexOf(t.name);
      if (i < 0) throw officeError('ItemNotFound', `name "${t.name.name}"`);
      list.splice(i, 1);
    });
  }
}
members(NamedItem, { scalars: ['name', 'formula', 'value', 'type', 'visible', 'comment', 'scope'] });
