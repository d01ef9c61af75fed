/** Issue 9, item 8: a .csv is read as one sheet; an .ods is told apart, with how to save it as .xlsx. */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkWorkbook, type CellValue, type SheetGrid } from '../../../shared/src/index';
import { which } from '../engines';
import { parseCsv, detectDelimiter } from '../../src/xlsx/readCsv';
import { readWorkbook, WorkbookReadError } from '../../src/xlsx/readWorkbook';
import { runMain } from '../runMain';

const FIXTURES = join(__dirname, '../fixtures');
const dir = mkdtempSync(join(tmpdir(), 'cchc-csv-'));
const OPTIONS = { today: '2025-07-01', asOf: '2025-07-01' } as const;

function csvOf(grid: SheetGrid, delimiter: string): string {
  const field = (v: CellValue) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /["\n\r,;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return grid.values.map((row) => row.map(field).join(delimiter)).join('\r\n') + '\r\n';
}

const essence = (grids: SheetGrid[]) =>
  checkWorkbook(grids, OPTIONS).sheets.map((s) => ({
    kind: s.kind,
    findings: s.findings.map((f) => [f.code, f.cell]),
    tasks: s.tasks.map((t) => [t.row, t.area, t.deadline.due, t.status]),
    summary: s.summary,
  }));

describe('a .csv file', () => {
  it('splits quoted fields, doubled quotes and line breaks inside quotes', () => {
    expect(parseCsv('a;"b;c";"say ""hi"""\r\n1;"x\ny";\n')).toEqual([
      ['a', 'b;c', 'say "hi"'],
      ['1', 'x\ny', ''],
    ]);
    expect(detectDelimiter('STT;Nhiệm vụ;"Cơ quan, đơn vị"\n1;a;b')).toBe(';');
    expect(detectDelimiter('STT,Nhiệm vụ\n')).toBe(',');
  });

  it.each([
    [';', true],
    [',', false],
  ])('separated by "%s" (BOM: %s) reads as the .xlsx it was saved from', async (delimiter, bom) => {
    const [grid] = await readWorkbook(join(FIXTURES, 'seed000-tasks.xlsx'));
    const file = join(dir, `phu-luc-${bom ? 'bom' : 'plain'}.csv`);
    writeFileSync(file, (bom ? '\uFEFF' : '') + csvOf(grid, delimiter), 'utf8');
    const csv = await readWorkbook(file);
    expect(csv).toHaveLength(1);
    expect(csv[0].name).toBe(`phu-luc-${bom ? 'bom' : 'plain'}`);
    expect(essence(csv)).toEqual(essence([grid]));
    expect(essence(csv)[0].summary.tasks.total).toBe(35);
  });

  it('that is not UTF-8 gets one line saying how to save it', async () => {
    const file = join(dir, 'cu.csv');
    writeFileSync(
      file,
      Buffer.from([0x53, 0x54, 0x54, 0x3b, 0x4e, 0x68, 0x69, 0xea, 0x6d, 0x20, 0x76, 0xf5, 0x0a]),
    );
    await expect(readWorkbook(file)).rejects.toThrow(
      'cu.csv: tệp .csv không phải mã UTF-8; hãy lưu lại bằng "CSV UTF-8 (phân cách bằng dấu phẩy)" hoặc lưu thành .xlsx.',
    );
  });
});

(which('soffice') || process.env.CI ? describe : describe.skip)('an .ods file', () => {
  it('is told apart, with how to save it as .xlsx, whatever its name', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Nhiệm vụ').addRow(['STT', 'Nhiệm vụ']);
    const xlsx = join(dir, 'phu-luc.xlsx');
    await wb.xlsx.writeFile(xlsx);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'ods',
        '--outdir',
        dir,
        xlsx,
      ],
      { stdio: 'ignore', timeout: 180_000 },
    );
    const ods = join(dir, 'phu-luc.ods');
    for (const file of [ods, join(dir, 'doi-ten.xlsx')]) {
      writeFileSync(file, readFileSync(ods));
      const error = await readWorkbook(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkbookReadError);
      expect((error as WorkbookReadError).message).toMatch(
        /^[\w.-]+: tệp bảng tính OpenDocument \(\.ods, của LibreOffice Calc\); hãy mở/,
      );
      expect((error as WorkbookReadError).messageIn('en')).toContain(
        'File > Save As, type "Excel 2007-365 (.xlsx)"',
      );
    }
  }, 200_000);
});

describe('the command line on a .csv', () => {
  it('checks it, and refuses --out with a reason', async () => {
    const [grid] = await readWorkbook(join(FIXTURES, 'seed000-tasks.xlsx'));
    const file = join(dir, 'lenh.csv');
    writeFileSync(file, csvOf(grid, ';'), 'utf8');
    const checked = await runMain(['validate', file, '--as-of', '2025-07-01']);
    expect([checked.code, checked.stderr]).toEqual([1, '']);
    const refused = await runMain(['validate', file, '--out', join(dir, 'ra.xlsx')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('tệp .csv không giữ được màu');
  });
});
