/**
 * Issue 18, item 16: no file the command line writes holds a cell (or a note) over Excel's 32,767 characters,
 * whatever the input brings: a sheet named with a million characters, a unit named with a million, a
 * 100,000-character --unit. What was cut ends with the mark. Read back with the core's reader.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildTemplate } from '../../shared/src/templates/build';
import { cutMark, EXCEL_CELL_CHARS } from '../../shared/src/text/cellLimit';
import {
  cellTexts,
  noteTexts,
  SAMPLE_TASKS,
  sampleWith,
  tooLong,
  type WrittenText,
} from '../../shared/test/xlsx/copy/writtenTexts';
import { renderWorkbook } from '../src/templates/renderWorkbook';
import { runMain } from './runMain';

const MILLION = 1_000_000;
let dir: string;

beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'cchc-long-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytesOf = (path: string) => new Uint8Array(readFileSync(path));
/** The cut texts: those that end with the mark. */
const cut = (texts: WrittenText[], lang: 'vi' | 'en') => texts.filter((t) => t.text.endsWith(cutMark(lang)));

describe.each(['vi', 'en'] as const)('cchc validate --out (%s)', (lang) => {
  it('writes a copy of a file whose sheet is named with a million characters, no cell or note over 32,767', async () => {
    const input = join(dir, `ten-dai-${lang}.xlsx`);
    const out = join(dir, `ten-dai-${lang}.checked.xlsx`);
    writeFileSync(input, sampleWith({ sheetName: 'Nhiệm vụ '.repeat(MILLION / 9) }));
    const r = await runMain(['validate', input, '--out', out, '--as-of', '2025-10-15', '--lang', lang]);
    expect(r.stderr).toBe('');
    const copy = bytesOf(out);
    const cells = cellTexts(copy);
    expect(tooLong(cells, EXCEL_CELL_CHARS)).toEqual([]);
    expect(tooLong(noteTexts(copy), EXCEL_CELL_CHARS)).toEqual([]);
    expect(cut(cells, lang).length).toBeGreaterThan(0);
  });

  it('writes a copy of a file whose task text is a million characters, every cell of ours within 32,767', async () => {
    const input = join(dir, `viec-dai-${lang}.xlsx`);
    const out = join(dir, `viec-dai-${lang}.checked.xlsx`);
    writeFileSync(input, sampleWith({ deadline: 'Quý V '.repeat(MILLION / 6) }));
    await runMain(['validate', input, '--out', out, '--as-of', '2025-10-15', '--lang', lang]);
    const copy = bytesOf(out);
    // The user's own sheet is copied as it was, its long cell included; what we wrote fits.
    const ours = cellTexts(copy, [SAMPLE_TASKS]);
    expect(tooLong(ours, EXCEL_CELL_CHARS)).toEqual([]);
    expect(cut(ours, lang).length).toBeGreaterThan(0);
    const notes = noteTexts(copy);
    expect(tooLong(notes, EXCEL_CELL_CHARS)).toEqual([]);
    expect(cut(notes, lang).map((n) => n.where)).toEqual(['xl/comments1.xml!E10']);
  });
});

describe.each(['vi', 'en'] as const)('cchc summary (%s)', (lang) => {
  it('over a ward file with a unit and a sheet named with a million characters: no cell over 32,767', async () => {
    const wards = join(dir, `wards-${lang}`);
    mkdirSync(wards);
    writeFileSync(
      join(wards, 'phuong-5.xlsx'),
      sampleWith({ sheetName: 'Nhiệm vụ '.repeat(MILLION / 9), wardName: 'X'.repeat(MILLION) }),
    );
    const out = join(dir, `tong-hop-${lang}.xlsx`);
    const r = await runMain(['summary', wards, '--out', out, '--as-of', '2025-10-15', '--lang', lang]);
    expect(r.stderr).toBe('');
    const cells = cellTexts(bytesOf(out));
    expect(tooLong(cells, EXCEL_CELL_CHARS)).toEqual([]);
    const long = cut(cells, lang).map((c) => c.text);
    // The unit (its row, its column over the indicators) and the sheet (the errors' list), each cut.
    expect(long.some((t) => /^Phường X{100}/i.test(t))).toBe(true);
    expect(long.some((t) => t.startsWith('Nhiệm vụ Nhiệm vụ'))).toBe(true);
  });
});

describe('cchc template', () => {
  it('with a 100,000-character --unit and --doc: no cell over 32,767, the long ones marked', async () => {
    const out = join(dir, 'mau-dai.xlsx');
    const unit = `Phường ${'X'.repeat(100_000)}`;
    const doc = `36/KH-UBND ${'Y'.repeat(100_000)}`;
    const r = await runMain(['template', 'all', '--unit', unit, '--doc', doc, '--year', '2026', '-o', out]);
    expect(r.code).toBe(0);
    const cells = cellTexts(bytesOf(out));
    expect(tooLong(cells, EXCEL_CELL_CHARS)).toEqual([]);
    const long = cut(cells, 'vi');
    expect(long.some((c) => c.text.startsWith('PHƯỜNG XXXX'))).toBe(true);
    expect(long.some((c) => c.text.includes('36/KH-UBND YYYY'))).toBe(true);
  });

  it('marks a cut text in English when rendered in English', async () => {
    const unit = `Ward ${'X'.repeat(100_000)}`;
    const wb = renderWorkbook(buildTemplate(['tasks'], { lang: 'en', year: 2026, unit }), 'en');
    const cells = cellTexts(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(tooLong(cells, EXCEL_CELL_CHARS)).toEqual([]);
    expect(cut(cells, 'en').length).toBeGreaterThan(0);
    expect(cut(cells, 'vi')).toEqual([]);
  });

  it('keeps a text that fits as it is', async () => {
    const unit = `Phường ${'X'.repeat(EXCEL_CELL_CHARS - 7)}`;
    const wb = renderWorkbook(buildTemplate(['tasks'], { lang: 'vi', year: 2026, unit }), 'vi');
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(await wb.xlsx.writeBuffer());
    const a2 = again.worksheets[0].getCell('A2').value;
    expect(typeof a2 === 'string' && a2.length === EXCEL_CELL_CHARS && a2 === unit.toUpperCase()).toBe(true);
  });
});
