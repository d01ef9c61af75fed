/**
 * Issue 18, item 10: Ctrl+C (SIGINT) or a kill (SIGTERM) while the checked copy is being written leaves no
 * temporary file behind, and no half-written copy under the target's name. The copy of a large sheet is written
 * by a worker thread for some hundreds of milliseconds; the test signals the command the moment the temporary
 * file appears, and counts only the runs where the signal came before the copy got its name.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, watch } from 'node:fs';
import { join } from 'node:path';
import { CCHC, ROOT, ensureBuilt } from './built';
import { taskSheetFile } from './fuzz/hostileFiles';

const DIR = join(ROOT, 'test-output', 'signals');
const OUT = join(DIR, 'out');

beforeAll(() => {
  ensureBuilt();
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  copyFileSync(taskSheetFile(80_000), join(DIR, 'lon.xlsx'));
}, 180_000);
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/** One run, signalled as soon as a temporary file shows in the output folder. */
async function interrupted(signal: NodeJS.Signals) {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT);
  const args = [CCHC, 'validate', 'lon.xlsx', '--out', 'out/ban-sao.xlsx', '--format', 'summary'];
  const child = spawn(process.execPath, [...args, '--as-of', '2025-10-15'], { cwd: DIR, stdio: 'ignore' });
  let temp = '';
  const watcher = watch(OUT, (_event, name) => {
    if (!temp && name?.endsWith('.tmp')) {
      temp = name;
      child.kill(signal);
    }
  });
  const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
  watcher.close();
  return { code, temp, left: readdirSync(OUT), named: existsSync(join(OUT, 'ban-sao.xlsx')) };
}

it.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)(
  '%s while the copy is written: the temporary file is removed and the run ends with %i',
  async (signal, status) => {
    let caught = 0;
    // A race by nature (the copy is written in a fraction of a second): up to twelve tries for one catch.
    for (let attempt = 0; attempt < 12 && caught < 1; attempt++) {
      const run = await interrupted(signal);
      if (run.temp === '') {
        // The copy was written and renamed before its temporary file was seen: no signal was sent.
        expect([run.code, run.left]).toEqual([0, ['ban-sao.xlsx']]);
        continue;
      }
      expect(run.code).toBe(status);
      // Never a temporary file left: caught mid-write, or (when the copy won the race) the copy alone.
      expect(run.left).toEqual(run.named ? ['ban-sao.xlsx'] : []);
      if (!run.named) caught++;
    }
    // The signal did come while the temporary file was being written, at least once.
    expect(caught).toBeGreaterThan(0);
  },
  240_000,
);
