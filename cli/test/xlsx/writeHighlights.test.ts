import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Highlight } from '../../../shared/src/report/schema';
import { HIGHLIGHT_FILLS } from '../../../shared/src/report/palette';
import { readWorkbook, WorkbookReadError } from '../../src/xlsx/readWorkbook';
import { applyHighlights, SameFileError, writeHighlightedCopy } from '../../src/xlsx/writeHighlights';
import { fixture, tempDir } from './helpers';

const sha = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex');
const argb = (hex: string): string => `FF${hex.slice(1)}`;

async function load(p: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(p);
  return wb;
}

function fgOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.type === 'pattern' ? fill.fgColor?.argb : undefined;
}

/** Every cell exceljs knows of (values or styles), as "sheet!A1" → cell. */
function allCells(wb: ExcelJS.Workbook): Map<string, ExcelJS.Cell> {
  const out = new Map<string, ExcelJS.Cell>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        out.set(`${ws.name}!${cell.address}`, cell);
      }),
    );
  }
  return out;
}

const HIGHLIGHTS: Highlight[] = [
  { sheet: 'Nhiệm vụ', cell: 'E39', kind: 'warning' },
  { sheet: 'Nhiệm vụ', cell: 'A51', kind: 'error' }, // the wrong total, a merged A51:G51
  { sheet: 'Nhiệm vụ', cell: 'F16', kind: 'error' },
  { sheet: 'Nhiệm vụ', cell: 'C36', kind: 'warning' },
  { sheet: 'Nhiệm vụ', cell: 'B35', kind: 'warning' }, // inside the merged area row A35:G35
  { sheet: 'Chỉ tiêu', cell: 'D20', kind: 'missed' },
  { sheet: 'Chỉ tiêu', cell: 'D8', kind: 'met' },
  { sheet: 'Chỉ tiêu', cell: 'D15', kind: 'met' },
  { sheet: 'Chỉ tiêu', cell: 'D15', kind: 'missed' }, // the stronger kind wins
  { sheet: 'Chỉ tiêu', cell: 'D15', kind: 'warning' },
  { sheet: 'Không có', cell: 'A1', kind: 'error' }, // unknown sheet: ignored
  { sheet: 'Nhiệm vụ', cell: '', kind: 'error' }, // workbook-level: no cell
];

const EXPECTED: Record<string, string> = {
  'Nhiệm vụ!E39': argb(HIGHLIGHT_FILLS.warning),
  'Nhiệm vụ!A51': argb(HIGHLIGHT_FILLS.error),
  'Nhiệm vụ!F16': argb(HIGHLIGHT_FILLS.error),
  'Nhiệm vụ!C36': argb(HIGHLIGHT_FILLS.warning),
  'Nhiệm vụ!B35': argb(HIGHLIGHT_FILLS.warning),
  'Nhiệm vụ!A35': argb(HIGHLIGHT_FILLS.warning), // the master of B35's merge, so the colour shows
  'Chỉ tiêu!D20': argb(HIGHLIGHT_FILLS.missed),
  'Chỉ tiêu!D8': argb(HIGHLIGHT_FILLS.met),
  'Chỉ tiêu!D15': argb(HIGHLIGHT_FILLS.missed),
};

describe('writeHighlightedCopy', () => {
  const dir = tempDir();
  const input = join(dir, 'phu-luc.xlsx');
  const out = join(dir, 'phu-luc.checked.xlsx');
  let before: string;

  beforeAll(async () => {
    copyFileSync(fixture('sample-appendix.xlsx'), input);
    before = sha(input);
    await writeHighlightedCopy(input, out, HIGHLIGHTS);
  });

  test('leaves the input file byte for byte as it was', () => {
    expect(sha(input)).toBe(before);
    expect(sha(input)).toBe(sha(fixture('sample-appendix.xlsx')));
  });

  test('keeps every value, number format and merge', async () => {
    const [a, b] = await Promise.all([readWorkbook(input), readWorkbook(out)]);
    expect(b).toEqual(a);
  });

  test('fills the highlighted cells with the shared palette', async () => {
    const cells = allCells(await load(out));
    for (const [key, colour] of Object.entries(EXPECTED)) {
      const cell = cells.get(key);
      expect(cell).toBeDefined();
      expect([key, fgOf(cell!)]).toEqual([key, colour]);
      expect((cell!.fill as ExcelJS.FillPattern).pattern).toBe('solid');
    }
  });

  test('changes nothing else: other cells keep their style, highlighted ones all but the fill', async () => {
    const [src, dst] = [allCells(await load(input)), allCells(await load(out))];
    expect([...dst.keys()].filter((k) => !src.has(k))).toEqual([]);
    let compared = 0;
    for (const [key, cell] of src) {
      const copy = dst.get(key)!;
      const { fill: fillA, ...restA } = cell.style;
      const { fill: fillB, ...restB } = copy.style;
      expect([key, restB]).toEqual([key, restA]);
      if (!(key in EXPECTED)) {
        expect([key, fillB]).toEqual([key, fillA]);
        compared += 1;
      }
    }
    // Cells sharing the highlighted cells' style (body and centre cells of the same rows and columns).
    expect(fgOf(dst.get('Nhiệm vụ!E40')!)).toBeUndefined();
    expect(fgOf(dst.get('Nhiệm vụ!F17')!)).toBeUndefined();
    expect(fgOf(dst.get('Chỉ tiêu!D22')!)).toBeUndefined();
    expect(compared).toBeGreaterThan(400);
  });

  test('refuses to write over the input, however it is named', async () => {
    await expect(writeHighlightedCopy(input, input, HIGHLIGHTS)).rejects.toBeInstanceOf(SameFileError);
    await expect(
      writeHighlightedCopy(input, join(dir, 'x', '..', 'phu-luc.xlsx'), []),
    ).rejects.toBeInstanceOf(SameFileError);
    const link = join(dir, 'lien-ket.xlsx');
    symlinkSync(input, link);
    await expect(writeHighlightedCopy(input, link, [])).rejects.toBeInstanceOf(SameFileError);
    expect(sha(input)).toBe(before);
  });

  test('a missing input rejects with WorkbookReadError and writes nothing', async () => {
    const target = join(dir, 'khong-ghi.xlsx');
    await expect(writeHighlightedCopy(join(dir, 'khong-co.xlsx'), target, [])).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(writeHighlightedCopy(join(dir, 'khong-co.xlsx'), target, [])).rejects.toBeInstanceOf(
      WorkbookReadError,
    );
    expect(existsSync(target)).toBe(false);
  });
});

describe('applyHighlights', () => {
  test('does not leak a fill through the style object exceljs shares between cells', async () => {
    const wb = await load(fixture('kpi-001-004.xlsx'));
    const ws = wb.getWorksheet('Chỉ tiêu')!;
    // D20 and D22 were written with the same style and are read back sharing one style object.
    expect(ws.getCell('D20').style).toBe(ws.getCell('D22').style);
    const untouched = JSON.parse(JSON.stringify(ws.getCell('D22').style)) as Partial<ExcelJS.Style>;
    applyHighlights(wb, [{ sheet: 'Chỉ tiêu', cell: 'D20', kind: 'missed' }]);
    expect(fgOf(ws.getCell('D20'))).toBe(argb(HIGHLIGHT_FILLS.missed));
    expect(fgOf(ws.getCell('D22'))).toBeUndefined();
    expect(JSON.parse(JSON.stringify(ws.getCell('D22').style))).toEqual(untouched);
    expect(ws.getCell('D20').numFmt).toBe('0%');
    expect(ws.getCell('D20').value).toBe(0.9);
  });
});
