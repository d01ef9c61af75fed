/**
 * The server modules run here as in Apps Script: the stand-in's services assigned as globals (SpreadsheetApp,
 * HtmlService, Utilities, Session), and the seed fixtures turned into a spreadsheet as Sheets would hold them
 * after "File > Import" of the .xlsx (Excel's "General" is Sheets' automatic format).
 */
import { join } from 'node:path';
import { readWorkbook } from '../../../cli/src/xlsx/readWorkbook';
import { a1, parseRange, type SheetGrid } from '../../../shared/src/index';
import { createFakeSheets, type FakeSheets, type FakeSheetsInit, type SheetInit } from '../fakeSheets/index';

export const FIXTURES = join(__dirname, '../../../cli/test/fixtures');

export function installFake(init: FakeSheetsInit): FakeSheets {
  const fake = createFakeSheets(init);
  Object.assign(globalThis, fake.globals());
  return fake;
}

/** A grid as the stand-in's initial sheet: values as they are, formats with "General" left automatic. */
export function sheetInit(grid: SheetGrid): SheetInit {
  const formats = grid.numberFormats?.map((row) =>
    row.map((f) => (f && f.toLowerCase() !== 'general' ? f : null)),
  );
  const origin = grid.origin
    ? `${String.fromCharCode(64 + grid.origin.column)}${grid.origin.row}`
    : undefined;
  return {
    name: grid.name,
    values: grid.values.map((row) =>
      row.map((v) => (v === undefined ? null : (v as string | number | boolean | Date | null))),
    ),
    ...(formats ? { numberFormats: formats } : {}),
    merges: (grid.merges ?? []).map((m) => (typeof m === 'string' ? m : '')).filter(Boolean),
    ...(origin ? { origin } : {}),
  };
}

export async function seedGrids(file: string): Promise<SheetGrid[]> {
  return readWorkbook(join(FIXTURES, file));
}

/**
 * What Sheets shows for the templates' formulas (the stand-in does not calculate): the numbering
 * IF(Bn="","",COUNTA(…)) and the total row's "Tổng cộng: "&COUNT(A9:A40)&" nhiệm vụ", counted on the cells.
 */
export function templateCalculator(fake: () => FakeSheets) {
  return (formula: string, sheet: string): string | number => {
    const numbering = /^=IF\(([A-Z]+\d+)="","",COUNTA\(([A-Z]+)\$(\d+):[A-Z]+(\d+)\)\)$/.exec(formula);
    if (numbering) {
      if (textOf(fake(), sheet, numbering[1]) === '') return '';
      let n = 0;
      for (let r = Number(numbering[3]); r <= Number(numbering[4]); r++)
        if (textOf(fake(), sheet, `${numbering[2]}${r}`) !== '') n++;
      return n;
    }
    const total = /^="([^"]*)"&COUNT\(([A-Z]+)(\d+):[A-Z]+(\d+)\)&"([^"]*)"$/.exec(formula);
    if (total) {
      let n = 0;
      for (let r = Number(total[3]); r <= Number(total[4]); r++)
        if (typeof fake().cell(sheet, `${total[2]}${r}`).value === 'number') n++;
      return `${total[1]}${n}${total[5]}`;
    }
    throw new Error(`templateCalculator: no rule for ${formula}`);
  };
}

function textOf(fake: FakeSheets, sheet: string, a1: string): string {
  const v = fake.cell(sheet, a1).value;
  return v === undefined ? '' : String(v).trim();
}

/** Every cell of an A1 range ("'Phụ lục'!E7:E9" → E7, E8, E9), to compare highlight rules with highlights. */
export function cellsOf(range: string): string[] {
  const r = parseRange(range);
  if (!r) throw new Error(`bad range ${range}`);
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push(a1(row, col));
  return out;
}

/** A Hà Nội task list whose deadlines are date cells: 30/06/2025 18:00 and 30/09/2025 00:00, local time. */
export const DATE_CELLS = {
  name: 'Nhiệm vụ',
  values: [
    ['DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025', '', '', ''],
    ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn'],
    [1, 'Ban hành kế hoạch', 'Văn phòng', 45838.75],
    [2, 'Báo cáo quý III', 'Văn phòng', 45930],
    [3, 'Tổng kết', 'Văn phòng', 'Tháng 12/2025'],
  ],
  numberFormats: [
    [null, null, null, null],
    [null, null, null, null],
    [null, null, null, 'dd/MM/yyyy HH:mm'],
    [null, null, null, 'd/M/yyyy'],
    [null, null, null, null],
  ],
};
