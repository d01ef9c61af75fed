/**
 * Hand-built reports, typed by the schema, for the hosts' tests: a task list whose first area has numbered
 * sub-groups ("1. Xây dựng, ban hành văn bản chỉ đạo …" over tasks 1.1, 1.2) and ends at its total row, and a KPI
 * table with two result columns whose last area has groups 7.1 and 7.2 and which ends before the signature block.
 * Shared by the display model's, the pane's and the text report's tests.
 */
import type {
  AreaSummary,
  GroupSummary,
  Kpi,
  KpiCounts,
  Report,
  SheetReport,
  Task,
  TaskStatus,
} from '../../src/report/schema';

const NO_KPIS: KpiCounts = { total: 0, met: 0, missed: 0, noData: 0, unmeasurable: 0 };

function task(row: number, number: string, area: string, group: string | null, status: TaskStatus): Task {
  return {
    row,
    number,
    area,
    group,
    text: `Nhiệm vụ ${number}`,
    lead: 'Công chức Văn phòng - Thống kê',
    deadline: { text: 'Quý II', kind: 'date', due: '2025-06-30', milestones: ['2025-06-30'] },
    progress: status === 'done' ? 'Đã hoàn thành' : '',
    status,
  };
}

export const GROUP_1 = 'Xây dựng, ban hành văn bản chỉ đạo, điều hành';
export const GROUP_2 = 'Tuyên truyền cải cách hành chính';

const taskGroups: GroupSummary[] = [
  { number: '1', name: GROUP_1, row: 8, tasks: 2, done: 1, overdue: 1, kpis: NO_KPIS },
  { number: '2', name: GROUP_2, row: 11, tasks: 1, done: 0, overdue: 0, kpis: NO_KPIS },
];

const taskAreas: AreaSummary[] = [
  {
    area: 'I',
    name: 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
    tasks: 3,
    done: 1,
    overdue: 1,
    kpis: NO_KPIS,
    groups: taskGroups,
  },
  { area: 'II', name: 'CẢI CÁCH THỂ CHẾ', tasks: 1, done: 0, overdue: 0, kpis: NO_KPIS, groups: [] },
];

/** Header on row 5, "(1) (2) … (5)" on row 6, the table from row 7 to its total row, row 15. */
export const TASK_SHEET: SheetReport = {
  name: 'Nhiệm vụ',
  kind: 'tasks',
  headerRow: 5,
  planYear: 2025,
  asOf: '2025-09-14',
  columns: { number: 'A', task: 'B', lead: 'C', deadline: 'D', progress: 'E' },
  findings: [
    {
      code: 'task/overdue',
      severity: 'warning',
      sheet: 'Nhiệm vụ',
      cell: 'D10',
      row: 10,
      message: 'Quá hạn: hạn 30/06/2025, đến ngày 14/09/2025 chưa hoàn thành.',
    },
  ],
  table: {
    firstRow: 7,
    lastRow: 15,
    columnNumberRow: 6,
    end: 'total',
    endRow: 15,
    endText: 'Tổng cộng: 4 nhiệm vụ',
  },
  resultColumns: [],
  tasks: [
    task(9, '1.1', 'I', '1', 'done'),
    task(10, '1.2', 'I', '1', 'overdue'),
    task(12, '2.1', 'I', '2', 'pending'),
    task(14, '1', 'II', null, 'ongoing'),
  ],
  kpis: [],
  summary: {
    byArea: taskAreas,
    tasks: { total: 4, done: 1, overdue: 1, pending: 1, ongoing: 1 },
    kpis: NO_KPIS,
  },
};

function kpi(
  row: number,
  number: string | null,
  group: string,
  status: Kpi['status'],
  actual: number | null,
): Kpi {
  return {
    row,
    number,
    area: 'VII',
    group,
    indicator: `Chỉ tiêu ở dòng ${row}`,
    targets: status === 'unmeasurable' ? [] : [{ text: 'Tối thiểu 80%', op: '>=', value: 80, unit: '%' }],
    actual,
    actuals: actual === null ? [] : [actual],
    status,
    resultColumn: 'E',
    estimate: false,
  };
}

export const KPI_GROUP_1 = 'Hạ tầng số';
export const KPI_GROUP_2 = 'Dịch vụ công trực tuyến';

const counts = (met: number, missed: number, noData: number, unmeasurable: number): KpiCounts => ({
  total: met + missed + noData + unmeasurable,
  met,
  missed,
  noData,
  unmeasurable,
});

/** A two-row header ending on row 4, results for 6 and 9 months (E judged), the signature block on row 13. */
export const KPI_SHEET: SheetReport = {
  name: 'Chỉ tiêu',
  kind: 'kpis',
  headerRow: 4,
  planYear: 2025,
  asOf: '2025-09-14',
  columns: { number: 'A', indicator: 'B', target: 'C', result: 'E' },
  findings: [],
  table: {
    firstRow: 5,
    lastRow: 11,
    columnNumberRow: null,
    end: 'signature',
    endRow: 13,
    endText: 'Nơi nhận:',
  },
  resultColumns: [
    {
      column: 'D',
      heading: 'Kết quả thực hiện / 6 tháng',
      period: 'h1',
      month: null,
      estimate: false,
      used: false,
    },
    {
      column: 'E',
      heading: 'Kết quả thực hiện / 9 tháng',
      period: 'q3',
      month: null,
      estimate: false,
      used: true,
    },
  ],
  tasks: [],
  kpis: [
    kpi(7, '7.1.1', '7.1', 'met', 90),
    kpi(8, '7.1.2', '7.1', 'missed', 60),
    kpi(10, null, '7.2', 'no-data', null),
    kpi(11, null, '7.2', 'unmeasurable', null),
  ],
  summary: {
    byArea: [
      {
        area: 'VII',
        name: 'XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ',
        tasks: 0,
        done: 0,
        overdue: 0,
        kpis: counts(1, 1, 1, 1),
        groups: [
          {
            number: '7.1',
            name: KPI_GROUP_1,
            row: 6,
            tasks: 0,
            done: 0,
            overdue: 0,
            kpis: counts(1, 1, 0, 0),
          },
          {
            number: '7.2',
            name: KPI_GROUP_2,
            row: 9,
            tasks: 0,
            done: 0,
            overdue: 0,
            kpis: counts(0, 0, 1, 1),
          },
        ],
      },
    ],
    tasks: { total: 0, done: 0, overdue: 0, pending: 0, ongoing: 0 },
    kpis: counts(1, 1, 1, 1),
  },
};

export function groupedReport(
  lang: Report['lang'] = 'vi',
  sheets: SheetReport[] = [TASK_SHEET, KPI_SHEET],
): Report {
  return {
    file: 'phu-luc.xlsx',
    valid: true,
    asOf: '2025-09-14',
    lang,
    findings: [],
    sheets,
  };
}
