/** Issue 18, item 14: `cchc validate a b | head -1` ends quietly when the reader closes the pipe. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CCHC, ROOT, ensureBuilt } from './built';

beforeAll(() => ensureBuilt(), 180_000);

it('prints no stack trace when stdout is closed after the first line', async () => {
  const fixtures = join(ROOT, 'cli', 'test', 'fixtures');
  const files = ['seed000-tasks.xlsx', 'seed002.xlsx', 'kpi-001-004.xlsx', 'sample-appendix.xlsx'];
  // Many copies of the same files: far more output than one pipe buffer holds.
  const args = [CCHC, 'validate', ...Array.from({ length: 40 }, (_, i) => join(fixtures, files[i % 4]))];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const first = await new Promise<string>((done) =>
    child.stdout.once('data', (d: Buffer) => done(d.toString())),
  );
  child.stdout.destroy();
  const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
  expect(first.length).toBeGreaterThan(0);
  expect(stderr).not.toMatch(/EPIPE|Error|at /);
  expect(code).not.toBeNull();
}, 120_000);
