import { CELLS_PER_READ, planReads } from '../../../shared/src/hosts/readPlan';
import { readSheet } from '../../src/host/excelHost';
import { createFakeExcel, PAYLOAD_LIMIT } from '../fakeExcel';
import { countSyncs, taskSheet } from './support';

describe('readSheet', () => {
  const fake = () =>
    createFakeExcel({
      sheets: [
        {
          name: 'Phụ lục 1, 2',
          origin: 'C4',
          values: [
            ['DANH MỤC NHIỆM VỤ NĂM 2025', null, null],
            ['STT', 'Nhiệm vụ', 'Kết quả'],
            ['I', 'CÔNG TÁC CHỈ ĐẠO', null],
            [1, 'Ban hành kế hoạch', 0.92],
          ],
          numberFormats: [[], [], [], [null, null, '0%']],
          merges: ['C4:E4', 'D6:E6'],
          selection: 'D6:E8',
        },
        { name: 'Trống' },
      ],
    });

  it('returns the used range with values, number formats, merges and its origin', async () => {
    const f = fake();
    const grid = await f.Excel.run((context) => readSheet(context, 'sheet'));
    expect(grid).toEqual({
      name: 'Phụ lục 1, 2',
      values: [
        ['DANH MỤC NHIỆM VỤ NĂM 2025', '', ''],
        ['STT', 'Nhiệm vụ', 'Kết quả'],
        ['I', 'CÔNG TÁC CHỈ ĐẠO', ''],
        [1, 'Ban hành kế hoạch', 0.92],
      ],
      numberFormats: [
        ['General', 'General', 'General'],
        ['General', 'General', 'General'],
        ['General', 'General', 'General'],
        ['General', 'General', '0%'],
      ],
      // A sheet name with a comma does not split the merges list.
      merges: ['C4:E4', 'D6:E6'],
      origin: { row: 4, column: 3 },
    });
    expect(f.syncCount).toBe(2);
  });

  it('reads only the part of the selection that holds values', async () => {
    const f = fake();
    const grid = await f.Excel.run((context) => readSheet(context, 'selection'));
    expect(grid.origin).toEqual({ row: 6, column: 4 });
    expect(grid.values).toEqual([
      ['CÔNG TÁC CHỈ ĐẠO', ''],
      ['Ban hành kế hoạch', 0.92],
    ]);
    expect(grid.merges).toEqual(['D6:E6']);
  });

  it('turns a whole-column selection into the used rows of that column', async () => {
    const f = createFakeExcel({ sheets: [{ ...taskSheet('S', 20), selection: 'B:B' }] });
    const grid = await f.Excel.run((context) => readSheet(context, 'selection'));
    expect(grid.values).toHaveLength(20);
    expect(grid.values.every((row) => row.length === 1)).toBe(true);
    expect(f.syncLog.every((s) => s.responseBytes < 100_000)).toBe(true);
  });

  it('gives an empty grid, not an error, for a blank sheet or a selection outside the table', async () => {
    const f = createFakeExcel({ sheets: [{ name: 'Trống', selection: 'B2' }] });
    await expect(f.Excel.run((context) => readSheet(context, 'sheet'))).resolves.toMatchObject({
      name: 'Trống',
      values: [],
    });
    const g = createFakeExcel({ sheets: [{ name: 'S', values: [['a']], selection: 'K10:L12' }] });
    const grid = await g.Excel.run((context) => readSheet(context, 'selection'));
    expect(grid).toMatchObject({ values: [], origin: { row: 10, column: 11 } });
    expect(f.syncCount).toBe(1);
  });

  it('still reads, without merges, on an Excel older than ExcelApi 1.13', async () => {
    const f = createFakeExcel({
      sheets: [taskSheet('S', 10)],
      unsupported: ['Range.getMergedAreasOrNullObject'],
    });
    const grid = await f.Excel.run((context) => readSheet(context, 'sheet'));
    expect(grid.values).toHaveLength(10);
    expect(grid.merges).toEqual([]);
  });

  it('reads a chunk again in halves when its text is longer than the read plan assumes', async () => {
    const long = 'Nội dung rất dài của nhiệm vụ cải cách hành chính trên địa bàn phường, '.repeat(4);
    const rows = 10_000;
    const values = Array.from({ length: rows }, (_, i) => [i + 1, ...Array.from({ length: 7 }, () => long)]);
    const f = createFakeExcel({ sheets: [{ name: 'Dài', values }] });
    const grid = await f.Excel.run((context) => readSheet(context, 'sheet'));
    expect(grid.values).toHaveLength(rows);
    expect(grid.values[rows - 1][0]).toBe(rows);
    expect(f.syncLog.filter((s) => s.error === 'ResponsePayloadSizeLimitExceeded').length).toBeGreaterThan(0);
    expect(f.syncLog.filter((s) => !s.error).every((s) => s.responseBytes <= PAYLOAD_LIMIT)).toBe(true);
  });

  it('reads a chunk again in halves when it holds more merged areas than Excel returns at once', async () => {
    const sheet = taskSheet('Gộp', 2_010);
    // Every task's partner cell merged with the next column: 2,000 merges, over Excel's 512 per call.
    for (let r = 4; r < sheet.values!.length + 1; r++)
      if (sheet.values![r - 1].length === 8) sheet.merges!.push(`E${r}:F${r}`);
    for (const row of sheet.values!) if (row.length === 8) row[5] = null;
    const f = createFakeExcel({ sheets: [sheet] });
    const grid = await f.Excel.run((context) => readSheet(context, 'sheet'));
    expect(grid.merges).toHaveLength(sheet.merges!.length);
    expect(new Set(grid.merges).size).toBe(grid.merges!.length);
  });
});

describe('readSheet sync budget (counting wrapper)', () => {
  it.each([100, 10_000, 100_000])('%i rows × 8 columns', async (rows) => {
    const sheet = taskSheet('Nhiệm vụ', rows);
    const f = createFakeExcel({ sheets: [sheet] });
    const height = sheet.values!.length;
    expect(height).toBe(rows);
    const chunks = planReads(height, 8).length;
    let syncs = 0;
    const grid = await f.Excel.run(async (context) => {
      const counter = countSyncs(context);
      const g = await readSheet(context, 'sheet');
      syncs = counter.count;
      return g;
    });
    expect(grid.values).toHaveLength(height);
    expect(grid.values[height - 1]).toEqual(sheet.values![height - 1]);
    if (height * 8 <= CELLS_PER_READ) expect(syncs).toBeLessThanOrEqual(2);
    else expect(syncs).toBe(1 + chunks);
    expect(f.syncCount).toBe(syncs);
    // Never a 5 MB failure on sheets like real ones.
    expect(f.syncLog.filter((s) => s.error)).toEqual([]);
    const biggest = Math.max(...f.syncLog.map((s) => s.responseBytes));
    expect(biggest).toBeLessThan(PAYLOAD_LIMIT);
    // Reported in the hand-back: syncs and the largest response per read.
    console.info(
      `readSheet ${rows} rows × 8: ${syncs} syncs, largest response ${(biggest / 1e6).toFixed(2)} MB`,
    );
  });
});
