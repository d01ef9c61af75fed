/**
 * The checked copy opens where ward staff open it (issue 11, item 3): a file carrying a chart, notes, custom
 * properties, print settings and a data bar is copied, then read back by the repository's reader and by
 * exceljs, and converted by LibreOffice to PDF and back to .xlsx, which still holds our rules and notes. The
 * sample's copy is printed to PNGs under test-output/copy/ for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { checkWorkbook } from '../../../shared/src/index';
import { readXlsx } from '../../../shared/src/xlsx';
import { richWorkbook } from '../../../shared/test/xlsx/copy/richPackage';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import { writeCheckedCopy } from '../../src/xlsx/writeHighlights';
import { describeWithLibreOffice, libreOfficeWork } from '../libreoffice';

const ROOT = join(__dirname, '..', '..', '..');
const OUT = join(ROOT, 'test-output', 'copy');

const noteText = (note: ExcelJS.Cell['note']): string =>
  typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');

describeWithLibreOffice('the checked copy in LibreOffice')('the checked copy opens everywhere', () => {
  const work = libreOfficeWork('cchc-copy-');
  afterAll(() => work.remove());

  test('a rich file: read back by our reader and exceljs, converted by LibreOffice, rules and notes kept', async () => {
    const input = work.path('phu-luc.xlsx');
    writeFileSync(input, richWorkbook());
    const grids = await readWorkbook(input);
    const report = checkWorkbook(grids, { asOf: '2025-10-15', today: '2025-10-15', file: 'phu-luc.xlsx' });
    const copy = work.path('phu-luc.checked.xlsx');
    await writeCheckedCopy(input, copy, report, 'vi');

    // The repository's reader: the user's sheets as they were, ours last.
    const back = readXlsx(new Uint8Array(readFileSync(copy)));
    expect(back.slice(0, grids.length)).toEqual(grids);
    expect(back[back.length - 1].name).toBe('Kết quả kiểm tra');

    // exceljs opens it, with the user's note followed by ours.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copy);
    const a51 = noteText(wb.getWorksheet('Nhiệm vụ')!.getCell('A51').note);
    expect(a51).toBe('Ghi chú của phường: số liệu tạm.\n\nDòng tổng ghi 36 nhiệm vụ nhưng bảng có 35.');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Nhiệm vụ', 'Chỉ tiêu', 'Kết quả kiểm tra']);

    // LibreOffice prints it and saves it again as .xlsx.
    work.soffice(['--convert-to', 'pdf', '--outdir', work.path('pdf'), copy]);
    expect(existsSync(work.path('pdf', 'phu-luc.checked.pdf'))).toBe(true);
    work.soffice(['--convert-to', 'xlsx', '--outdir', work.path('resaved'), copy]);
    const resaved = unzipSync(new Uint8Array(readFileSync(work.path('resaved', 'phu-luc.checked.xlsx'))));
    const text = (p: string) => strFromU8(resaved[p]);
    const sheet1 = text('xl/worksheets/sheet1.xml');
    expect(sheet1).toContain('ISTEXT(&quot;cchc-highlight&quot;)');
    expect(sheet1).toMatch(/<conditionalFormatting sqref="[^"]*A51/);
    const comments = Object.keys(resaved).filter((p) => /comments\d*\.xml$/.test(p));
    const all = comments.map(text).join('');
    expect(all).toContain('Dòng tổng ghi 36 nhiệm vụ nhưng bảng có 35.');
    expect(all).toContain('Ghi chú của phường: số liệu tạm.');
    expect(text('xl/workbook.xml')).toContain('name="Kết quả kiểm tra"');
    // The chart survived both trips.
    expect(Object.keys(resaved).some((p) => /charts\/chart\d+\.xml$/.test(p))).toBe(true);
  });

  test('the sample’s copy, printed to PNGs under test-output/copy/', async () => {
    const sample = join(ROOT, 'cli', 'sample', 'phu-luc-mau.xlsx');
    const grids = await readWorkbook(sample);
    const report = checkWorkbook(grids, {
      asOf: '2025-10-15',
      today: '2025-10-15',
      file: 'phu-luc-mau.xlsx',
    });
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const copy = join(OUT, 'phu-luc-mau.checked.xlsx');
    await writeCheckedCopy(sample, copy, report, 'vi');
    work.soffice(['--convert-to', 'pdf', '--outdir', OUT, copy]);
    execFileSync('pdftoppm', ['-png', '-r', '60', join(OUT, 'phu-luc-mau.checked.pdf'), join(OUT, 'page')]);
    expect(readdirSync(OUT).filter((f) => f.endsWith('.png')).length).toBeGreaterThan(1);
  });
});
