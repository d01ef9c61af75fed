import { planSheetWrite } from '../../src/hosts/templatePlan';
import {
  asTypedText,
  columnWidthRuns,
  numberFormatBlock,
  rowHeightRuns,
  typedContents,
} from '../../src/hosts/templateLayout';
import { buildTemplate } from '../../src/templates/build';

describe('size runs', () => {
  it('groups equal neighbouring columns and rows', () => {
    expect(columnWidthRuns([6, 48, 26, 26, 6])).toEqual([
      { from: 1, to: 1, size: 6 },
      { from: 2, to: 2, size: 48 },
      { from: 3, to: 4, size: 26 },
      { from: 5, to: 5, size: 6 },
    ]);
    expect(rowHeightRuns({ '12': 32, '10': 32, '11': 32, '13': 20, '15': 20 })).toEqual([
      { from: 10, to: 12, size: 32 },
      { from: 13, to: 13, size: 20 },
      { from: 15, to: 15, size: 20 },
    ]);
  });
});

describe('asTypedText', () => {
  it('protects text a spreadsheet would turn into a number, date or formula', () => {
    for (const t of ['100%', '1.4', '1,5', '12/02/2026', '7:30', 'TRUE', '- gạch đầu dòng', '+1', "'quoted"])
      expect(asTypedText(t, false)).toBe(`'${t}`);
    for (const t of ['Tối thiểu 80%', 'Quý III', '36/KH-UBND', 'Đã hoàn thành', '1. Nhiệm vụ', ''])
      expect(asTypedText(t, false)).toBe(t);
    expect(asTypedText('=COUNT(A9:A36)', true)).toBe('=COUNT(A9:A36)');
    expect(asTypedText(3, false)).toBe(3);
  });
});

describe('template blocks', () => {
  const kpis = buildTemplate(['kpis'], { lang: 'vi', year: 2026, unit: 'Phường 5', exampleTargets: true })
    .sheets[0];
  const plan = planSheetWrite(kpis);

  it('gives number formats in the shape of the contents block', () => {
    const block = numberFormatBlock(kpis, plan);
    expect(block).toHaveLength(plan.rows);
    expect(block[0]).toHaveLength(plan.columns);
    expect(block[9][0]).toBe('0'); // a KPI number cell
    expect(block[0][0]).toBe('General');
  });

  it('keeps example targets such as "100%" as text and formulas as formulas', () => {
    const contents = typedContents(kpis, plan);
    const targets = contents.map((r) => r[2]).filter((v) => typeof v === 'string' && v.includes('100%'));
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) expect(t).toBe("'100%");
    const tasks = buildTemplate(['tasks'], { lang: 'vi', year: 2026, unit: 'Phường 5' }).sheets[0];
    const tplan = planSheetWrite(tasks);
    expect(typedContents(tasks, tplan)[9][0]).toBe('=IF(B10="","",COUNTA(B$10:B10))');
  });
});
