/** What the stand-ins of one fake share, and Apps Script's error shapes. */
import type { Calls } from './calls';
import type { BookModel } from './model';

export type MenuItemRecord = { caption: string; functionName: string } | 'separator' | MenuRecord;

export interface MenuRecord {
  caption: string;
  /** createAddonMenu() rather than createMenu(caption). */
  addon: boolean;
  items: MenuItemRecord[];
}

export interface UiRecords {
  menus: MenuRecord[];
  sidebars: { title: string; html: string }[];
  dialogs: { title: string; html: string; modal: boolean; width?: number; height?: number }[];
  toasts: { msg: string; title?: string }[];
  alerts: string[];
}

export interface Ctx {
  calls: Calls;
  book: BookModel;
  ui: UiRecords;
  htmlFiles: Record<string, string>;
  userLocale: string;
  scriptTimeZone: string;
  addonName: string;
  logger: string[];
}

/** Base of every stand-in object: the fake it belongs to (read by the call-logging wrapper). */
export abstract class Stub {
  constructor(readonly _ctx: Ctx) {}
  get _calls(): Calls {
    return this._ctx.calls;
  }
}

/** Apps Script (V8) errors are plain Errors whose message starts with "Exception: ". */
export function exception(message: string): Error {
  return new Error(`Exception: ${message}`);
}

function typeName(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return (x.length ? typeName(x[0]) : 'Object') + '[]';
  if (typeof x === 'string') return 'String';
  if (typeof x === 'boolean') return 'Boolean';
  if (typeof x === 'number') return 'number';
  if (typeof x === 'object') {
    const kind = (x as { _kind?: unknown })._kind;
    return typeof kind === 'string' ? `SpreadsheetApp.${kind}` : 'Object';
  }
  return typeof x;
}

/** The error Apps Script raises when arguments fit no overload of a method. */
export function signatureError(method: string, args: ArrayLike<unknown>): Error {
  const types = Array.from(args, typeName).join(',');
  return exception(`The parameters (${types}) don't match the method signature for ${method}.`);
}

/** Narrows an argument to a stand-in of the given kind, or raises the signature error. */
export function unwrap<T>(x: unknown, kind: string, method: string, args: ArrayLike<unknown>): T {
  if (x && typeof x === 'object' && (x as { _kind?: unknown })._kind === kind) return x as T;
  throw signatureError(method, args);
}

export function isInteger(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x);
}
