/**
 * Builds the web page as `npm run build:web` does, into a private folder under test-output/ (dist/web may be in
 * use by another build or test).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const OUT = join(ROOT, 'test-output', 'web');

export function buildWeb(): { dir: string; page: string; html: string } {
  mkdirSync(OUT, { recursive: true });
  const dir = mkdtempSync(join(OUT, 'build-'));
  const run = spawnSync(
    process.execPath,
    [
      require.resolve('webpack-cli/bin/cli.js'),
      '--mode',
      'production',
      '--config-name',
      'web',
      '--output-path',
      dir,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 300_000 },
  );
  if (run.status !== 0)
    throw new Error(`webpack failed (${run.status}):\n${(run.stdout + run.stderr).slice(-3000)}`);
  const page = join(dir, 'cchc.html');
  return { dir, page, html: readFileSync(page, 'utf8') };
}
