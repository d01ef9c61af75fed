/**
 * The checked copy (--out): the input never touched; in the copy, the findings' cells highlighted by rules the
 * copy owns (no cell's value or style changes), a note on each highlighted cell saying why, and a results sheet
 * at the end with a working link to every finding's cell (issue 9, item 5).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import {
  checkWorkbook,
  highlightsFor,
  HIGHLIGHT_FILLS,
  parseRange,
  a1,
  type Report,
} from '../../../shared/src/index';
import { readWorkbook, WorkbookReadError } from '../../src/xlsx/readWorkbook';
import { HIGHLIGHT_FORMULA, SameFileError, writeCheckedCopy } from '../../src/xlsx/writeHighlights';
import { fixture, tempDir } from './helpers';
import { OutPathError } from '../../src/outPath';
import { PRODUCT, VERSION } from '../../../shared/src/version';

const sha = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex');
const argb = (hex: string): string => `FF${hex.slice(1)}`;

async function load(p: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(p);
  return wb;
}

/** Every cell exceljs knows of (values or styles) on the named sheets, as "sheet!A1" → cell. */
function allCells(wb: ExcelJS.Workbook, sheets: string[]): Map<string, ExcelJS.Cell> {
  const out = new Map<string, ExcelJS.Cell>();
  for (const ws of wb.worksheets.filter((w) => sheets.includes(w.name))) {
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        out.set(`${ws.name}!${cell.address}`, cell);
      }),
    );
  }
  return out;
}

/** "sheet!A1" → the colour of the copy's own rule covering it. */
function ruleFills(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    // exceljs keeps a sheet's rules here; its typings leave the property out.
    const rules = (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    for (const cf of rules ?? []) {
      for (const rule of cf.rules) {
        if (rule.type !== 'expression' || rule.formulae?.[0] !== HIGHLIGHT_FORMULA) continue;
        const fill = rule.style?.fill as ExcelJS.FillPattern | undefined;
        for (const ref of cf.ref.split(' ')) {
          const r = parseRange(ref);
          if (!r) throw new Error(`bad ref ${ref}`);
          for (let row = r.top; row <= r.bottom; row++)
            for (let col = r.left; col <= r.right; col++)
              out.set(`${ws.name}!${a1(row, col)}`, fill?.bgColor?.argb ?? '');
        }
      }
    }
  }
  return out;
}

/** The XML of the copy's last sheet. */
function resultsPart(p: string): string {
  const files = unzipSync(new Uint8Array(readFileSync(p)));
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
  const book = strFromU8(files['xl/workbook.xml']);
  const rid = [...book.matchAll(/<sheet [^>]*r:id="([^"]+)"/g)].pop()?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
  return strFromU8(files[`xl/${target}`]);
}

const noteText = (note: ExcelJS.Cell['note']): string =>
  typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');

describe('writeCheckedCopy', () => {
  const dir = tempDir();
  const input = join(dir, 'phu-luc.xlsx');
  const out = join(dir, 'phu-luc.checked.xlsx');
  let before: string;
  let report: Report;
  let sheets: string[];

  beforeAll(async () => {
    // The user's own note on a cell that will be highlighted (the wrong total row, A51).
    const wb = await load(fixture('sample-appendix.xlsx'));
    wb.getWorksheet('Nhiệm vụ')!.getCell('A51').note = 'Ghi chú của phường: số liệu tạm.';
    await wb.xlsx.writeFile(input);
    before = sha(input);
    const grids = await readWorkbook(input);
    sheets = grids.map((g) => g.name);
    report = checkWorkbook(grids, { asOf: '2025-10-15', today: '2025-10-15', file: 'phu-luc.xlsx' });
    await writeCheckedCopy(input, out, report, 'vi');
  });

  test('leaves the input file byte for byte as it was', () => {
    expect(sha(input)).toBe(before);
  });

  test('keeps every value, formula, number format and merge of the user’s sheets', async () => {
    const [a, b] = await Promise.all([readWorkbook(input), readWorkbook(out)]);
    expect(b.slice(0, a.length)).toEqual(a);
    const [src, dst] = [allCells(await load(input), sheets), allCells(await load(out), sheets)];
    for (const [key, cell] of src) expect([key, dst.get(key)?.formula]).toEqual([key, cell.formula]);
  });

  test('changes no cell’s style: the highlights are rules of the copy’s own, in the shared colours', async () => {
    const copy = await load(out);
    const [src, dst] = [allCells(await load(input), sheets), allCells(copy, sheets)];
    expect([...dst.keys()].filter((k) => !src.has(k))).toEqual([]);
    for (const [key, cell] of src) expect([key, dst.get(key)?.style]).toEqual([key, cell.style]);
    const expected = new Map<string, string>();
    for (const h of highlightsFor(report))
      expected.set(`${h.sheet}!${h.cell}`, argb(HIGHLIGHT_FILLS[h.kind]));
    const fills = ruleFills(copy);
    for (const [key, colour] of expected) expect([key, fills.get(key)]).toEqual([key, colour]);
    // The merged total row A51:G51 shows its top-left cell: covered. Nothing else is.
    expect([...fills.keys()].filter((k) => !expected.has(k))).toEqual([]);
  });

  test('puts a note on each highlighted cell saying why, after the user’s own note', async () => {
    const copy = await load(out);
    const flagged = report.sheets.flatMap((s) =>
      s.findings.filter((f) => f.cell && f.severity !== 'info').map((f) => [s.name, f.cell, f.message]),
    );
    expect(flagged.length).toBeGreaterThan(5);
    for (const [sheet, cell, message] of flagged) {
      const c = copy.getWorksheet(sheet)!.getCell(cell);
      const shown = c.isMerged ? c.master : c;
      expect([sheet, cell, noteText(shown.note)]).toEqual([sheet, cell, expect.stringContaining(message)]);
    }
    const total = noteText(copy.getWorksheet('Nhiệm vụ')!.getCell('A51').note);
    expect(total.startsWith('Ghi chú của phường: số liệu tạm.\n\n')).toBe(true);
    expect(total).toContain('Dòng tổng ghi 36 nhiệm vụ nhưng bảng có 35.');
  });

  test('ends with a results sheet: the legend, a working link to every finding’s cell, KPIs and areas', async () => {
    const copy = await load(out);
    const results = copy.worksheets[copy.worksheets.length - 1];
    expect(results.name).toBe('Kết quả kiểm tra');
    const texts: string[] = [];
    results.eachRow((row) => row.eachCell((cell) => void texts.push(String(cell.value))));
    // The links are internal hyperlinks (<hyperlink location="'Sheet'!A1">, as Excel writes a link to a place
    // in the document), which exceljs does not model: read them from the sheet's part.
    const links = [...resultsPart(out).matchAll(/<hyperlink [^>]*location="([^"]*)"/g)].map(
      (m) => `#${m[1].replace(/&apos;/g, "'").replace(/&amp;/g, '&')}`,
    );
    const withCells = report.sheets.flatMap((s) => s.findings.filter((f) => f.cell));
    expect(links).toHaveLength(withCells.length);
    for (const link of links) {
      const m = /^#'((?:[^']|'')+)'!([A-Z]+\d+)$/.exec(link);
      expect(m).not.toBeNull();
      const sheet = (m as RegExpExecArray)[1].replace(/''/g, "'");
      expect(copy.getWorksheet(sheet)).toBeDefined();
    }
    expect(texts).toEqual(
      expect.arrayContaining(['Màu đánh dấu', 'Mức đạt chỉ tiêu', 'Theo lĩnh vực', 'Lỗi']),
    );
    // The build that checked, at the end of the header block.
    expect(results.getCell('A4').value).toBe(`Kiểm tra bằng ${PRODUCT} ${VERSION}`);
  });

  test('never replaces a copy that another run wrote meanwhile, unless --force was given (issue 18, item 5)', async () => {
    const meanwhile = join(dir, 'meanwhile.xlsx');
    writeFileSync(meanwhile, 'a copy written by another run');
    await expect(writeCheckedCopy(input, meanwhile, report, 'vi')).rejects.toThrow(
      new OutPathError(`Tệp ${meanwhile} vừa được tạo; thêm --force để ghi đè.`),
    );
    expect(readFileSync(meanwhile, 'utf8')).toBe('a copy written by another run');
    await writeCheckedCopy(input, meanwhile, report, 'vi', true);
    expect(readFileSync(meanwhile).subarray(0, 2).toString()).toBe('PK');
  });

  test('refuses to write over the input, however it is named', async () => {
    await expect(writeCheckedCopy(input, input, report, 'vi')).rejects.toBeInstanceOf(SameFileError);
    await expect(
      writeCheckedCopy(input, join(dir, 'x', '..', 'phu-luc.xlsx'), report, 'vi'),
    ).rejects.toBeInstanceOf(SameFileError);
    const link = join(dir, 'lien-ket.xlsx');
    symlinkSync(input, link);
    await expect(writeCheckedCopy(input, link, report, 'vi')).rejects.toBeInstanceOf(SameFileError);
    expect(sha(input)).toBe(before);
  });

  test('a missing input rejects with WorkbookReadError and writes nothing', async () => {
    const target = join(dir, 'khong-ghi.xlsx');
    await expect(writeCheckedCopy(join(dir, 'khong-co.xlsx'), target, report, 'vi')).rejects.toBeInstanceOf(
      WorkbookReadError,
    );
    expect(existsSync(target)).toBe(false);
  });

  test('names its results sheet in English on request, and never over a sheet of the user’s', async () => {
    const taken = join(dir, 'taken.xlsx');
    const wb = await load(fixture('kpi-001-004.xlsx'));
    wb.addWorksheet('Check results').getCell('A1').value = 'the user’s';
    await wb.xlsx.writeFile(taken);
    const grids = await readWorkbook(taken);
    const r = checkWorkbook(grids, { asOf: '2025-12-31', today: '2025-12-31', lang: 'en' });
    const copyPath = join(dir, 'taken.checked.xlsx');
    await writeCheckedCopy(taken, copyPath, r, 'en');
    const copy = await load(copyPath);
    expect(copy.worksheets.map((w) => w.name)).toEqual(['Chỉ tiêu', 'Check results', 'Check results (2)']);
    expect(copy.getWorksheet('Check results')!.getCell('A1').value).toBe('the user’s');
  });
});
