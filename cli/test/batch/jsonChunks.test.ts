/**
 * Issue 22, `--format json` of a large file: the worker sends the report's JSON in pieces of about 1 MB, not the
 * report object (180 MB of JSON for 200,000 rows, cloned between threads), and what comes out is byte for byte
 * JSON.stringify(report, null, 2). Run on the built modules, with the 80,000-row sheet of the signals test.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CCHC, ROOT, ensureBuilt } from '../built';
import { taskSheetFile } from '../fuzz/hostileFiles';
import type { FileJob, JobResult } from '../../src/batch/job';
import type * as PoolModule from '../../src/batch/pool';

let pool: typeof PoolModule;
let runJob: (job: FileJob) => Promise<JobResult>;
let path: string;

beforeAll(() => {
  ensureBuilt();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  pool = require(join(ROOT, 'dist/cli/src/batch/pool.js')) as typeof PoolModule;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ({ runJob } = require(join(ROOT, 'dist/cli/src/batch/job.js')) as { runJob: typeof runJob });
  path = taskSheetFile(80_000);
}, 180_000);

const job = (want: FileJob['want'], jsonDepth?: number): FileJob => ({
  path,
  shown: 'rows-80000.xlsx',
  options: { asOf: '2025-10-15', lang: 'vi' },
  want,
  jsonDepth,
});

it('the worker sends pieces of at most about 1 MB, then the counts without the report; joined, they are the JSON', async () => {
  const chunks: string[] = [];
  const results: JobResult[] = [];
  await pool.runPool(
    [job('json', 0)],
    { ...pool.poolLimits(), workers: 1 },
    (_i, r) => results.push(r),
    (i, c) => {
      expect(i).toBe(0);
      // No piece after the result.
      expect(results).toHaveLength(0);
      chunks.push(c);
    },
  );
  expect(results).toHaveLength(1);
  const [result] = results;
  if (!result.ok) throw new Error(result.line);
  expect(result.report).toBeUndefined();
  expect(result.streamed).toBe(true);
  expect(result.counts?.tasks).toBe(80_000 - 3);
  expect(chunks.length).toBeGreaterThan(10);
  expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(1.1 * 2 ** 20);
  const whole = await runJob(job('report'));
  if (!whole.ok) throw new Error(whole.line);
  expect(chunks.join('')).toBe(JSON.stringify(whole.report, null, 2));
}, 180_000);

it('the command prints those bytes, alone and in a batch', () => {
  const run = (...files: string[]) =>
    spawnSync(process.execPath, [CCHC, 'validate', ...files, '--format', 'json', '--as-of', '2025-10-15'], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
  const alone = run(path);
  expect(alone.stderr).toBe('');
  const report = JSON.parse(alone.stdout) as { file: string };
  expect(alone.stdout).toBe(JSON.stringify(report, null, 2) + '\n');
  // The large file last: its pieces may come while the small one waits for its turn, and still come after it.
  const sample = join(ROOT, 'cli/sample/phu-luc-mau.xlsx');
  const batch = run(sample, path);
  expect(batch.stderr).toBe('');
  const both = JSON.parse(batch.stdout) as unknown[];
  expect(both).toHaveLength(2);
  expect(batch.stdout).toBe(JSON.stringify(both, null, 2) + '\n');
  // The same report, named by its path below the folder the two files share.
  expect(JSON.stringify({ ...(both[1] as object), file: '' })).toBe(
    JSON.stringify({ ...(report as object), file: '' }),
  );
}, 180_000);
