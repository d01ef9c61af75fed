/**
 * The web page as `npm run build:web` builds it (once per test run: shared/ui/test/testBundles.ts).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { testBundle } from '../../shared/ui/test/testBundles';

export const ROOT = resolve(__dirname, '../..');
export const OUT = join(ROOT, 'test-output', 'web');

export function webBundle(): { dir: string; page: string; html: string } {
  const dir = testBundle('web');
  const page = join(dir, 'cchc.html');
  return { dir, page, html: readFileSync(page, 'utf8') };
}
