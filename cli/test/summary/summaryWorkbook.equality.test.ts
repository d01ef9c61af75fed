/**
 * The summary workbook is written directly (templates/xlsxWriter.ts), not through exceljs, for speed. Here its
 * output is held to what exceljs writes for the same description (renderBook): both read back with exceljs and
 * compared cell by cell (value, formula, cached result, type, number format, font, alignment, border, fill), and
 * merges, row heights, column widths, frozen panes, print setup, print titles, conditional formats and document
 * properties, for summaries of several shapes.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Summary } from '../../../shared/src/summary/schema';
import { sampleSummary } from '../../../shared/test/summary/sampleSummary';
import { summaryBook, summaryWorkbookBuffer } from '../../src/summary/summaryWorkbook';
import { renderBook } from '../../src/templates/renderWorkbook';

async function load(buffer: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return wb;
}

/** exceljs reads conditional formats back but does not declare them in its types. */
const formatsOf = (ws: ExcelJS.Worksheet) =>
  (ws as ExcelJS.Worksheet & { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;

/** Every cell exceljs reads, by address, with what a reader sees of it. */
function cellsOf(ws: ExcelJS.Worksheet): Map<string, unknown> {
  const out = new Map<string, unknown>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) =>
      out.set(cell.address, {
        type: cell.type,
        value: cell.value,
        numFmt: cell.numFmt,
        font: cell.font,
        alignment: cell.alignment,
        border: cell.border,
        fill: cell.fill,
        merged: cell.isMerged ? cell.master.address : null,
      }),
    ),
  );
  return out;
}

function manyWards(count: number): Summary {
  const s = sampleSummary('vi');
  const files = Array.from({ length: count }, (_, i) => ({
    ...s.files[i % 5],
    file: `xa-${i + 1}/phu-luc.xlsx`,
    unit: `Xã ${i + 1}`,
    sameUnit: [],
  }));
  return {
    ...s,
    files,
    indicators: s.indicators.map((ind) => ({
      ...ind,
      results: files.map((_, i) => ({
        file: i,
        actual: (i * 7) % 101,
        unit: '%',
        status: i % 3 ? ('met' as const) : ('missed' as const),
      })),
    })),
    errors: files.map((f, i) => ({ ...s.errors[i % s.errors.length], file: f.file })),
  };
}

/** Texts that need care: formula-like, XML-special, blanks at the ends, line breaks, controls, too long. */
function awkward(): Summary {
  const s = sampleSummary('vi');
  s.files[0].unit = '=HYPERLINK("http://example.com/x","Phường 5")';
  s.files[1].unit = '  Phường <An> & "Nhơn" \'Đông\'  ';
  s.files[2].unit = 'Phường\nLong\tXuyên\u0001\u0007';
  s.indicators[0].name = '=1+1';
  s.indicators[1].name = `Chỉ tiêu ${'rất dài '.repeat(6000)}`;
  s.errors[0].message = "=cmd|' /C calc'!A0";
  s.areas[0].name = '@SUM(1,2) 😀';
  return s;
}

const empty = (): Summary => ({ ...sampleSummary('vi'), files: [], indicators: [], areas: [], errors: [] });

const SHAPES: [string, () => Summary][] = [
  ['the sample (vi)', () => sampleSummary('vi')],
  ['the sample (en)', () => sampleSummary('en')],
  ['awkward texts', awkward],
  ['no files', empty],
  ['no errors', () => ({ ...sampleSummary('en'), errors: [] })],
  ['60 wards, pages across', () => manyWards(60)],
];

describe.each(SHAPES)('the directly written summary workbook: %s', (_, make) => {
  const summary = make();
  const book = summaryBook(summary);
  let ours: ExcelJS.Workbook;
  let theirs: ExcelJS.Workbook;
  beforeAll(async () => {
    ours = await load(await summaryWorkbookBuffer(summary));
    theirs = await load(await renderBook(book, summary.lang).xlsx.writeBuffer());
  });

  it('has the same sheets, and every cell as exceljs writes it', () => {
    expect(ours.worksheets.map((ws) => ws.name)).toEqual(theirs.worksheets.map((ws) => ws.name));
    ours.worksheets.forEach((ws, i) => {
      const mine = cellsOf(ws);
      const reference = cellsOf(theirs.worksheets[i]);
      expect(mine.size).toBeGreaterThan(0);
      expect([...mine.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [address, cell] of reference) expect([address, mine.get(address)]).toEqual([address, cell]);
    });
  });

  it('keeps merges, row heights, widths, frozen panes and print setup', () => {
    ours.worksheets.forEach((ws, i) => {
      const ref = theirs.worksheets[i];
      const sheet = book.sheets[i];
      expect([...ws.model.merges].sort()).toEqual([...ref.model.merges].sort());
      for (let r = 1; r <= Math.max(ws.rowCount, ref.rowCount); r++)
        expect([r, ws.getRow(r).height]).toEqual([r, ref.getRow(r).height]);
      // Every width as laid out. exceljs leaves out a width of 9, taking it for its own default; Excel's is 8.43.
      sheet.columnWidths.forEach((w, c) => {
        expect([c, ws.getColumn(c + 1).width]).toEqual([c, w]);
        if (w !== 9) expect([c, ref.getColumn(c + 1).width]).toEqual([c, w]);
      });
      expect(ws.views).toEqual(ref.views);
      // exceljs writes "unset" printer resolutions and a 100 % scale, which mean nothing with fit-to-page.
      const print = (s: ExcelJS.Worksheet) => ({
        ...s.pageSetup,
        horizontalDpi: undefined,
        verticalDpi: undefined,
        scale: undefined,
      });
      expect(print(ws)).toEqual(print(ref));
      expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    });
  });

  it('keeps the conditional formats, rule for rule', () => {
    const rules = (wb: ExcelJS.Workbook) =>
      wb.worksheets.map((ws) =>
        (formatsOf(ws) ?? []).map((cf) => ({
          ref: cf.ref,
          // The data bar's id links it to its Excel 2010 extension; exceljs makes up a new one every time.
          rules: cf.rules.map((r) => ({ ...r, x14Id: undefined })),
        })),
      );
    expect(rules(ours)).toEqual(rules(theirs));
    const count = rules(ours).reduce((n, s) => n + s.length, 0);
    expect(count).toBe(summary.files.length ? 4 : 0);
  });

  it('keeps the document properties that mark it as ours', () => {
    expect([ours.creator, ours.lastModifiedBy, ours.keywords]).toEqual([
      theirs.creator,
      theirs.lastModifiedBy,
      'cchc-summary',
    ]);
    expect(ours.definedNames.model).toEqual(theirs.definedNames.model);
  });
});

describe('the directly written package', () => {
  it('keeps a cached result of 0 and of "" in the file, where exceljs hides them when reading', async () => {
    const summary = sampleSummary('vi');
    for (const f of summary.files) f.kpis = { ...f.kpis, met: 0, missed: 0 };
    const zip = await JSZip.loadAsync(await summaryWorkbookBuffer(summary));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(/<c r="J14" s="\d+"><f>SUM\(J8:J13\)<\/f><v>0<\/v><\/c>/);
    expect(xml).toMatch(/<c r="N14" s="\d+" t="str"><f>IF\([^<]*\)<\/f><v><\/v><\/c>/);
  });

  it('keeps a text that looks like an escaped character as it is ("_x0041_" is not "A")', async () => {
    const summary = sampleSummary('vi');
    summary.files[0].unit = 'Phường_x0041_5';
    const wb = await load(await summaryWorkbookBuffer(summary));
    expect(wb.worksheets[0].getCell('B8').value).toBe('Phường_x0041_5');
  });

  it('cuts a text over 32,767 characters, with the mark, and writes no cell longer', async () => {
    const summary = awkward();
    const wb = await load(await summaryWorkbookBuffer(summary));
    let longest = 0;
    let cut = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value !== 'string') return;
          longest = Math.max(longest, cell.value.length);
          if (cell.value.endsWith('… [đã cắt bớt]')) cut++;
        }),
      ),
    );
    expect(longest).toBe(32_767);
    expect(cut).toBe(1);
  });

  it('writes every text as a string value, and only the totals as formulas', async () => {
    const zip = await JSZip.loadAsync(await summaryWorkbookBuffer(awkward()));
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      const xml = await zip.file(name)!.async('string');
      for (const m of xml.matchAll(/<f>([^<]*)<\/f>/g)) expect(m[1]).toMatch(/^(SUM|IF|COUNTIF)\(/);
    }
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('<t>=1+1</t>');
    expect(strings).toContain(
      '<t xml:space="preserve">  Phường &lt;An&gt; &amp; &quot;Nhơn&quot; \'Đông\'  </t>',
    );
  });
});
