/** Layouts of issue 8, item 1: area and group rows whose title sits in the STT cell, merged across or not. */
import { checkWorkbook } from '../../src/index';
import { pastedKpiTable, pastedTaskList } from '../fixtures/pastedLayouts';

const AS_OF = { today: '2025-07-15', asOf: '2025-07-15' };

describe('a task list whose area titles sit in the STT cell', () => {
  const sheet = checkWorkbook([pastedTaskList()], AS_OF).sheets[0];

  it('reads every area, in capitals, title case, without a numeral, merged or not', () => {
    expect(sheet.kind).toBe('tasks');
    expect(sheet.summary.byArea.map((a) => [a.area, a.tasks])).toEqual([
      ['I', 2],
      ['II', 1],
      ['III', 2],
      ['IV', 1],
      ['V', 1],
      ['VI', 2],
      ['VII', 3],
    ]);
    expect(sheet.summary.tasks.total).toBe(12);
    expect(sheet.tasks.every((t) => t.area !== null)).toBe(true);
  });

  it('finds no error: the areas are all there and the total row agrees', () => {
    const codes = sheet.findings.map((f) => `${f.code} ${f.cell}`);
    expect(sheet.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(codes.filter((c) => /^area\/|count-mismatch|row\/number/.test(c))).toEqual([]);
    // Due by 15/07 and not marked done (the table has no progress column): Tháng 01, 30/6, Quý II, Quý I.
    expect(codes).toEqual(['task/overdue F8', 'task/overdue F14', 'task/overdue F16', 'task/overdue F20']);
  });
});

describe('a KPI table whose group rows sit in the STT cell', () => {
  const sheet = checkWorkbook([pastedKpiTable()], AS_OF).sheets[0];

  it('reads the indicators and not the group rows, scoring each', () => {
    expect(sheet.kind).toBe('kpis');
    expect(sheet.kpis.map((k) => [k.number, k.status])).toEqual([
      ['1', 'met'],
      ['2', 'met'],
      ['3.1', 'missed'],
      ['3.2', 'no-data'],
    ]);
    expect(sheet.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(sheet.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(['kpi/target-missed D7']);
  });
});
