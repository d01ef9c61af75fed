/**
 * The summary workbook in a real spreadsheet engine: LibreOffice Calc recalculates a copy whose cached totals
 * were spoilt, so the numbers it writes back come from the formulas alone, and they must be the summary's; it
 * prints the workbook, and the first page is kept as a PNG (test-output/summary/workbook-*.png) for people to look at.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Summary } from '../../../shared/src/summary/schema';
import { summaryWord } from '../../../shared/src/summary/words';
import { sampleSummary } from '../../../shared/test/summary/sampleSummary';
import { summaryBook, summaryWorkbookBuffer } from '../../src/summary/summaryWorkbook';
import { writeXlsx } from '../../src/templates/xlsxWriter';
import { describeWithLibreOffice, libreOfficeWork } from '../libreoffice';

const describeEngine = describeWithLibreOffice('the summary workbook in LibreOffice');
const OUTPUT = resolve(__dirname, '../../../test-output/summary');
const lo = libreOfficeWork('cchc-summary-lo-');
const langs = ['vi', 'en'] as const;

/** The sample, with a ward whose name would be a formula if a spreadsheet took it for one. */
function summaryFor(lang: 'vi' | 'en'): Summary {
  const s = sampleSummary(lang);
  s.files[0].unit = '=HYPERLINK("http://example.com/x","Phường 5")';
  return s;
}

const formulaCells = (wb: ExcelJS.Workbook) =>
  wb.worksheets.flatMap((ws) => {
    const out: ExcelJS.Cell[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && out.push(cell))),
    );
    return out;
  });

describeEngine('the summary workbook in LibreOffice Calc', () => {
  let recalculated: ExcelJS.Workbook;

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    mkdirSync(lo.path('stale'), { recursive: true });
    for (const lang of langs) {
      writeFileSync(lo.path(`summary-${lang}.xlsx`), await summaryWorkbookBuffer(summaryFor(lang)));
      // The same workbook with every cached total wrong: only recalculating can put the right numbers back.
      const stale = summaryBook(summaryFor(lang));
      for (const sheet of stale.sheets)
        for (const cell of sheet.cells) if (cell.formula !== undefined) cell.result = -1;
      writeFileSync(lo.path('stale', `summary-${lang}.xlsx`), writeXlsx(stale, lang));
    }
    lo.soffice(['--convert-to', 'pdf', '--outdir', lo.path(), ...langs.map((l) => `summary-${l}.xlsx`)]);
    lo.recalculateOnLoad();
    lo.soffice([
      '--convert-to',
      'xlsx',
      '--outdir',
      lo.path('recalculated'),
      ...langs.map((l) => lo.path('stale', `summary-${l}.xlsx`)),
    ]);
    recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(lo.path('recalculated', 'summary-vi.xlsx'));
  }, 240_000);

  afterAll(() => lo.remove());

  it('recalculates the totals row of the first sheet to the summary totals', () => {
    const t = sampleSummary('vi').totals;
    const ws = recalculated.worksheets[0];
    const row = ws.getColumn(1).values.indexOf(summaryWord('totalsRow', 'vi'));
    expect(row).toBeGreaterThan(0);
    // E … P: tasks (total, done, overdue, pending, ongoing), KPIs (met, missed, no data, not measurable),
    // rate, errors, warnings.
    const totals = Array.from({ length: 12 }, (_, i) => ws.getCell(row, 5 + i));
    expect(totals.every((c) => c.type === ExcelJS.ValueType.Formula)).toBe(true);
    const results = totals.map((c) => (c.value as ExcelJS.CellFormulaValue).result);
    expect(results).toEqual([
      t.tasks.total,
      t.tasks.done,
      t.tasks.overdue,
      t.tasks.pending,
      t.tasks.ongoing,
      t.kpis.met,
      t.kpis.missed,
      t.kpis.noData,
      t.kpis.unmeasurable,
      expect.closeTo(t.rate as number, 10),
      t.errors,
      t.warnings,
    ]);
  });

  it('recalculates the areas totals, and counts the files with overdue tasks across sheets', () => {
    const s = sampleSummary('vi');
    const ws = recalculated.worksheets[2];
    const row = ws.getColumn(1).values.indexOf(summaryWord('totalsRow', 'vi'));
    const results = [3, 4, 5, 6].map((c) => (ws.getCell(row, c).value as ExcelJS.CellFormulaValue).result);
    const sum = (pick: (a: Summary['areas'][number]) => number) => s.areas.reduce((n, a) => n + pick(a), 0);
    expect(results).toEqual([
      sum((a) => a.tasks),
      sum((a) => a.done),
      sum((a) => a.overdue),
      s.files.filter((f) => f.tasks.overdue > 0).length,
    ]);
  });

  it('keeps a ward name that starts with "=" as text, also after recalculating', () => {
    const ws = recalculated.worksheets[0];
    const cell = ws.getCell('B8');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(summaryFor('vi').files[0].unit);
    // The only formulas are the totals (11 sums and the rate; the areas' 3 sums and a COUNTIF).
    expect(
      formulaCells(recalculated).map((c) => (c.value as ExcelJS.CellFormulaValue).formula?.split('(')[0]),
    ).toEqual([...Array(9).fill('SUM'), 'IF', 'SUM', 'SUM', 'SUM', 'SUM', 'SUM', 'COUNTIF']);
  });

  it.each(langs)('prints (%s) to PDF, and the first page of the first sheet is kept as a PNG', (lang) => {
    const pdf = lo.path(`summary-${lang}.pdf`);
    expect(existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const png = lo.firstPagePng(pdf, join(OUTPUT, `workbook-${lang}`));
    expect(statSync(png).size).toBeGreaterThan(10_000);
  });
});
