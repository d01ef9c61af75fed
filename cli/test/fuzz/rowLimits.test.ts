/**
 * Sheets at and near Excel's row limit through the built command (issue 11's fuzz suite, apart from the hostile
 * packages so that the two run side by side): every row of 200,000 reported and copied, 1,048,576 refused in time.
 */
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../../shared/src/index';
import { readXlsx } from '../../../shared/src/xlsx';
import { ensureBuilt, ROOT } from '../built';
import { renderText } from '../../src/textReport';
import { taskSheetFile } from './hostileFiles';
import { CRASH, recordedRuns } from './runMeasured';

const DIR = join(ROOT, 'test-output', 'fuzz-rows');

/** Every run of this file with its peak memory, written to test-output/fuzz-peak-rss-rows.json at the end. */
const cchc = recordedRuns('fuzz-peak-rss-rows.json', DIR);

describe('sheets at and near Excel’s row limit', () => {
  beforeAll(() => {
    ensureBuilt();
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(DIR, { recursive: true });
  });
  afterAll(() => rmSync(DIR, { recursive: true, force: true }));

  it('200,000 task rows: the JSON and the checked copy, every row in them; the text report of every row', () => {
    const path = taskSheetFile(200_000);
    // One run for both (the command's own work is the slow part): the report on stdout, the copy with --out.
    const out = join(DIR, 'rows-200000.checked.xlsx');
    const run = cchc(['validate', path, '--format', 'json', '--out', out, '--as-of', '2025-10-15'], ROOT);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as Report;
    expect(report.sheets[0].tasks).toHaveLength(200_000 - 3);
    expect(report.sheets[0].summary.tasks.overdue).toBe(200_000 - 3);
    // The text format is this report rendered (cli.test.ts runs it through the command on small files).
    expect(renderText(report, 'vi').split('\n').length).toBeGreaterThan(200_000);
    // The checked copy: the original package and our additions, every row still in it.
    expect(statSync(out).size).toBeGreaterThanOrEqual(statSync(path).size);
    const grids = readXlsx(new Uint8Array(readFileSync(out)));
    expect(grids[0].values).toHaveLength(200_000);
  }, 240_000);

  it('1,048,576 rows: refused with one line within the time bound, the process alive', () => {
    const path = taskSheetFile(1_048_576);
    const r = cchc(['validate', path, '--format', 'summary', '--as-of', '2025-10-15'], ROOT);
    if (r.code === 2) {
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^rows-1048576\.xlsx: .*quá lớn/)]);
    } else {
      // Checked instead: then every row is in its report.
      expect(r.stdout).toContain('rows-1048576.xlsx');
    }
    expect(r.stderr).not.toMatch(CRASH);
    // 30 s for the file, plus starting the command and its worker.
    expect(r.ms).toBeLessThan(45_000);
  }, 240_000);
});
