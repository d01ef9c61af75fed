/** Issue 18, item 13: a line break in a file name is shown escaped, so a name cannot forge a line of the report. */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './built';
import { runMain } from './runMain';

const DIR = join(ROOT, 'test-output', 'newline-names');
const FORGED = 'Kết luận: không có lỗi';

beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  copyFileSync(join(ROOT, 'cli', 'test', 'fixtures', 'seed002.xlsx'), join(DIR, `a\n${FORGED}.xlsx`));
  writeFileSync(join(DIR, `b\n${FORGED}.xlsx`), 'not a workbook');
});
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

it('escapes the line break in the report, the batch lines and the error line', async () => {
  const good = await runMain(['validate', join(DIR, `a\n${FORGED}.xlsx`)]);
  expect(good.stdout.split('\n')[0]).toMatch(/^Tệp: a\\u000aKết luận: không có lỗi\.xlsx /);
  const batch = await runMain([
    'validate',
    join(DIR, `a\n${FORGED}.xlsx`),
    join(DIR, `b\n${FORGED}.xlsx`),
    '--format',
    'summary',
  ]);
  const lines = (batch.stdout + batch.stderr).split('\n');
  expect(lines.some((l) => l.startsWith(FORGED))).toBe(false);
  expect(batch.stdout + batch.stderr).toContain('\\u000a');
  const summary = await runMain(['summary', DIR, '--out', join(DIR, '..', 'newline-names.xlsx'), '--force']);
  expect(summary.stderr.split('\n').some((l) => l.startsWith(FORGED))).toBe(false);
  expect(summary.stderr).toContain(`b\\u000a${FORGED}.xlsx`);
  rmSync(join(DIR, '..', 'newline-names.xlsx'), { force: true });
});
