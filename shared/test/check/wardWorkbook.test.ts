/** Issue 8, item 6: a workbook as wards keep it, the plan's text first, then Phụ lục 1 (KPIs), Phụ lục 2 (tasks). */
import { checkWorkbook } from '../../src/index';
import { coverSheet, pastedKpiTable, pastedTaskList } from '../fixtures/pastedLayouts';

describe('cover sheet, Phụ lục 1, Phụ lục 2', () => {
  const report = checkWorkbook([coverSheet(), pastedKpiTable(), pastedTaskList()], {
    today: '2025-07-15',
    asOf: '2025-07-15',
  });

  it('gives each sheet its kind', () => {
    expect(report.sheets.map((s) => [s.name, s.kind])).toEqual([
      ['Kế hoạch', 'none'],
      ['Phụ lục 1', 'kpis'],
      ['Phụ lục 2', 'tasks'],
    ]);
  });

  it('finds nothing on the cover sheet and no error anywhere', () => {
    expect(report.sheets[0].findings).toEqual([]);
    expect(report.findings).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.sheets[1].kpis).toHaveLength(4);
    expect(report.sheets[2].tasks).toHaveLength(12);
  });
});
