/**
 * `cchc validate --format summary` asks each file's worker for the batch table's counts only: a 200,000-row
 * report is not sent between threads for one line of figures. The counts are those the full report gives.
 */
import { join } from 'node:path';
import { runJob, type FileJob } from '../../src/batch/job';
import { batchCounts } from '../../src/textReport';
import type { Report } from '../../../shared/src/index';

const FIXTURES = join(__dirname, '..', 'fixtures');

describe.each(['seed000-tasks.xlsx', 'kpi-001-004.xlsx', 'seed002.xlsx'])('%s', (file) => {
  const job = (want: FileJob['want']): FileJob => ({
    path: join(FIXTURES, file),
    shown: file,
    options: { asOf: '2025-10-15', lang: 'vi' },
    want,
  });

  it('gives the counts without the report, equal to those of the full report', async () => {
    const lean = await runJob(job('counts'));
    const full = await runJob(job('report'));
    if (!lean.ok || !full.ok) throw new Error('the fixture should be readable');
    expect(lean.report).toBeUndefined();
    expect(lean.counts).toEqual(batchCounts(full.report as Report, 'vi'));
    // Not a trivially empty line: every fixture has a table with rows in it.
    expect(lean.counts?.hasTable).toBe(true);
    expect((lean.counts?.tasks ?? 0) + (lean.counts?.kpis ?? 0)).toBeGreaterThan(0);
  });
});
