/**
 * Issue 22, the pool: files go to the workers a few at a time (fewer messages than files), a second worker starts
 * only for files the first did not take, prestarted workers are taken by the batch, and the guarantees hold with
 * files queued in a worker: one past the memory or time limit costs its own line, and the files queued behind it
 * are checked by the next worker. Run on the built modules (a worker loading the TypeScript sources takes seconds).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ROOT, ensureBuilt } from '../built';
import type { FileJob, JobResult } from '../../src/batch/job';
import type * as PoolModule from '../../src/batch/pool';

const FIXTURES = join(ROOT, 'cli/test/fixtures');
const GOOD = ['seed000-tasks.xlsx', 'kpi-001-004.xlsx', 'seed002.xlsx', 'sample-appendix.xlsx'];
let pool: typeof PoolModule;
let runJob: (job: FileJob) => Promise<JobResult>;
let dir: string;

beforeAll(() => {
  ensureBuilt();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  pool = require(join(ROOT, 'dist/cli/src/batch/pool.js')) as typeof PoolModule;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ({ runJob } = require(join(ROOT, 'dist/cli/src/batch/job.js')) as { runJob: typeof runJob });
  dir = mkdtempSync(join(tmpdir(), 'cchc-pool-'));
  // A task list far past a 48 MB heap and far past a second of work, while a ward file needs a few MB and ms.
  const rows = ['STT,Nhiệm vụ,Cơ quan chủ trì,Thời gian hoàn thành'];
  for (let i = 1; i <= 400_000; i++) rows.push(`${i},Nhiệm vụ cải cách số ${i},Văn phòng,Quý ${1 + (i % 4)}`);
  writeFileSync(join(dir, 'lon.csv'), rows.join('\n'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const jobOf = (path: string, want: FileJob['want'] = 'counts'): FileJob => ({
  path,
  shown: path.slice(path.lastIndexOf('/') + 1),
  options: { asOf: '2025-10-15', lang: 'vi' },
  want,
});

async function run(jobs: FileJob[], limits: Partial<PoolModule.PoolLimits>) {
  const posted = jest.spyOn(Worker.prototype, 'postMessage');
  const started = pool.workerStarts.count;
  const results: (JobResult | undefined)[] = new Array(jobs.length);
  let calls = 0;
  try {
    await pool.runPool(jobs, { ...pool.poolLimits(), ...limits }, (i, r) => {
      calls++;
      expect(results[i]).toBeUndefined();
      results[i] = r;
    });
    return { results, calls, messages: posted.mock.calls.length, workers: pool.workerStarts.count - started };
  } finally {
    posted.mockRestore();
  }
}

describe('the pool', () => {
  it('hands 40 files to 2 workers in a few messages, each result the one runJob gives', async () => {
    const jobs = Array.from({ length: 40 }, (_, i) => jobOf(join(FIXTURES, GOOD[i % GOOD.length])));
    const r = await run(jobs, { workers: 2 });
    expect(r.calls).toBe(40);
    // One message per file before; now one per four files or so.
    expect(r.messages).toBeLessThanOrEqual(14);
    expect(r.workers).toBe(2);
    for (let i = 0; i < GOOD.length; i++) expect(r.results[i]).toEqual(await runJob(jobs[i]));
  }, 60_000);

  it('starts one worker for a few small files, even when more are allowed', async () => {
    const jobs = GOOD.map((f) => jobOf(join(FIXTURES, f)));
    const r = await run(jobs, { workers: 4 });
    expect(r.workers).toBe(1);
    expect(r.messages).toBe(1);
    expect(r.results.every((x) => x?.ok)).toBe(true);
  }, 60_000);

  it('takes the prestarted workers instead of starting its own', async () => {
    pool.prestart({ ...pool.poolLimits(), workers: 2 });
    const before = pool.workerStarts.count;
    const jobs = Array.from({ length: 24 }, (_, i) => jobOf(join(FIXTURES, GOOD[i % GOOD.length])));
    const r = await run(jobs, { workers: 2 });
    expect(pool.workerStarts.count).toBe(before);
    expect(r.results.every((x) => x?.ok)).toBe(true);
  }, 60_000);

  it('one file past the memory limit: its line, and the files queued behind it are checked by a new worker', async () => {
    const jobs = [join(FIXTURES, GOOD[0]), join(dir, 'lon.csv'), ...GOOD.map((f) => join(FIXTURES, f))].map(
      (p) => jobOf(p),
    );
    const r = await run(jobs, { workers: 1, memoryMb: 48 });
    expect(r.results[1]).toEqual({
      ok: false,
      line: expect.stringMatching(/^lon\.csv: tệp quá lớn .*vượt giới hạn bộ nhớ/),
    });
    expect(r.results.filter((x) => x?.ok)).toHaveLength(jobs.length - 1);
    expect(r.workers).toBe(2);
  }, 120_000);

  it('one file past the time limit: its line, and the rest of the batch goes on', async () => {
    const jobs = [join(dir, 'lon.csv'), ...GOOD.map((f) => join(FIXTURES, f))].map((p) => jobOf(p));
    const started = Date.now();
    const r = await run(jobs, { workers: 1, timeoutMs: 2500 });
    expect(r.results[0]).toEqual({
      ok: false,
      line: expect.stringMatching(/^lon\.csv: .*quá thời gian/),
    });
    expect(r.results.slice(1).every((x) => x?.ok)).toBe(true);
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 120_000);
});
