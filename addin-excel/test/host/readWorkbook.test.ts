import { CELLS_PER_READ } from '../../../shared/src/hosts/readPlan';
import type { SheetGrid } from '../../../shared/src/table/grid';
import { planBatches } from '../../../shared/src/hosts/readPlan';
import { readSheet, readWorkbook, selectCell } from '../../src/host/excelHost';
import { createFakeExcel, PAYLOAD_LIMIT, type FakeExcel, type FakeSheetInit } from '../fakeExcel';
import { countSyncs, taskSheet } from './support';

/** A KPI table as wards write it: a merged title, a merged area row, percentages, a ratio formula. */
const KPI: FakeSheetInit = {
  name: 'Chỉ tiêu, KPI',
  origin: 'B2',
  values: [
    ['BẢNG CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2025'],
    ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Chỉ tiêu năm', 'Thực hiện', 'Tỷ lệ'],
    ['I', 'CHỈ TIÊU VỀ THỦ TỤC HÀNH CHÍNH'],
    [1, 'Tỷ lệ hồ sơ giải quyết đúng hạn', '%', 0.98, 0.95, '=F5/E5'],
    [2, 'Số thủ tục hành chính được cắt giảm', 'Thủ tục', 5, 3, '=F6/E6'],
  ],
  numberFormats: [[], [], [], [null, null, null, '0%', '0%', '0.0%'], [null, null, null, null, null, '0.0%']],
  merges: ['B2:G2', 'C4:G4'],
};

/** The three sheets of a ward's file: the task list, the KPI table, a blank sheet. */
const threeSheets = (): FakeExcel =>
  createFakeExcel({ sheets: [taskSheet('Nhiệm vụ', 60), KPI, { name: 'Trống' }] });

/** Each sheet read by readSheet once it is the active one. */
async function eachActive(fake: FakeExcel, names: string[]): Promise<SheetGrid[]> {
  const grids: SheetGrid[] = [];
  for (const name of names) {
    await fake.Excel.run((context) => selectCell(context, name, ''));
    grids.push(await fake.Excel.run((context) => readSheet(context, 'sheet')));
  }
  return grids;
}

/** readWorkbook in one Excel.run, with its syncs counted. */
async function counted(fake: FakeExcel): Promise<{ grids: SheetGrid[]; syncs: number }> {
  let syncs = 0;
  const grids = await fake.Excel.run(async (context) => {
    const counter = countSyncs(context);
    const g = await readWorkbook(context);
    syncs = counter.count;
    return g;
  });
  return { grids, syncs };
}

describe('readWorkbook', () => {
  it('returns every sheet in the workbook’s order, each as readSheet reads it when active', async () => {
    const fake = threeSheets();
    const { grids, syncs } = await counted(fake);
    expect(syncs).toBe(3);
    expect(grids.map((g) => g.name)).toEqual(['Nhiệm vụ', 'Chỉ tiêu, KPI', 'Trống']);
    expect(grids).toEqual(await eachActive(fake, ['Nhiệm vụ', 'Chỉ tiêu, KPI', 'Trống']));
    expect(grids[1]).toMatchObject({
      origin: { row: 2, column: 2 },
      // A sheet name with a comma does not split the merges list.
      merges: ['B2:G2', 'C4:G4'],
    });
    expect(grids[1].numberFormats?.[3]).toEqual(['General', 'General', 'General', '0%', '0%', '0.0%']);
    expect(grids[2]).toEqual({
      name: 'Trống',
      values: [],
      numberFormats: [],
      merges: [],
      origin: { row: 1, column: 1 },
    });
  });

  it.each([2, 6])('reads a small workbook of %i sheets in three syncs', async (count) => {
    const sheets = Array.from({ length: count }, (_, i) =>
      i % 2 ? { ...KPI, name: `Chỉ tiêu ${i}` } : taskSheet(`Nhiệm vụ ${i}`, 300),
    );
    const fake = createFakeExcel({ sheets });
    const { grids, syncs } = await counted(fake);
    expect(syncs).toBe(3);
    expect(fake.syncCount).toBe(3);
    expect(grids).toHaveLength(count);
    expect(grids).toEqual(
      await eachActive(
        fake,
        sheets.map((s) => s.name),
      ),
    );
    // One sync of contents: a range per sheet, all in the third sync.
    expect(fake.syncLog[2].ops.filter((op) => op === 'Worksheet.getRangeByIndexes')).toHaveLength(count);
    console.info(`readWorkbook ${count} sheets × 300 rows: ${syncs} syncs`);
  });

  it('reads a workbook of blank sheets in two syncs', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'A' }, { name: 'B' }] });
    const { grids, syncs } = await counted(fake);
    expect(syncs).toBe(2);
    expect(grids.map((g) => [g.name, g.values])).toEqual([
      ['A', []],
      ['B', []],
    ]);
  });

  it('shares a sync between the chunks of several sheets', async () => {
    // 3 × 6,000 rows × 8 columns = 144,000 cells: two reads of at most 80,000, not one per sheet.
    const sheets = ['A', 'B', 'C'].map((name) => taskSheet(name, 6_000));
    const fake = createFakeExcel({ sheets });
    const { grids, syncs } = await counted(fake);
    expect(syncs).toBe(2 + Math.ceil((3 * 6_000 * 8) / CELLS_PER_READ));
    expect(syncs).toBe(4);
    expect(fake.syncLog.slice(2).map((s) => s.valueCells)).toEqual([80_000, 64_000]);
    expect(grids).toEqual(await eachActive(fake, ['A', 'B', 'C']));
  });

  it('reads a large workbook in as few syncs as the read budget allows, none over it', async () => {
    const rows = 50_000;
    const sheets = ['Nhiệm vụ 1', 'Nhiệm vụ 2', 'Nhiệm vụ 3'].map((name) => taskSheet(name, rows));
    const fake = createFakeExcel({ sheets });
    const { grids, syncs } = await counted(fake);
    const cells = 3 * rows * 8;
    const planned = planBatches(sheets.map(() => ({ row: 0, column: 0, rows, columns: 8 }))).length;
    expect(planned).toBe(Math.ceil(cells / CELLS_PER_READ));
    expect(syncs).toBe(2 + planned);
    expect(syncs).toBe(17);
    expect(fake.syncLog.filter((s) => s.error)).toEqual([]);
    expect(fake.syncLog.reduce((n, s) => n + s.valueCells, 0)).toBe(cells);
    expect(Math.max(...fake.syncLog.map((s) => s.valueCells))).toBeLessThanOrEqual(CELLS_PER_READ);
    const biggest = Math.max(...fake.syncLog.map((s) => s.responseBytes));
    expect(biggest).toBeLessThan(PAYLOAD_LIMIT);
    grids.forEach((grid, i) => {
      expect(grid.name).toBe(sheets[i].name);
      expect(grid.values).toHaveLength(rows);
      expect(grid.numberFormats).toHaveLength(rows);
      expect(grid.values[rows - 1]).toEqual(sheets[i].values![rows - 1]);
      expect(grid.merges).toHaveLength(sheets[i].merges!.length);
    });
    console.info(
      `readWorkbook 3 sheets × ${rows} rows × 8: ${syncs} syncs, ` +
        `largest response ${(biggest / 1e6).toFixed(2)} MB`,
    );
  });

  it('still reads every sheet, without merges, on an Excel older than ExcelApi 1.13', async () => {
    const fake = createFakeExcel({
      sheets: [taskSheet('Nhiệm vụ', 60), KPI, { name: 'Trống' }],
      unsupported: ['Range.getMergedAreasOrNullObject'],
    });
    const { grids, syncs } = await counted(fake);
    // The contents' sync is refused once (ApiNotFound) and sent again without merges.
    expect(syncs).toBe(4);
    expect(fake.syncLog.map((s) => s.error)).toEqual([undefined, undefined, 'ApiNotFound', undefined]);
    const withMerges = await counted(threeSheets());
    expect(grids).toEqual(withMerges.grids.map((g) => ({ ...g, merges: [] })));
  });

  it('reads a batch again in halves when its text is longer than the read plan assumes', async () => {
    const long = 'Nội dung rất dài của nhiệm vụ cải cách hành chính trên địa bàn phường, '.repeat(4);
    const sheet = (name: string, rows: number): FakeSheetInit => ({
      name,
      values: Array.from({ length: rows }, (_, i) => [i + 1, ...Array.from({ length: 7 }, () => long)]),
    });
    const fake = createFakeExcel({ sheets: [sheet('Dài 1', 3_000), KPI, sheet('Dài 2', 4_000)] });
    const { grids } = await counted(fake);
    expect(fake.syncLog.filter((s) => s.error === 'ResponsePayloadSizeLimitExceeded').length).toBeGreaterThan(
      0,
    );
    expect(fake.syncLog.filter((s) => !s.error).every((s) => s.responseBytes <= PAYLOAD_LIMIT)).toBe(true);
    expect(grids.map((g) => g.values.length)).toEqual([3_000, 5, 4_000]);
    expect(grids).toEqual(await eachActive(fake, ['Dài 1', 'Chỉ tiêu, KPI', 'Dài 2']));
  });

  it('reads a batch again in halves when a sheet holds more merged areas than Excel returns at once', async () => {
    const many = taskSheet('Gộp', 2_010);
    // Every task's partner cell merged with the next column: 2,000 merges, over Excel's 512 per call.
    for (let r = 4; r < many.values!.length + 1; r++)
      if (many.values![r - 1].length === 8) many.merges!.push(`E${r}:F${r}`);
    for (const row of many.values!) if (row.length === 8) row[5] = null;
    const fake = createFakeExcel({ sheets: [KPI, many, { name: 'Trống' }] });
    const { grids } = await counted(fake);
    expect(fake.syncLog.some((s) => s.error === 'GeneralException')).toBe(true);
    expect(grids[0].merges).toEqual(['B2:G2', 'C4:G4']);
    expect(grids[1].merges).toHaveLength(many.merges!.length);
    expect(new Set(grids[1].merges).size).toBe(many.merges!.length);
    expect(grids[1].values).toHaveLength(2_010);
  });

  it('is not what readSheet does: readSheet refuses the workbook scope without calling Excel', async () => {
    const fake = threeSheets();
    await expect(fake.Excel.run((context) => readSheet(context, 'workbook'))).rejects.toThrow(/readWorkbook/);
    expect(fake.syncCount).toBe(0);
  });
});
