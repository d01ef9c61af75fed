/**
 * Reading a sheet through SpreadsheetApp: the same report as the command line gives for the same seed file, a
 * fixed number of reads whatever the number of rows, no Date crossing to the sidebar, and date cells read as the
 * spreadsheet's calendar day while the script runs in another time zone.
 */
import { join } from 'node:path';
import { checkWorkbook, type SheetGrid } from '../../../shared/src/index';
import { unpackGrid } from '../../../shared/src/hosts/gridTransfer';
import { readSheet } from '../../src/server/index';
import { runInZone } from '../../../shared/test/support/runInZone';
import { DATE_CELLS, installFake, seedGrids, sheetInit } from './support';

const OPTIONS = { today: '2025-10-15', asOf: '2025-10-15' } as const;

/** What a report says, without what only names the host (file) or varies by reading order. */
function essence(grid: SheetGrid) {
  const report = checkWorkbook([grid], OPTIONS);
  return report.sheets.map((s) => ({
    kind: s.kind,
    planYear: s.planYear,
    findings: s.findings.map((f) => [f.code, f.cell, f.message]),
    tasks: s.tasks.map((t) => [t.row, t.status, t.deadline.due]),
    kpis: s.kpis.map((k) => [k.row, k.status]),
    summary: s.summary,
  }));
}

describe.each(['seed000-tasks.xlsx', 'seed002.xlsx', 'kpi-001-004.xlsx'])(
  '%s read through Sheets',
  (file) => {
    it('gives the report the command line gives, for every sheet', async () => {
      const grids = await seedGrids(file);
      const fake = installFake({ sheets: grids.map(sheetInit) });
      for (const grid of grids) {
        (
          SpreadsheetApp.getActiveSpreadsheet().getSheetByName(
            grid.name,
          ) as GoogleAppsScript.Spreadsheet.Sheet
        ).activate();
        fake.resetLog();
        const packed = readSheet('sheet');
        // What google.script.run carries: JSON, and no Date in it.
        expect(JSON.parse(JSON.stringify(packed))).toEqual(packed);
        const read = unpackGrid(packed);
        expect(read.name).toBe(grid.name);
        expect(essence(read)).toEqual(essence(grid));
        expect(
          fake.count((c) => /^Range\.get(Values|NumberFormats|MergedRanges|DisplayValues)$/.test(c)),
        ).toBe(3);
      }
    });
  },
);

describe('date cells', () => {
  it('read as the day the user typed in a Hà Nội spreadsheet, whatever zone this machine is in', () => {
    installFake({ timeZone: 'Asia/Ho_Chi_Minh', sheets: [DATE_CELLS] });
    const packed = readSheet('sheet');
    expect(JSON.stringify(packed)).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    const report = checkWorkbook([unpackGrid(packed)], { today: '2025-07-15', asOf: '2025-07-15' });
    const tasks = report.sheets[0].tasks;
    expect(tasks.map((t) => t.deadline.due)).toEqual(['2025-06-30', '2025-09-30', '2025-12-31']);
    expect(tasks.map((t) => t.status)).toEqual(['overdue', 'pending', 'pending']);
    // Messages show the day as dd/mm/yyyy.
    expect(report.sheets[0].findings.find((f) => f.code === 'task/overdue')?.message).toContain('30/06/2025');
  });

  // A process of its own per zone: TZ is read by the process, and Jest's process.env is a copy per test file.
  it.each([
    ['America/Los_Angeles', 420],
    ['Asia/Ho_Chi_Minh', -420],
    ['UTC', 0],
  ])('read so while the script runs in %s', (zone, offset) => {
    expect(runInZone(join(__dirname, 'zoneProbe.ts'), zone)).toEqual({
      zone: expect.any(String),
      offset,
      dues: ['2025-06-30', '2025-09-30', '2025-12-31'],
    });
  });
});

describe('the selection', () => {
  it('reads only the part of the selection that holds values, with its origin', () => {
    installFake({
      sheets: [
        {
          name: 'A',
          values: [
            ['x', 'y', 'z'],
            [1, 2, 3],
            [4, 5, 6],
          ],
          merges: ['A1:B1'],
        },
      ],
      selection: 'B2:C1000',
    });
    const packed = readSheet('selection');
    expect(packed.origin).toEqual({ row: 2, column: 2 });
    expect(packed.values).toEqual([
      [2, 3],
      [5, 6],
    ]);
    expect(packed.merges).toEqual([]);
  });

  it('gives an empty grid for a selection outside the values, and for an empty sheet', () => {
    installFake({ sheets: [{ name: 'A', values: [['x']] }], selection: 'D4:E9' });
    expect(readSheet('selection').values).toEqual([]);
    installFake({ sheets: [{ name: 'Trống', values: [] }] });
    const empty = readSheet('sheet');
    expect(empty.values).toEqual([]);
    expect(checkWorkbook([unpackGrid(empty)], OPTIONS).findings.map((f) => f.code)).toEqual([
      'table/not-found',
    ]);
  });
});

describe('budget', () => {
  function taskSheet(rows: number) {
    const values: (string | number)[][] = [
      ['DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025', '', '', '', ''],
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Tiến độ'],
      ['I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', '', '', ''],
    ];
    for (let i = 1; i <= rows; i++)
      values.push([i, `Nhiệm vụ số ${i}`, 'Văn phòng HĐND và UBND', 'Quý III', i % 3 ? 'Đã hoàn thành' : '']);
    return { name: 'Nhiệm vụ', values, merges: ['A1:E1', 'B3:E3'] };
  }

  it('reads 100, 10,000 or 50,000 rows with the same calls, three of them reads', () => {
    const counts = [100, 10_000, 50_000].map((rows) => {
      const fake = installFake({ sheets: [taskSheet(rows)] });
      fake.resetLog();
      const packed = readSheet('sheet');
      expect(packed.values).toHaveLength(rows + 3);
      const reads = fake.log.filter((c) =>
        /^Range\.get(Values|NumberFormats|MergedRanges|DisplayValues)$/.test(c),
      );
      return { all: fake.log.slice(), reads };
    });
    for (const c of counts)
      expect(c.reads).toEqual(['Range.getValues', 'Range.getNumberFormats', 'Range.getMergedRanges']);
    expect(counts[1].all).toEqual(counts[0].all);
    expect(counts[2].all).toEqual(counts[0].all);
    expect(counts[0].all.length).toBeLessThanOrEqual(16);
  });

  it('sends each number format once: 10,000 rows cross as a payload of about 0.7 MB', () => {
    installFake({ sheets: [taskSheet(10_000)] });
    const bytes = Buffer.byteLength(JSON.stringify(readSheet('sheet')));
    // Recorded in the README ("what google.script.run carries"); a regression would double it.
    expect(bytes).toBeLessThan(1_000_000);
    expect(bytes).toBeGreaterThan(300_000);
  });
});
