/**
 * The province summary workbook as a reader gets it: written to bytes, read back with exceljs (and its XML
 * looked at where a reader's view could hide something, such as a string taken for a formula).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { statusLabel } from '../../../shared/src/report/messages';
import type { Summary } from '../../../shared/src/summary/schema';
import { summaryWord } from '../../../shared/src/summary/words';
import { PRODUCT, VERSION } from '../../../shared/src/version';
import { readXlsxKeywords } from '../../../shared/src/xlsx';
import { sampleSummary } from '../../../shared/test/summary/sampleSummary';
import { summaryWorkbookBuffer } from '../../src/summary/summaryWorkbook';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // Node's Buffer type and exceljs's declared one disagree; the bytes are what it reads.
  await wb.xlsx.load(buffer as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return wb;
}

const readBack = async (summary: Summary) => load(await summaryWorkbookBuffer(summary));

/** exceljs reads conditional formats back but does not declare them in its types. */
const formatsOf = (ws: ExcelJS.Worksheet) =>
  (ws as ExcelJS.Worksheet & { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;

/** The first body row: the one whose STT is 1 (or I, on the areas' sheet). */
function firstBodyRow(ws: ExcelJS.Worksheet): number {
  for (let r = 1; r <= ws.rowCount; r++) if ([1, 'I'].includes(ws.getCell(r, 1).value as number)) return r;
  throw new Error(`no body in ${ws.name}`);
}

/** The 1-based column under the heading (read on the header's lower row, where merged headings repeat). */
function column(ws: ExcelJS.Worksheet, heading: string): number {
  const row = ws.getRow(firstBodyRow(ws) - 1);
  for (let c = 1; c <= ws.columnCount; c++) if (row.getCell(c).value === heading) return c;
  throw new Error(`no column "${heading}" in ${ws.name}`);
}

function rowLabelled(ws: ExcelJS.Worksheet, label: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === label) return r;
  throw new Error(`no row "${label}" in ${ws.name}`);
}

const formulaOf = (cell: ExcelJS.Cell) => cell.value as ExcelJS.CellFormulaValue;

/** The sample with texts that would do harm if a spreadsheet took them for formulas. */
function hostile(lang: 'vi' | 'en' = 'vi'): Summary {
  const s = sampleSummary(lang);
  s.files[0].unit = '=HYPERLINK("http://example.com/x","Phường 5")';
  s.indicators[0].name = '=1+1';
  s.errors[0].message = "=cmd|' /C calc'!A0";
  s.areas[0].name = '@SUM(1,2)';
  return s;
}

describe.each(['vi', 'en'] as const)('the summary workbook (%s)', (lang) => {
  const summary = sampleSummary(lang);
  const w = (word: Parameters<typeof summaryWord>[0]) => summaryWord(word, lang);
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await readBack(summary);
  });

  it('has the four sheets, named in the language', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      w('sheetSummary'),
      w('sheetIndicators'),
      w('sheetAreas'),
      w('sheetErrors'),
    ]);
    expect(wb.worksheets.map((s) => s.name)).toEqual(
      lang === 'vi'
        ? ['Tổng hợp', 'Theo chỉ tiêu', 'Theo lĩnh vực', 'Lỗi']
        : ['Summary', 'By indicator', 'By area', 'Errors'],
    );
  });

  it('opens with the title, the as-of date (dd/mm/yyyy) and the plan year', () => {
    const ws = wb.worksheets[0];
    const block = [1, 2, 3, 4].map((r) => ws.getCell(r, 1).value);
    expect(block[0]).toBe(w('title'));
    expect(block[1]).toBe(`${w('asOf')} 01/07/2025`);
    expect(block[2]).toBe(`${w('planYear')}: 2025`);
    expect(block[3]).toContain(`${w('filesRead')}: 5`);
  });

  it('has one row per ward file, in order, numbered, with its counts', () => {
    const ws = wb.worksheets[0];
    const first = firstBodyRow(ws);
    const at = (f: number, heading: string) => ws.getCell(first + f, column(ws, heading)).value;
    summary.files.forEach((f, i) => {
      expect(ws.getCell(first + i, 1).value).toBe(i + 1);
      expect(at(i, w('unit'))).toBe(f.unit);
      expect(at(i, w('file'))).toBe(f.file);
    });
    expect(ws.getCell(first + summary.files.length, 1).value).toBe(w('totalsRow'));
    // Phường 5: 30 tasks, 6 overdue, 8 met of 10 measured.
    expect([
      at(0, w('year')),
      at(0, w('total')),
      at(0, w('overdue')),
      at(0, w('met')),
      at(0, w('missed')),
    ]).toEqual([2025, 30, 6, 8, 2]);
    expect(at(0, w('rate'))).toBeCloseTo(0.8);
    expect(ws.getCell(first, column(ws, w('rate'))).numFmt).toMatch(/%/);
  });

  it('groups the task and KPI columns under merged headings over a second header row', () => {
    const ws = wb.worksheets[0];
    const top = firstBodyRow(ws) - 2;
    const tasks = column(ws, w('total'));
    const kpis = column(ws, w('met'));
    expect(ws.getCell(top, tasks).value).toBe(w('tasks'));
    expect(ws.getCell(top, tasks).isMerged).toBe(true);
    expect(ws.getCell(top, tasks + 4).value).toBe(w('tasks'));
    expect(ws.getCell(top, kpis).value).toBe(w('kpis'));
    expect(ws.getCell(top, kpis + 3).value).toBe(w('kpis'));
    // A heading without a group spans both rows.
    expect(ws.getCell(top, 2).value).toBe(w('unit'));
    expect(ws.getCell(top + 1, 2).value).toBe(w('unit'));
  });

  it('totals by formula, with cached results equal to the summary totals', () => {
    const ws = wb.worksheets[0];
    const row = rowLabelled(ws, w('totalsRow'));
    const first = firstBodyRow(ws);
    const t = summary.totals;
    const expected: [Parameters<typeof summaryWord>[0], number][] = [
      ['total', t.tasks.total],
      ['done', t.tasks.done],
      ['overdue', t.tasks.overdue],
      ['pending', t.tasks.pending],
      ['ongoing', t.tasks.ongoing],
      ['met', t.kpis.met],
      ['missed', t.kpis.missed],
      ['noData', t.kpis.noData],
      ['unmeasurable', t.kpis.unmeasurable],
      ['errors', t.errors],
      ['warnings', t.warnings],
    ];
    for (const [word, value] of expected) {
      const cell = ws.getCell(row, column(ws, w(word)));
      const letter = ws.getColumn(column(ws, w(word))).letter;
      expect(formulaOf(cell).formula).toBe(`SUM(${letter}${first}:${letter}${row - 1})`);
      expect([word, formulaOf(cell).result]).toEqual([word, value]);
    }
    const rate = formulaOf(ws.getCell(row, column(ws, w('rate'))));
    expect(rate.formula).toMatch(/^IF\(J\d+\+K\d+=0,"",J\d+\/\(J\d+\+K\d+\)\)$/);
    expect(rate.result).toBeCloseTo(t.rate as number, 10);
  });

  it('notes the file that could not be read, and the files of one unit, leaving the unread row blank', () => {
    const ws = wb.worksheets[0];
    const first = firstBodyRow(ws);
    const note = (i: number) => ws.getCell(first + i, column(ws, w('note'))).value;
    expect(note(5)).toBe(summary.files[5].unreadable);
    expect(note(3)).toBe(`${w('sameUnit')} phu-my-ban-2.xlsx`);
    expect(note(4)).toBe(`${w('sameUnit')} phu-my-ban-1.xlsx`);
    expect(note(0)).toBeNull();
    for (const word of ['year', 'total', 'met', 'rate', 'errors'] as const)
      expect(ws.getCell(first + 5, column(ws, w(word))).value).toBeNull();
  });

  it('puts the colours in conditional formats: data bars on the rate, a scale on overdue, no fixed fills', () => {
    const ws = wb.worksheets[0];
    const first = firstBodyRow(ws);
    const last = first + summary.files.length - 1;
    const range = (word: Parameters<typeof summaryWord>[0]) => {
      const letter = ws.getColumn(column(ws, w(word))).letter;
      return `${letter}${first}:${letter}${last}`;
    };
    const rules = (ref: string) => formatsOf(ws).find((cf) => cf.ref === ref)?.rules ?? [];
    expect(rules(range('rate')).map((r) => r.type)).toEqual(['dataBar']);
    expect(rules(range('overdue')).map((r) => r.type)).toEqual(['colorScale']);
    for (let r = first; r <= last + 1; r++)
      ws.getRow(r).eachCell((cell) => {
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        expect(fill?.pattern === 'solid' ? cell.address : null).toBeNull();
      });
  });

  it('is print-ready: A4 landscape, one page wide, header rows repeated and frozen, Times New Roman', () => {
    for (const ws of wb.worksheets) {
      const first = firstBodyRow(ws);
      expect(ws.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
      });
      expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
      expect(Number(ws.pageSetup.printTitlesRow?.split(':')[1])).toBe(first - 1);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: first - 1 });
      expect(ws.getCell(first, 2).font?.name).toBe('Times New Roman');
      expect(ws.getCell(first, 2).alignment?.wrapText).toBe(true);
    }
    expect(wb.worksheets[0].pageSetup.printTitlesRow).toBe('6:7');
    expect(wb.worksheets[1].views[0]).toMatchObject({ xSplit: 2 });
  });

  it('lists each indicator with a column per ward file: "92% – Đạt", blank where the file lacks it', () => {
    const ws = wb.worksheets[1];
    const first = firstBodyRow(ws);
    const header = firstBodyRow(ws) - 2;
    expect(ws.getCell(first, 2).value).toBe('Tỷ lệ hồ sơ trực tuyến toàn trình');
    expect(ws.getCell(first + 1, 2).value).toBe('Thời gian chờ đợi trung bình <b>tại bộ phận một cửa</b>');
    const counts = [3, 4, 5, 6, 7].map((c) => ws.getCell(first, c).value);
    expect(counts).toEqual([5, 3, 1, 1, 0]);
    // Five files were read; the unreadable one has no column.
    const wards = [8, 9, 10, 11, 12].map((c) => ws.getCell(header, c).value);
    expect(wards).toEqual(summary.files.slice(0, 5).map((f) => f.unit));
    expect(ws.getCell(header, 13).value).toBeNull();
    // The unit's name over both header rows, or the file under it when two files share the unit.
    expect(ws.getCell(header + 1, 8).value).toBe(summary.files[0].unit);
    expect([ws.getCell(header + 1, 11).value, ws.getCell(header + 1, 12).value]).toEqual([
      'phu-my-ban-1.xlsx',
      'phu-my-ban-2.xlsx',
    ]);
    const met = statusLabel('met', lang);
    const missed = statusLabel('missed', lang);
    const row1 = [8, 9, 10, 11, 12].map((c) => ws.getCell(first, c).value);
    expect(row1).toEqual(
      lang === 'vi'
        ? [`92% – ${met}`, `85% – ${met}`, `40% – ${missed}`, statusLabel('no-data', lang), `81,5% – ${met}`]
        : [`92% – ${met}`, `85% – ${met}`, `40% – ${missed}`, statusLabel('no-data', lang), `81.5% – ${met}`],
    );
    const row2 = [8, 9, 10, 11, 12].map((c) => ws.getCell(first + 1, c).value);
    expect(row2).toEqual([`12 phút – ${met}`, null, `25 phút – ${missed}`, null, null]);
  });

  it('tints missed and met results by conditional format, missed first', () => {
    const ws = wb.worksheets[1];
    const first = firstBodyRow(ws);
    const [cf] = formatsOf(ws);
    expect(cf.ref).toBe(`H${first}:L${first + 1}`);
    const formulae = cf.rules.map((r) => (r as ExcelJS.ExpressionRuleType).formulae?.[0]);
    expect(formulae[0]).toContain(`" – ${statusLabel('missed', lang)}"`);
    expect(formulae[1]).toContain(`" – ${statusLabel('met', lang)}"`);
    expect(cf.rules.map((r) => r.priority)).toEqual([1, 2]);
  });

  it('lists the areas, totalled by formula, and counts the files with overdue tasks from the first sheet', () => {
    const ws = wb.worksheets[2];
    // The area's numeral is not a number: the body starts under the one header row.
    const start = rowLabelled(ws, w('totalsRow')) - summary.areas.length;
    expect(ws.getCell(start - 1, 1).value).toBe(w('number'));
    expect([1, 2, 3, 4, 5, 6].map((c) => ws.getCell(start, c).value)).toEqual([
      'I',
      'Công tác chỉ đạo, điều hành',
      30,
      15,
      4,
      2,
    ]);
    const total = rowLabelled(ws, w('totalsRow'));
    const cells = [3, 4, 5, 6].map((c) => formulaOf(ws.getCell(total, c)));
    expect(cells.map((f) => f.result)).toEqual([131, 61, 27, 5]);
    expect(cells[0].formula).toBe(`SUM(C${start}:C${total - 1})`);
    expect(cells[3].formula).toBe(`COUNTIF('${w('sheetSummary')}'!G8:G13,">0")`);
  });

  it('lists every error with its file, sheet, cell, code and message', () => {
    const ws = wb.worksheets[3];
    const first = firstBodyRow(ws);
    const rows = summary.errors.map((_, i) => [1, 2, 3, 4, 5, 6].map((c) => ws.getCell(first + i, c).value));
    expect(rows[0]).toEqual([
      1,
      'an-nhon-dong.xlsx',
      'Phụ lục 1',
      'F12',
      'task/deadline-unparseable',
      summary.errors[0].message,
    ]);
    expect(rows[3]).toEqual([4, 'hong.xlsx', null, null, 'file/unreadable', summary.errors[3].message]);
    expect(ws.getCell(first + summary.errors.length, 1).value).toBeNull();
  });
});

describe('the build that wrote the summary', () => {
  it('is in the document properties (author, last modified by), beside the keywords that mark it as ours', async () => {
    const buffer = await summaryWorkbookBuffer(sampleSummary('vi'));
    const core = await (await JSZip.loadAsync(buffer)).file('docProps/core.xml')!.async('string');
    const build = `${PRODUCT} ${VERSION}`;
    expect(build).toMatch(/^cchc-appendix \d+\.\d+\.\d+/);
    expect(core).toContain(`<dc:creator>${build}</dc:creator>`);
    expect(core).toContain(`<cp:lastModifiedBy>${build}</cp:lastModifiedBy>`);
    expect(core).toContain('<cp:keywords>cchc-summary</cp:keywords>');
    // As ownSummary reads it, so a re-run still recognises and replaces its own summary.
    expect(readXlsxKeywords(new Uint8Array(buffer))).toBe('cchc-summary');
    const wb = await load(buffer);
    expect([wb.creator, wb.lastModifiedBy, wb.keywords]).toEqual([build, build, 'cchc-summary']);
  });
});

describe('hostile text in the summary', () => {
  it('stays text: string cells, no formula anywhere but the totals', async () => {
    const summary = hostile();
    const buffer = await summaryWorkbookBuffer(summary);
    const wb = await load(buffer);
    const texts = new Map<string, ExcelJS.Cell>();
    wb.eachSheet((ws) =>
      ws.eachRow((row) => row.eachCell((cell) => void texts.set(`${ws.name}!${cell.address}`, cell))),
    );
    const find = (text: string) => [...texts.values()].filter((c) => c.value === text);
    for (const text of [
      summary.files[0].unit,
      summary.indicators[0].name,
      summary.errors[0].message,
      summary.areas[0].name,
    ]) {
      const cells = find(text);
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) expect(cell.master.type).toBe(ExcelJS.ValueType.String);
    }
    // In the file itself: the only formulas are the totals (SUM, the rate's IF, the COUNTIF of overdue files).
    const zip = await JSZip.loadAsync(buffer);
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const formulas: string[] = [];
    for (const name of sheets) {
      const xml = await zip.file(name)!.async('string');
      for (const m of xml.matchAll(/<f>([^<]*)<\/f>/g)) formulas.push(m[1]);
    }
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) expect(f).toMatch(/^(SUM\(|IF\(|COUNTIF\()/);
    expect(formulas.join(' ')).not.toMatch(/HYPERLINK|cmd|1\+1/);
  });
});

describe('summaries of other shapes', () => {
  it('notes a unit name taken from the file name', async () => {
    const summary = sampleSummary('vi');
    summary.files[1].unitSource = 'file';
    const ws = (await readBack(summary)).worksheets[0];
    expect(ws.getCell(firstBodyRow(ws) + 1, column(ws, 'Ghi chú')).value).toBe('Tên đơn vị lấy theo tên tệp');
  });

  it('says "Không có lỗi." when no file has an error', async () => {
    const summary = { ...sampleSummary('vi'), errors: [] };
    const wb = await readBack(summary);
    const ws = wb.worksheets[3];
    const values: unknown[] = [];
    ws.eachRow((row) => values.push(row.getCell(1).value));
    expect(values).toContain('Không có lỗi.');
    expect(values.filter((v) => typeof v === 'number')).toEqual([]);
  });

  it('leaves the total rate blank when nothing was measured, guarded by IF', async () => {
    const summary = sampleSummary('vi');
    for (const f of summary.files) {
      f.kpis = { ...f.kpis, met: 0, missed: 0 };
      f.rate = null;
    }
    summary.totals.rate = null;
    const buffer = await summaryWorkbookBuffer(summary);
    const ws = (await load(buffer)).worksheets[0];
    const row = rowLabelled(ws, 'Cộng');
    const rate = ws.getCell(row, column(ws, 'Tỷ lệ đạt'));
    const met = ws.getCell(row, column(ws, 'Đạt'));
    expect(formulaOf(rate).formula).toMatch(/^IF\(/);
    expect(ws.getCell(row - 1, rate.col).value).toBeNull();
    // exceljs hides a falsy cached result when read back; the file holds it: 0 for the sum, "" for the rate.
    const zip = await JSZip.loadAsync(buffer);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const cellXml = (ref: string) => new RegExp(`<c r="${ref}"[^>]*>.*?</c>`).exec(xml)?.[0];
    expect(cellXml(met.address)).toMatch(/<f>SUM\([^<]*\)<\/f><v>0<\/v>/);
    expect(cellXml(rate.address)).toMatch(/t="str"><f>IF\([^<]*\)<\/f><v><\/v>/);
  });

  it('has no totals row, and no formula reaching into the header, when no file was given', async () => {
    const s = sampleSummary('vi');
    const empty: Summary = { ...s, files: [], indicators: [], areas: [], errors: [] };
    const wb = await readBack(empty);
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) =>
          expect(cell.type === ExcelJS.ValueType.Formula ? cell.address : null).toBeNull(),
        ),
      );
    expect(wb.worksheets[3].getCell(6, 1).value).toBe('Không có lỗi.');
  });

  it('spreads many wards over pages across, repeating the indicator columns', async () => {
    const s = sampleSummary('vi');
    const template = s.files[0];
    const files = Array.from({ length: 30 }, (_, i) => ({
      ...template,
      file: `xa-${i + 1}.xlsx`,
      unit: `Xã ${i + 1}`,
    }));
    const summary: Summary = {
      ...s,
      files,
      indicators: [
        {
          ...s.indicators[0],
          results: files.map((_, i) => ({ file: i, actual: 90, unit: '%', status: 'met' as const })),
        },
      ],
    };
    const wb = await readBack(summary);
    const ws = wb.worksheets[1];
    expect(ws.columnCount).toBe(7 + 30);
    expect(ws.pageSetup.fitToWidth).toBe(4);
    expect(ws.pageSetup.printTitlesColumn).toBe('A:B');
    expect(ws.getCell(firstBodyRow(ws), 37).value).toBe('90% – Đạt');
    // The title sits in the columns every page repeats.
    expect(ws.getCell('B1').isMerged).toBe(true);
    expect(ws.getCell('C1').isMerged).toBe(false);
  });
});
