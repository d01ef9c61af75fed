/**
 * Issue 11, item 4: a cell holding terminal escape sequences is shown, not obeyed. The text report, the summary
 * and the error lines show control characters as escapes; the JSON report stays JSON with the cell's text intact.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from './runMain';
import { visible } from '../src/visible';
import { readWorkbook } from '../src/xlsx/readWorkbook';

// Retitles the terminal and clears it, as an .xlsx stores it (OOXML escapes control characters as _xHHHH_),
// then a right-to-left override.
const STORED = '_x001B_]0;pwned_x0007__x001B_[2J Quý \u202eIII';
const HOSTILE = '\u001b]0;pwned\u0007\u001b[2J Quý \u202eIII';

const run = (args: string[]) => runMain(args);

// eslint-disable-next-line no-control-regex -- the control characters a report must not send
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

describe('hostile cell text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-hostile-'));
  const file = join(dir, 'doc.xlsx');
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Nhiệm vụ').addRows([
      ['DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025'],
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
      [1, 'Ban hành kế hoạch', 'Văn phòng', 'HOSTILE-MARK'],
    ]);
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const strings = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
    expect(strings).toContain('HOSTILE-MARK');
    zip.file('xl/sharedStrings.xml', strings.replace('HOSTILE-MARK', STORED));
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    // The reader really hands the control characters over: what this test guards against is real.
    const [grid] = await readWorkbook(file);
    expect(grid.values[2][3]).toBe(HOSTILE);
  });

  it.each([['text'], ['summary']])('the %s output sends no control character', async (format) => {
    const r = await run(['validate', file, '--format', format, '--as-of', '2025-07-01']);
    expect(r.stdout).not.toMatch(RAW);
    if (format === 'text') expect(r.stdout).toContain('\\u001b]0;pwned\\u0007\\u001b[2J');
  });

  it('the JSON output parses back to the cell’s own text', async () => {
    const r = await run(['validate', file, '--format', 'json', '--as-of', '2025-07-01']);
    expect(r.stdout).not.toMatch(RAW);
    const report = JSON.parse(r.stdout);
    expect(report.sheets[0].tasks[0].deadline.text).toContain('\u001b]0;pwned\u0007\u001b[2J');
  });

  it('an error line naming a hostile file name is escaped too', async () => {
    const r = await run(['validate', join(dir, 'x\u001b[2J.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).toContain('x\\u001b[2J.xlsx');
  });

  it('leaves line breaks, tabs and Vietnamese as they are', () => {
    expect(visible('Quý III\n\tTháng 7')).toBe('Quý III\n\tTháng 7');
  });
});
