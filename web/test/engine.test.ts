/**
 * The page's engine and port without a browser: a file that cannot be read gets the command line's own line,
 * a .csv reads as the CLI reads it, and the port checks in the engine, counts highlights and shows rows as the
 * pane asks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbookBuffer, WorkbookReadError } from '../../cli/src/xlsx/readWorkbook';
import { csvGrid } from '../../cli/src/xlsx/readCsv';
import { pageEngine } from '../src/client';
import { readFile } from '../src/engine';
import { cellText, rowView } from '../src/preview';
import type { FileInfo } from '../src/protocol';
import { webWorkbook, WebError } from '../src/webWorkbook';
import { codeTitle } from '../../shared/src/report/messages';

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
    const out = readFile(new Uint8Array(bytes), 'phuong-5.xlsx').outcome;
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.lines.vi).toBe(await cliLine(bytes, 'phuong-5.xlsx', 'vi'));
    expect(out.lines.en).toBe(await cliLine(bytes, 'phuong-5.xlsx', 'en'));
  });

  it('reads a .csv as the CLI does, and says when it holds no table', () => {
    const bytes = new TextEncoder().encode('\ufeffGhi chú;Ngày\nHọp;01/02/2025\n');
    const { outcome: out, file } = readFile(bytes, 'ghi-chu.csv');
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(file?.sheets).toEqual([csvGrid(Buffer.from(bytes), 'ghi-chu.csv')]);
    expect(out.file.csv).toBe(true);
    expect(out.file.noTable?.vi).toMatch(/^ghi-chu\.csv: /);
  });

  it('finds the sample’s two tables', () => {
    const out = readFile(new Uint8Array(SAMPLE), 'phu-luc-mau.xlsx').outcome;
    expect(out.ok && out.file.sheets.map((s) => s.kind)).toEqual(['tasks', 'kpis']);
  });
});

describe('the web Workbook port', () => {
  const engine = pageEngine();
  let file: FileInfo | null = null;
  let active = 'Chỉ tiêu';
  const shown: string[] = [];
  const busy: boolean[] = [];
  const wb = webWorkbook({
    file: () => file,
    activeSheet: () => active,
    choose: (s) => (active = s),
    engine: async () => engine,
    showRow: (sheet, cell, view) => shown.push(`${sheet}!${cell}:${view?.row}`),
    downloadTemplate: async () => 'mau.xlsx',
    busy: (on) => busy.push(on),
  });

  beforeAll(async () => {
    const out = await engine.read(new Uint8Array(SAMPLE), 'phu-luc-mau.xlsx', () => {});
    file = out.ok ? out.file : null;
  });

  it('checks the chosen sheet in the engine, counts and clears highlights, shows a cell’s row', async () => {
    const options = { lang: 'vi' as const, today: '2025-10-15' };
    const checked = await wb.check?.({ scope: 'sheet', options, highlight: true });
    expect(checked?.sheet).toBe('Chỉ tiêu');
    expect(checked?.display.sheets.map((s) => s.name)).toEqual(['Chỉ tiêu']);
    expect(busy).toEqual([true, false]);
    const n = wb.highlights.get('Chỉ tiêu') ?? 0;
    expect(n).toBeGreaterThan(0);
    // A language switch words the same check again, in English, and leaves the highlights alone.
    const english = await wb.reword?.('en');
    expect(english?.sheets.map((s) => s.name)).toEqual(['Chỉ tiêu']);
    expect(english?.sheets[0].groups.map((g) => g.title)).toEqual(
      checked?.display.sheets[0].groups.map((g) => codeTitle(g.code, 'en')),
    );
    expect(english?.sheets[0].groups).not.toEqual(checked?.display.sheets[0].groups);
    expect([...wb.highlights.keys()]).toEqual(['Chỉ tiêu']);
    expect(await wb.clearHighlights()).toBe(n);
    // The whole workbook, checked in the engine: both sheets shown, both sheets' highlights counted.
    const whole = await wb.check?.({ scope: 'workbook', options, highlight: true });
    expect(whole?.display.sheets.map((s) => s.name)).toEqual(['Nhiệm vụ', 'Chỉ tiêu']);
    expect([...wb.highlights.keys()]).toEqual(['Nhiệm vụ', 'Chỉ tiêu']);
    expect(wb.highlights.get('Chỉ tiêu')).toBe(n);
    await wb.clearHighlights();
    await wb.selectCell('Nhiệm vụ', 'E16');
    expect(active).toBe('Nhiệm vụ');
    expect(shown).toEqual(['Nhiệm vụ!E16:16']);
    expect(await wb.insertTemplate({ sheets: [], namedRanges: [] })).toEqual(['mau.xlsx']);
  });

  it('says plainly that a file is needed first', async () => {
    const none = webWorkbook({
      file: () => null,
      activeSheet: () => null,
      choose: () => {},
      engine: async () => pageEngine(),
      showRow: () => {},
      downloadTemplate: async () => '',
    });
    const e = await none.check?.({ scope: 'sheet', options: {}, highlight: true }).catch((x: unknown) => x);
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
