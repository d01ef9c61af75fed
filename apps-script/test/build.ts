/**
 * Builds the Sheets add-on as `npm run build:sheets` does, into a private folder (dist/sheets may be in use by
 * another build or test), and loads its Code.js the way Apps Script does: one classic script in a bare global
 * scope, with the services as globals and string code generation (eval, new Function) turned off.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runWebpack } from '../../shared/ui/test/webpackBuild';
import { createContext, Script, type Context } from 'node:vm';

export const ROOT = resolve(__dirname, '../..');

export interface Built {
  dir: string;
  code: string;
  sidebar: string;
  manifest: string;
}

export function buildSheets(): Built {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-sheets-'));
  runWebpack(['sheets-server', 'sheets-sidebar'], dir, 240_000);
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  return { dir, code: read('Code.js'), sidebar: read('sidebar.html'), manifest: read('appsscript.json') };
}

/** Code.js in a fresh vm context holding only `globals`; returns the context (its top-level functions). */
export function loadCode(code: string, globals: Record<string, unknown>): Context {
  const context = createContext({ ...globals }, { codeGeneration: { strings: false, wasm: false } });
  new Script(code, { filename: 'Code.js' }).runInContext(context);
  return context;
}
