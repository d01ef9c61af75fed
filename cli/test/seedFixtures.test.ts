/**
 * The real plans, transcribed into .xlsx with their layout (cli/test/fixtures/README.md lists every row), read
 * by the command line's exceljs adapter and checked by the core: exact findings, statuses and counts.
 */
import { join } from 'node:path';
import { checkWorkbook, reportSchema, type Report, type SheetReport } from '../../shared/src/index';
import { readWorkbook } from '../src/xlsx/readWorkbook';

const fixture = (name: string) => join(__dirname, 'fixtures', name);

async function check(name: string, asOf: string, lang: 'vi' | 'en' = 'vi'): Promise<Report> {
  const report = checkWorkbook(await readWorkbook(fixture(name)), { file: name, asOf, lang });
  expect(reportSchema.safeParse(report).success).toBe(true);
  return report;
}

const codes = (sheet: SheetReport) => sheet.findings.map((f) => `${f.code} ${f.cell}`);
const statusOf = (sheet: SheetReport, row: number) => sheet.tasks.find((t) => t.row === row)?.status;

describe('seed 000 (Phường 5): task appendix, numbers leading the text, numbering restarting per area', () => {
  let sheet: SheetReport;
  let report: Report;
  beforeAll(async () => {
    report = await check('seed000-tasks.xlsx', '2025-07-01');
    sheet = report.sheets[0];
  });

  it('finds the table under the title rows and reads the plan year from the title', () => {
    expect(sheet).toMatchObject({ name: 'Phụ lục', kind: 'tasks', headerRow: 5, planYear: 2025 });
    expect(sheet.columns).toEqual({ task: 'A', lead: 'B', partner: 'C', approval: 'D', deadline: 'E' });
  });

  it('reports exactly the real defects and the tasks overdue on 01/07/2025', () => {
    expect(codes(sheet)).toEqual([
      'task/overdue E7',
      'task/overdue E8',
      'task/overdue E22',
      'row/number-missing A34',
      'task/overdue E34',
      'cell/required E39',
    ]);
    expect(report.valid).toBe(false);
  });

  it('reads 35 tasks, skipping the five repeated headers, with per-area counts', () => {
    expect(sheet.tasks).toHaveLength(35);
    expect(sheet.summary.byArea.map((a) => [a.area, a.tasks, a.overdue])).toEqual([
      ['I', 9, 2],
      ['II', 3, 0],
      ['III', 9, 1],
      ['IV', 1, 1],
      ['V', 2, 0],
      ['VI', 5, 0],
      ['VII', 6, 0],
    ]);
    expect(sheet.summary.tasks).toEqual({ total: 35, done: 0, overdue: 4, pending: 12, ongoing: 19 });
  });

  it('understands each kind of deadline the plan uses', () => {
    const byRow = (row: number) => sheet.tasks.find((t) => t.row === row)!;
    expect(byRow(7)).toMatchObject({
      number: '1',
      area: 'I',
      lead: 'Công chức VP-TK',
      deadline: { kind: 'date', due: '2025-02-28' },
    });
    expect(byRow(7).text).toBe('Triển khai kế hoạch thực hiện nhiệm vụ CCHC Năm 2025');
    expect(byRow(9).deadline).toMatchObject({ kind: 'external', due: null });
    expect(byRow(11).deadline).toMatchObject({ kind: 'date', due: '2025-12-31' });
    expect(byRow(14).deadline).toMatchObject({ kind: 'date', due: '2025-09-30' });
    expect(byRow(16).deadline.kind).toBe('external');
    expect(byRow(20).deadline.kind).toBe('recurring');
    expect(byRow(46).deadline.kind).toBe('external');
    expect(statusOf(sheet, 14)).toBe('pending');
    expect(statusOf(sheet, 18)).toBe('ongoing');
  });

  it('speaks English on request', async () => {
    const en = await check('seed000-tasks.xlsx', '2025-07-01', 'en');
    expect(en.sheets[0].findings.find((f) => f.cell === 'E39')?.message).toBe('The deadline cell is empty.');
    expect(sheet.findings.find((f) => f.cell === 'E39')?.message).toBe(
      'Ô "Thời gian hoàn thành" đang trống.',
    );
  });
});

describe('seed 002 (An Nhơn Đông): KPI appendix with a two-row header and the task appendix', () => {
  let kpis: SheetReport;
  let tasks: SheetReport;
  beforeAll(async () => {
    const report = await check('seed002.xlsx', '2025-10-01');
    [kpis, tasks] = report.sheets;
  });

  it('reads the two-row header under "Trách nhiệm cụ thể"', () => {
    expect(kpis).toMatchObject({ kind: 'kpis', headerRow: 9, planYear: 2025 });
    expect(kpis.columns).toEqual({ number: 'A', indicator: 'B', target: 'C', monitor: 'D', executor: 'E' });
  });

  it('reports the empty targets of 1.1–1.3, the second "1.4" and the unmeasurable target', () => {
    expect(codes(kpis)).toEqual([
      'header/no-actual-column C9',
      'cell/required C11',
      'cell/required C12',
      'cell/required C13',
      'row/number-duplicate A17',
      'kpi/target-unmeasurable C25',
    ]);
  });

  it('tells group rows from indicators, including the un-numbered ones under 7.2', () => {
    expect(kpis.kpis).toHaveLength(28);
    expect(kpis.kpis.filter((k) => k.number === null)).toHaveLength(14);
    expect(kpis.kpis.map((k) => k.row)).not.toEqual(expect.arrayContaining([10, 20, 28, 32]));
    const k31 = kpis.kpis.find((k) => k.number === '3.1')!;
    expect(k31.targets.map((t) => [t.op, t.value, t.unit])).toEqual([
      ['>=', 100, '%'],
      ['>=', 20, '%'],
    ]);
    expect(kpis.kpis.find((k) => k.number === '5')!.targets).toMatchObject([
      { op: '>', value: 90, unit: '%' },
    ]);
    expect(kpis.summary.kpis).toEqual({ total: 28, met: 0, missed: 0, noData: 24, unmeasurable: 4 });
    expect(kpis.summary.byArea.map((a) => [a.area, a.kpis.total])).toEqual([
      ['1', 6],
      ['2', 1],
      ['3', 2],
      ['4', 1],
      ['5', 1],
      ['6', 1],
      ['7', 16],
    ]);
  });

  it('reads the running numbering 1…27 and the multi-milestone deadlines of the task appendix', () => {
    expect(tasks).toMatchObject({ kind: 'tasks', headerRow: 8 });
    expect(tasks.tasks.map((t) => t.number)).toEqual(Array.from({ length: 27 }, (_, i) => String(i + 1)));
    expect(codes(tasks)).toEqual([
      'task/overdue F12',
      'task/overdue F13',
      'task/overdue F31',
      'task/overdue F45',
    ]);
    const first = tasks.tasks[0];
    expect(first.deadline).toMatchObject({ kind: 'date', due: '2025-12-31' });
    expect(tasks.tasks[1].deadline.due).toBe('2025-11-30');
    expect(tasks.tasks[6].deadline).toMatchObject({ kind: 'date', due: '2025-12-31' });
    expect(tasks.summary.byArea.map((a) => a.tasks)).toEqual([8, 3, 4, 3, 3, 3, 3]);
  });
});

describe('KPI sheet built from the targets of seeds 001 and 004, with chosen results', () => {
  let sheet: SheetReport;
  beforeAll(async () => {
    sheet = (await check('kpi-001-004.xlsx', '2025-12-31')).sheets[0];
  });

  it('scores every indicator as its result deserves', () => {
    expect(sheet.kpis.map((k) => [k.number, k.status, k.actuals])).toEqual([
      ['1', 'unmeasurable', []],
      ['2', 'met', [100]],
      ['3', 'met', [2]],
      ['4', 'met', [100]],
      ['5', 'met', [95.5]],
      ['6', 'met', [88, 65]],
      ['7', 'met', [85]],
      ['8', 'missed', [94.5]],
      ['9', 'met', [12]],
      ['10', 'met', [1.2, 1.5]],
      ['11', 'missed', [90]],
      ['12', 'missed', [92]],
      ['13', 'no-data', []],
      ['14', 'no-data', []],
      ['15', 'met', [120]],
      ['16', 'met', [60]],
    ]);
    expect(sheet.summary.kpis).toEqual({ total: 16, met: 10, missed: 3, noData: 2, unmeasurable: 1 });
  });

  it('reports the missed targets, the unreadable and the out-of-range result', () => {
    expect(codes(sheet)).toEqual([
      'kpi/target-unmeasurable C6',
      'kpi/target-missed D15',
      'kpi/target-missed D20',
      'kpi/target-missed D22',
      'kpi/actual-unparseable D25',
      'kpi/actual-out-of-range D26',
    ]);
    expect(sheet.findings.find((f) => f.cell === 'D20')?.message).toBe(
      'Chưa đạt chỉ tiêu: kết quả 90%, chỉ tiêu > 90%.',
    );
  });
});

describe('the bundled demo sample', () => {
  it('catches the total row that declares one task too many', async () => {
    const report = await check('sample-appendix.xlsx', '2025-10-15');
    const tasks = report.sheets[0];
    expect(tasks.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.cell}`)).toEqual([
      'table/count-mismatch A51',
    ]);
    expect(tasks.summary.tasks).toEqual({ total: 35, done: 8, overdue: 2, pending: 7, ongoing: 18 });
  });
});
