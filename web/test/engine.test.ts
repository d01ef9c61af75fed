/**
 * The page's engine and port without a browser: a file that cannot be read gets the command line's own line,
 * a .csv reads as the CLI reads it, and the port records highlights and shows rows as the pane asks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbookBuffer, WorkbookReadError } from '../../cli/src/xlsx/readWorkbook';
import { csvGrid } from '../../cli/src/xlsx/readCsv';
import { readFile } from '../src/engine';
import { cellText, rowView } from '../src/preview';
import type { LoadedFile } from '../src/protocol';
import { webWorkbook, WebError } from '../src/webWorkbook';

const ROOT = join(__dirname, '../..');
const SAMPLE = readFileSync(join(ROOT, 'cli/sample/phu-luc-mau.xlsx'));

async function cliLine(bytes: Uint8Array, name: string, lang: 'vi' | 'en'): Promise<string> {
  try {
    await readWorkbookBuffer(Buffer.from(bytes), name);
  } catch (e) {
    if (e instanceof WorkbookReadError) return e.messageIn(lang);
  }
  throw new Error('the CLI read it');
}

describe('reading in the page', () => {
  it.each([
    ['empty', new Uint8Array(0)],
    ['truncated', SAMPLE.subarray(0, 3000)],
    ['text', new TextEncoder().encode('not a workbook')],
    ['old xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
  ])('a %s file gets the CLI’s line, in both languages', async (_what, bytes) => {
    const out = readFile(new Uint8Array(bytes), 'phuong-5.xlsx');
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.lines.vi).toBe(await cliLine(bytes, 'phuong-5.xlsx', 'vi'));
    expect(out.lines.en).toBe(await cliLine(bytes, 'phuong-5.xlsx', 'en'));
  });

  it('reads a .csv as the CLI does, and says when it holds no table', () => {
    const bytes = new TextEncoder().encode('\ufeffGhi chú;Ngày\nHọp;01/02/2025\n');
    const out = readFile(bytes, 'ghi-chu.csv');
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.file.sheets).toEqual([csvGrid(Buffer.from(bytes), 'ghi-chu.csv')]);
    expect(out.file.csv).toBe(true);
    expect(out.file.noTable?.vi).toMatch(/^ghi-chu\.csv: /);
  });

  it('finds the sample’s two tables', () => {
    const out = readFile(new Uint8Array(SAMPLE), 'phu-luc-mau.xlsx');
    expect(out.ok && out.file.kinds).toEqual(['tasks', 'kpis']);
  });
});

describe('the web Workbook port', () => {
  const out = readFile(new Uint8Array(SAMPLE), 'phu-luc-mau.xlsx');
  const file = (out.ok ? out.file : null) as LoadedFile;
  let active = 'Chỉ tiêu';
  const shown: string[] = [];
  const wb = webWorkbook({
    file: () => file,
    activeSheet: () => active,
    choose: (s) => (active = s),
    showRow: (grid, cell) => shown.push(`${grid.name}!${cell}`),
    downloadTemplate: async () => 'mau.xlsx',
  });

  it('reads the chosen sheet, records and clears highlights, shows a cell’s row', async () => {
    expect((await wb.readSheet('sheet')).name).toBe('Chỉ tiêu');
    await wb.applyHighlights('Chỉ tiêu', [
      { sheet: 'Chỉ tiêu', cell: 'D15', kind: 'missed' },
      { sheet: 'Nhiệm vụ', cell: 'A1', kind: 'error' },
    ]);
    expect(wb.highlights.get('Chỉ tiêu')).toHaveLength(1);
    expect(await wb.clearHighlights()).toBe(1);
    await wb.selectCell('Nhiệm vụ', 'E16');
    expect(active).toBe('Nhiệm vụ');
    expect(shown).toEqual(['Nhiệm vụ!E16']);
    expect(await wb.insertTemplate({ sheets: [], namedRanges: [] })).toEqual(['mau.xlsx']);
  });

  it('says plainly that a file is needed first', async () => {
    const none = webWorkbook({
      file: () => null,
      activeSheet: () => null,
      choose: () => {},
      showRow: () => {},
      downloadTemplate: async () => '',
    });
    const e = await none.readSheet('sheet').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WebError);
    expect(none.explainError(e, 'vi')).toBe('Chưa có tệp: hãy chọn tệp .xlsx hoặc .csv trước.');
  });
});

describe('the row preview', () => {
  it('shows dates and percentages as people read them, text as it is', () => {
    expect(cellText(45930, 'dd/mm/yyyy')).toBe('30/09/2025');
    expect(cellText(0.945, '0.0%')).toBe('94.5%');
    expect(cellText('<b>x</b>')).toBe('<b>x</b>');
  });

  it('marks the cell in its row, the sheet’s columns around it', () => {
    const view = rowView(
      { name: 'S', values: [['a', 'b', 'c'], ['x']], origin: { row: 3, column: 2 } },
      'B4',
    );
    expect(view).toEqual({
      row: 4,
      columns: [
        { letters: 'B', text: 'x', marked: true },
        { letters: 'C', text: '', marked: false },
        { letters: 'D', text: '', marked: false },
      ],
    });
  });
});
