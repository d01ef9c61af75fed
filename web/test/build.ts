/**
 * Builds the web page as `npm run build:web` does, into a private folder under test-output/ (dist/web may be in
 * use by another build or test).
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runWebpack } from '../../shared/ui/test/webpackBuild';

export const ROOT = resolve(__dirname, '../..');
export const OUT = join(ROOT, 'test-output', 'web');

export function buildWeb(): { dir: string; page: string; html: string } {
  mkdirSync(OUT, { recursive: true });
  const dir = mkdtempSync(join(OUT, 'build-'));
  runWebpack(['web'], dir, 300_000);
  const page = join(dir, 'cchc.html');
  return { dir, page, html: readFileSync(page, 'utf8') };
}
