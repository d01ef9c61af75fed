/**
 * The reader against the one it replaced: every fixture and the bundled sample, read by exceljs the way the
 * command line read them until now (a frozen copy of that code below) and by readXlsx, give the same grids and
 * the same report. The one intended difference: exceljs turned a number under a date format into a Date (its UTC
 * fields the serial's wall clock), readXlsx keeps the serial and the format, as Excel's API gives them.
 */
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../../src/index';
import type { CellValue, SheetGrid } from '../../src/table/grid';
import { isDateFormat } from '../../src/table/numberFormat';
import { readXlsx } from '../../src/xlsx';

const ROOT = join(__dirname, '../../..');
const FIXTURES = join(ROOT, 'cli/test/fixtures');
const files = [
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => join(FIXTURES, f)),
  join(ROOT, 'cli/sample/phu-luc-mau.xlsx'),
];

const DAY_MS = 86_400_000;
/** Serial of 1970-01-01 in Excel's 1900 system. */
const UNIX_EPOCH_SERIAL = 25569;

describe.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('%s', (_name, file) => {
  const bytes = readFileSync(file);
  let before: SheetGrid[];
  let after: SheetGrid[];
  beforeAll(async () => {
    before = await exceljsGrids(bytes);
    after = readXlsx(new Uint8Array(bytes));
  });

  it('gives the same grids (dates as serials with their format)', () => {
    expect(after.map((g) => g.name)).toEqual(before.map((g) => g.name));
    const expected = before.map((g) => ({ ...g, values: g.values.map((row) => row.map(serialOf)) }));
    expect(after).toEqual(expected);
    // The dates really are there, kept as serials under a date format.
    after.forEach((g, s) =>
      g.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (before[s].values[r][c] instanceof Date)
            expect(isDateFormat(g.numberFormats?.[r]?.[c])).toBe(true);
        }),
      ),
    );
  });

  it.each([
    ['2025-07-15', 'vi'],
    ['2025-12-31', 'en'],
  ] as const)('gives the same report as of %s (%s)', (asOf, lang) => {
    const options = { today: asOf, asOf, lang, file: 'f.xlsx' };
    expect(checkWorkbook(after, options)).toEqual(checkWorkbook(before, options));
  });
});

function serialOf(v: CellValue): CellValue {
  return v instanceof Date ? v.getTime() / DAY_MS + UNIX_EPOCH_SERIAL : v;
}

// ---- The exceljs reading as cli/src/xlsx/readWorkbook.ts did it before readXlsx (frozen; do not "fix") ----

async function exceljsGrids(buf: Buffer): Promise<SheetGrid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return wb.worksheets.map(gridOf);
}

function gridOf(ws: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const vals: CellValue[] = [];
    const fmts: (string | null)[] = [];
    let last = -1;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = plainValue(cell);
      vals[c - 1] = v;
      const fmt = cell.numFmt;
      fmts[c - 1] = fmt && fmt !== 'General' ? fmt : null;
      if (!isEmpty(v)) last = c - 1;
    });
    if (last < 0) return;
    values[r - 1] = fill(vals, last + 1, null);
    numberFormats[r - 1] = fill(fmts, last + 1, null);
  });
  for (let i = 0; i < values.length; i++) {
    if (!values[i]) {
      values[i] = [];
      numberFormats[i] = [];
    }
  }
  return {
    name: ws.name,
    values,
    numberFormats,
    merges: [...(ws.model.merges ?? [])],
    origin: { row: 1, column: 1 },
  };
}

function fill<T>(sparse: T[], length: number, blank: T): T[] {
  const out: T[] = new Array(length);
  for (let i = 0; i < length; i++) out[i] = i in sparse ? sparse[i] : blank;
  return out;
}

function isEmpty(v: CellValue): boolean {
  return v === null || v === undefined || v === '';
}

function plainValue(cell: ExcelJS.Cell): CellValue {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  return plain(cell.value);
}

function plain(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v !== 'object') return null;
  if ('richText' in v) return richText(v);
  if ('error' in v) return v.error;
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    return result === undefined ? null : plain(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in v) {
    const text = (v as { text?: unknown }).text;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object' && 'richText' in text)
      return richText(text as ExcelJS.CellRichTextValue);
    return (v as ExcelJS.CellHyperlinkValue).hyperlink ?? null;
  }
  return null;
}

function richText(v: ExcelJS.CellRichTextValue): string {
  return (v.richText ?? []).map((run) => run.text ?? '').join('');
}
