/** Issue 8, items 2 and 3: start and end columns under one date heading; deadlines typed as date cells. */
import { checkWorkbook, reportSchema } from '../../src/index';
import { startEndTaskList } from '../fixtures/pastedLayouts';

const JULY = { today: '2025-07-15', asOf: '2025-07-15' };

describe.each([
  [['Bắt đầu', 'Hoàn thành'], 'Thời gian thực hiện'],
  [['Từ ngày', 'Đến ngày'], 'Thời gian'],
  [['Khởi động', 'Kết thúc'], 'Thời hạn'],
] as [[string, string], string][])('"%s" under "%s"', (parts, top) => {
  const report = checkWorkbook([startEndTaskList(parts, top)], JULY);
  const sheet = report.sheets[0];

  it('takes the end column as the deadline and keeps the start on the task', () => {
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(sheet.columns.deadline).toBe('E');
    expect(sheet.columns.start).toBe('D');
    expect(sheet.tasks.map((t) => [t.deadline.due, t.start, t.status])).toEqual([
      ['2025-09-30', '2025-03-31', 'pending'],
      ['2025-09-30', '2025-03-01', 'pending'],
      ['2025-09-30', '2025-03-15', 'pending'],
      ['2025-06-30', '2025-06-01', 'done'],
    ]);
  });

  it('reports the lower header row as the header row, and finds nothing wrong in July', () => {
    expect(sheet.headerRow).toBe(3);
    expect(sheet.findings.filter((f) => f.code !== 'area/missing')).toEqual([]);
  });

  it('calls a task overdue only once its end has passed, with the day as dd/mm/yyyy', () => {
    const october = checkWorkbook([startEndTaskList(parts, top)], {
      today: '2025-10-01',
      asOf: '2025-10-01',
    });
    const overdue = october.sheets[0].findings.filter((f) => f.code === 'task/overdue');
    expect(overdue.map((f) => [f.cell, f.message])).toEqual([
      ['E5', 'Quá hạn: hạn 30/09/2025, đến ngày 01/10/2025 chưa hoàn thành.'],
      ['E6', 'Quá hạn: hạn 30/09/2025, đến ngày 01/10/2025 chưa hoàn thành.'],
      ['E7', 'Quá hạn: hạn 30/09/2025, đến ngày 01/10/2025 chưa hoàn thành.'],
    ]);
  });
});

describe('the same heading without its merge (lost when the table was pasted)', () => {
  it('still takes the end column as the deadline', () => {
    const grid = startEndTaskList();
    grid.merges = grid.merges.filter((m) => m !== 'D2:E2');
    const sheet = checkWorkbook([grid], JULY).sheets[0];
    expect([sheet.columns.start, sheet.columns.deadline, sheet.headerRow]).toEqual(['D', 'E', 3]);
    expect(sheet.tasks.map((t) => t.status)).toEqual(['pending', 'pending', 'pending', 'done']);
  });
});
