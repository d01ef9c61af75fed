/**
 * Issue 22, start-up: nothing a worker or a single check loads pulls in zod (the report schema's library, most of
 * a worker's import time), and one small file is checked without starting a worker while a file that may expand
 * (amplified shared strings) still goes to one, with the same results either way. Run on the built command.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CCHC, ROOT, ensureBuilt } from '../built';
import { amplifiedStrings } from '../fuzz/hostileFiles';
import { fitsInProcess, IN_PROCESS_MAX_BYTES } from '../../src/batch/inProcess';
import { poolLimits, runPool } from '../../src/batch/pool';
import { runHere } from '../../src/batch/runFiles';
import type { FileJob, JobResult } from '../../src/batch/job';

const DIST = join(ROOT, 'dist');
const SAMPLE = join(ROOT, 'cli/sample/phu-luc-mau.xlsx');
let dir: string;

/** Counts the workers the command starts (printed last on stderr), without changing what it does. */
const COUNTER = `const wt = require('node:worker_threads');
const Base = wt.Worker;
let n = 0;
wt.Worker = class extends Base { constructor(...a) { super(...a); n++; } };
process.on('exit', () => process.stderr.write('workers started: ' + n + '\\n'));`;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'cchc-startup-'));
  writeFileSync(join(dir, 'count-workers.js'), COUNTER);
  // 35 kB on disk, 20 million characters in its shared strings: small on disk, huge once read.
  writeFileSync(join(dir, 'nhan-20m.xlsx'), amplifiedStrings(20_000_000, 35));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Whether requiring `module` (in a fresh node) leaves any zod module in require's cache. */
function loadsZod(module: string): boolean {
  const probe = `require(${JSON.stringify(module)});
process.stdout.write(String(Object.keys(require.cache).some((k) => k.includes('/node_modules/zod/'))));`;
  const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout === 'true';
}

describe('zod stays out of the check', () => {
  it('the probe sees zod where it is loaded: the core index re-exports the report schema', () => {
    expect(loadsZod(join(DIST, 'shared/src/index.js'))).toBe(true);
  });

  it.each([
    'main.js',
    'batch/worker.js',
    'batch/job.js',
    'batch/runFiles.js',
    'textReport.js',
    'jsonStream.js',
  ])('cli/src/%s loads no zod', (module) => {
    expect(loadsZod(join(DIST, 'cli/src', module))).toBe(false);
  });
});

function cchc(...args: string[]) {
  const r = spawnSync(process.execPath, ['-r', join(dir, 'count-workers.js'), CCHC, ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
  const m = /workers started: (\d+)\n$/.exec(r.stderr);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.slice(0, m?.index), workers: Number(m?.[1]) };
}

describe('one small file is checked in-process', () => {
  it('the sample: no worker started, the full report printed', () => {
    const r = cchc('validate', SAMPLE, '--as-of', '2025-10-15');
    expect(r.workers).toBe(0);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Tệp: phu-luc-mau\.xlsx/);
    expect(r.stdout).toMatch(/Kết luận: 2 lỗi cần sửa/);
  });

  it('a file that may expand goes to a worker and still gets its one line', () => {
    expect(fitsInProcess(join(dir, 'nhan-20m.xlsx'))).toBe(false);
    const r = cchc('validate', 'nhan-20m.xlsx', '--format', 'summary', '--as-of', '2025-10-15');
    expect(r.workers).toBe(1);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^nhan-20m\.xlsx: .*quá lớn/)]);
  });

  it('two files go to the pool', () => {
    const r = cchc('validate', SAMPLE, SAMPLE.replace('phu-luc-mau', 'missing'), '--format', 'summary');
    expect(r.workers).toBeGreaterThanOrEqual(1);
    expect(r.stderr).toMatch(/^missing\.xlsx: /);
  });

  it('what is too large on disk, a CSV within bounds, and names that are no file are decided without reading', () => {
    const big = join(dir, 'big.csv');
    writeFileSync(big, 'a'.repeat(IN_PROCESS_MAX_BYTES + 1));
    expect(fitsInProcess(big)).toBe(false);
    writeFileSync(join(dir, 'small.csv'), 'STT,Nhiệm vụ\n1,Họp\n');
    expect(fitsInProcess(join(dir, 'small.csv'))).toBe(true);
    expect(fitsInProcess(dir)).toBe(false);
    expect(fitsInProcess(join(dir, 'nothing.xlsx'))).toBe(false);
  });

  it('gives what a worker gives, for a good file and a broken one', async () => {
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, 'PK\x03\x04 not really a zip');
    for (const want of ['report', 'text', 'counts'] as const) {
      const jobs: FileJob[] = [SAMPLE, broken].map((path) => ({
        path,
        shown: path.slice(path.lastIndexOf('/') + 1),
        options: { asOf: '2025-10-15', lang: 'vi' },
        want,
        width: 80,
      }));
      const pooled: JobResult[] = [];
      await runPool(jobs, { ...poolLimits(), workers: 1 }, (i, r) => (pooled[i] = r));
      const here = [await runHere(jobs[0], 'vi'), await runHere(jobs[1], 'vi')];
      expect(here).toEqual(pooled);
      expect(here[0].ok).toBe(true);
      expect(here[1].ok).toBe(false);
    }
  }, 60_000);
});
