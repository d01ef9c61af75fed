/**
 * The Sheets add-on as `npm run build:sheets` builds it (once per test run: shared/ui/test/testBundles.ts), and loads its Code.js the way Apps Script does: one classic script in a bare global
 * scope, with the services as globals and string code generation (eval, new Function) turned off.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { testBundle } from '../../shared/ui/test/testBundles';
import { createContext, Script, type Context } from 'node:vm';

export const ROOT = resolve(__dirname, '../..');

export interface Built {
  dir: string;
  code: string;
  sidebar: string;
  manifest: string;
}

export function sheetsBundle(): Built {
  const dir = testBundle('sheets');
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  return { dir, code: read('Code.js'), sidebar: read('sidebar.html'), manifest: read('appsscript.json') };
}

/** Code.js in a fresh vm context holding only `globals`; returns the context (its top-level functions). */
export function loadCode(code: string, globals: Record<string, unknown>): Context {
  const context = createContext({ ...globals }, { codeGeneration: { strings: false, wasm: false } });
  new Script(code, { filename: 'Code.js' }).runInContext(context);
  return context;
}
