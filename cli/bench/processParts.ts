/**
 * Whole processes, as a user runs them: `cchc validate` of one ward file against `node -e ''` (start-up), and
 * `cchc validate` of a 100k-row CSV against tableschema-js's own process validating the same file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkWorkbook } from '../../shared/src/index';
import { samplePath } from '../src/demo';
import { readWorkbook } from '../src/xlsx/readWorkbook';
import { taskGrid } from './grids';
import { ensureReferences, ROOT, TASK_SCHEMA, tableRows, tableschemaScript, writeCsv } from './references';
import { bestRun, medianRun, ratio, runProcess } from './show';

const CCHC = join(ROOT, 'cli/bin/cchc.js');
const NODE = process.execPath;
const mb = (n: number) => `${n.toFixed(0)} MiB`;

export async function measureStart(): Promise<void> {
  const sample = samplePath();
  const bare = medianRun(11, () => runProcess(NODE, ['-e', '']));
  const cchc = medianRun(11, () => runProcess(NODE, [CCHC, 'validate', sample, '--as-of', '2025-10-15']));
  // The read and the check themselves, in this process after a warm-up: what no start-up can save.
  await readWorkbook(sample);
  const checks: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    checkWorkbook(await readWorkbook(sample), { asOf: '2025-10-15' });
    checks.push(performance.now() - t0);
  }
  const check = checks.sort((a, b) => a - b)[5];
  console.log(
    `start  cchc validate (sample) ${cchc.ms.toFixed(0)} ms, node -e '' ${bare.ms.toFixed(0)} ms: ` +
      `${ratio(cchc.ms, bare.ms)} node; without the read + check (${check.toFixed(0)} ms): ` +
      `${ratio(cchc.ms - check, bare.ms)} node (medians of 11)`,
  );
}

export async function measureProcess(): Promise<void> {
  ensureReferences();
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-csv-'));
  try {
    const rows = 100_000;
    const csv = join(dir, 'nhiem-vu.csv');
    writeCsv(csv, tableRows(taskGrid(rows)));
    const schema = join(dir, 'schema.json');
    writeFileSync(schema, JSON.stringify(TASK_SCHEMA));
    const reference = bestRun(3, () => runProcess(NODE, [tableschemaScript(), csv, schema]));
    for (const format of ['text', 'summary', 'json']) {
      const ours = bestRun(3, () =>
        runProcess(NODE, [CCHC, 'validate', csv, '--as-of', '2025-10-15', '--format', format]),
      );
      console.log(
        `process ${rows} rows csv  cchc validate --format ${format.padEnd(7)} ${ours.ms.toFixed(0).padStart(5)} ms ` +
          `${mb(ours.rssMb).padStart(8)}  tableschema-js ${reference.ms.toFixed(0)} ms ${mb(reference.rssMb)}: ` +
          `${ratio(reference.ms, ours.ms)} faster, ${ratio(ours.rssMb, reference.rssMb)} its memory (best of 3)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
