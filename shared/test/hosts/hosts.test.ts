import { groupHighlights } from '../../src/hosts/highlightRanges';
import { planBatches, planReads } from '../../src/hosts/readPlan';
import { planSheetWrite } from '../../src/hosts/templatePlan';
import { buildTemplate } from '../../src/templates/build';

describe('groupHighlights', () => {
  it('joins neighbouring cells of a column and groups by sheet and kind', () => {
    const groups = groupHighlights([
      { sheet: 'A', cell: 'E8', kind: 'missed' },
      { sheet: 'A', cell: 'E7', kind: 'missed' },
      { sheet: 'A', cell: 'E9', kind: 'missed' },
      { sheet: 'A', cell: 'E11', kind: 'missed' },
      { sheet: 'A', cell: 'B3', kind: 'missed' },
      { sheet: 'A', cell: 'AA3', kind: 'error' },
      { sheet: 'B', cell: 'C2', kind: 'met' },
    ]);
    expect(groups).toEqual([
      { sheet: 'A', kind: 'missed', addresses: ['B3,E7:E9,E11'] },
      { sheet: 'A', kind: 'error', addresses: ['AA3'] },
      { sheet: 'B', kind: 'met', addresses: ['C2'] },
    ]);
  });

  it('cuts long lists into addresses under the limit', () => {
    const cells = Array.from({ length: 3000 }, (_, i) => ({
      sheet: 'S',
      cell: `${i % 2 ? 'D' : 'F'}${i * 3 + 1}`,
      kind: 'error' as const,
    }));
    const [group] = groupHighlights(cells, 1000);
    expect(group.addresses.length).toBeGreaterThan(10);
    for (const a of group.addresses) expect(a.length).toBeLessThanOrEqual(1000);
    expect(group.addresses.join(',').split(',')).toHaveLength(3000);
  });
});

describe('planReads', () => {
  it('reads a small sheet at once and a large one in chunks under the budget', () => {
    expect(planReads(100, 8)).toEqual([{ rowOffset: 0, rowCount: 100 }]);
    expect(planReads(10_000, 8)).toEqual([{ rowOffset: 0, rowCount: 10_000 }]);
    const big = planReads(100_000, 8);
    expect(big).toHaveLength(10);
    expect(big.reduce((n, c) => n + c.rowCount, 0)).toBe(100_000);
    expect(big[9]).toEqual({ rowOffset: 90_000, rowCount: 10_000 });
    expect(planReads(0, 5)).toEqual([]);
  });
});

describe('planSheetWrite', () => {
  it('lays a template sheet out as one block of contents and one batch per style', () => {
    const sheet = buildTemplate(['tasks'], { lang: 'vi', year: 2026, unit: 'Phường 5' }).sheets[0];
    const plan = planSheetWrite(sheet);
    expect(plan.address).toBe('A1:H37');
    expect(plan.formulas[7]).toEqual([
      'STT',
      'Nhiệm vụ',
      'Sản phẩm',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Thời gian hoàn thành',
      'Tiến độ',
      'Kết quả / Ghi chú',
    ]);
    expect(plan.formulas[9][0]).toBe('=IF(B10="","",COUNTA(B$10:B10))');
    expect(String(plan.formulas[36][0])).toMatch(/^="Tổng cộng: "&COUNT\(A9:A36\)/);
    const header = plan.styles.find((s) => s.style.fill === '#D9E2F3')!;
    expect(header.addresses).toEqual(['A8:H8']);
    // One formatting call per style, not per cell.
    const calls = plan.styles.reduce((n, s) => n + s.addresses.length, 0);
    expect(calls).toBeLessThanOrEqual(Object.keys(sheet.styles).length);
    const covered = plan.styles.flatMap((s) => s.addresses.join(',').split(','));
    expect(covered).toContain('A10:A12');
  });
});

describe('planBatches', () => {
  const box = (rows: number, columns: number) => ({ row: 0, column: 0, rows, columns });

  it('puts small boxes in one batch and cuts large ones where the budget ends', () => {
    expect(planBatches([box(100, 8), box(20, 6), box(0, 3)], 1_000)).toEqual([
      [
        { target: 0, rowOffset: 0, rowCount: 100 },
        { target: 1, rowOffset: 0, rowCount: 20 },
      ],
    ]);
    expect(planBatches([box(100, 8), box(100, 8)], 1_000)).toEqual([
      [
        { target: 0, rowOffset: 0, rowCount: 100 },
        { target: 1, rowOffset: 0, rowCount: 25 },
      ],
      [{ target: 1, rowOffset: 25, rowCount: 75 }],
    ]);
  });

  it('reads a row wider than the budget alone, and one box as planReads chunks it', () => {
    expect(planBatches([box(2, 10), box(2, 3_000), box(1, 10)], 1_000)).toEqual([
      [{ target: 0, rowOffset: 0, rowCount: 2 }],
      [{ target: 1, rowOffset: 0, rowCount: 1 }],
      [{ target: 1, rowOffset: 1, rowCount: 1 }],
      [{ target: 2, rowOffset: 0, rowCount: 1 }],
    ]);
    expect(planBatches([box(100_000, 8)]).map((b) => b.map((p) => p.rowCount))).toEqual(
      Array.from({ length: 10 }, () => [10_000]),
    );
  });
});
