/**
 * The document around the table (shared/DOMAIN.md): numbered sub-groups inside the areas, the column-number row
 * under the header, what follows the table (total, notes, date line, signature, a second table), area rows
 * written "I.", "Phần I" or "A.", KPI results as fractions and per period. The facts expected here were counted
 * from the fixtures by hand (../fixtures/documentLayouts.ts), not taken from a reader's output.
 */
import {
  checkWorkbook,
  type AreaSummary,
  type CheckOptions,
  type GroupSummary,
  type KpiStatus,
  type ResultColumn,
  type SheetGrid,
  type SheetReport,
  type TableExtent,
} from '../../src/index';
import {
  AREA_STYLES,
  COLUMN_NUMBER_KINDS,
  ENDINGS,
  GROUP_STYLES,
  NEXT_TABLE_TITLE,
  PERIOD_LAYOUTS,
  PLACE_DATE,
  TOTAL,
  areaStyleTaskList,
  columnNumberTaskList,
  documentLayoutSheets,
  fractionKpiTable,
  groupedTaskList,
  pastedFromWord,
  periodKpiTable,
  signedTaskList,
  withoutMerges,
  zeroDenominatorKpiTable,
  type AreaStyle,
  type Ending,
  type PeriodLayout,
} from '../fixtures/documentLayouts';

const JULY: CheckOptions = { today: '2025-07-15', asOf: '2025-07-15' };
/** "Today" for the period runs: late in the year, so only the period chosen decides the as-of date. */
const LATE = '2025-12-20';

function check(grid: SheetGrid, options: CheckOptions = JULY): SheetReport {
  return checkWorkbook([grid], options).sheets[0];
}

const codes = (sheet: SheetReport) => sheet.findings.map((f) => `${f.code} ${f.cell}`);
const errors = (sheet: SheetReport) => sheet.findings.filter((f) => f.severity === 'error');
/** Codes that a clean appendix must never earn. */
const NEVER_ON_CLEAN =
  /^(cell\/required|row\/number-(gap|duplicate|missing)|row\/duplicate|area\/[a-z-]+|header\/[a-z-]+|task\/deadline-unparseable|table\/count-mismatch) /;
const unwanted = (sheet: SheetReport) => codes(sheet).filter((c) => NEVER_ON_CLEAN.test(c));

function extent(sheet: SheetReport): TableExtent {
  if (!sheet.table) throw new Error(`no table found on ${sheet.name}`);
  return sheet.table;
}

// ---------------------------------------------------------------------------------------------------------------
// The task lists' body: 22 tasks, 7 areas, 10 groups (see BODY in the fixtures). Rows are offsets from the
// body's first row (the area I row): row 7 below a one-row header, row 8 below a column-number row.
// ---------------------------------------------------------------------------------------------------------------

/** [area, group, number, offset] of each task of the grouped body. */
const GROUPED_TASKS: [string, string | null, string, number][] = [
  ['I', '1', '1.1', 2],
  ['I', '1', '1.2', 3],
  ['I', '2', '2.1', 5],
  ['I', '2', '2.2', 6],
  ['I', '3', '3.1', 8],
  ['II', null, '1', 10],
  ['II', null, '2', 11],
  ['III', '1', '1.1', 14],
  ['III', '1', '1.2', 15],
  ['III', '2', '2.1', 17],
  ['III', '2', '2.2', 18],
  ['IV', null, '1', 20],
  ['IV', null, '2', 21],
  ['V', '1', '1.1', 24],
  ['V', '1', '1.2', 25],
  ['V', '2', '2.1', 27],
  ['VI', '1', '1.1', 30],
  ['VI', '1', '1.2', 31],
  ['VI', '1', '1.3', 32],
  ['VII', '1', '1.1', 35],
  ['VII', '2', '2.1', 37],
  ['VII', '2', '2.2', 38],
];

/** The same tasks without groups, numbered 1, 2 … in each area. */
const FLAT_TASKS: [string, string | null, string, number][] = [
  ...[1, 2, 3, 4, 5].map((n): [string, null, string, number] => ['I', null, String(n), n]),
  ['II', null, '1', 7],
  ['II', null, '2', 8],
  ...[1, 2, 3, 4].map((n): [string, null, string, number] => ['III', null, String(n), 9 + n]),
  ['IV', null, '1', 15],
  ['IV', null, '2', 16],
  ...[1, 2, 3].map((n): [string, null, string, number] => ['V', null, String(n), 17 + n]),
  ...[1, 2, 3].map((n): [string, null, string, number] => ['VI', null, String(n), 21 + n]),
  ...[1, 2, 3].map((n): [string, null, string, number] => ['VII', null, String(n), 25 + n]),
];

const placed = (list: [string, string | null, string, number][], start: number) =>
  list.map(([area, group, number, offset]) => [start + offset, area, group, number]);
const taskFacts = (sheet: SheetReport) => sheet.tasks.map((t) => [t.row, t.area, t.group, t.number]);

/** On 15/07/2025: 7 done, task I.2.1 (Quý II, in progress) overdue, 7 pending, 7 recurring. */
const TASK_TOTALS = { total: 22, done: 7, overdue: 1, pending: 7, ongoing: 7 };

const NO_KPIS = { total: 0, met: 0, missed: 0, noData: 0, unmeasurable: 0 };
const group = (number: string, name: string, row: number, tasks: number, done: number, overdue = 0) =>
  ({ number, name, row, tasks, done, overdue, kpis: NO_KPIS }) satisfies GroupSummary;
const area = (
  numeral: string,
  name: string,
  tasks: number,
  done: number,
  overdue: number,
  groups: GroupSummary[],
) => ({ area: numeral, name, tasks, done, overdue, kpis: NO_KPIS, groups }) satisfies AreaSummary;

const AREA_NAMES = [
  'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
  'CẢI CÁCH THỂ CHẾ',
  'CẢI CÁCH THỦ TỤC HÀNH CHÍNH',
  'CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC',
  'CẢI CÁCH CHẾ ĐỘ CÔNG VỤ',
  'CẢI CÁCH TÀI CHÍNH CÔNG',
  'XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ',
];

function groupedAreas(start: number): AreaSummary[] {
  const s = start;
  return [
    area('I', AREA_NAMES[0], 5, 2, 1, [
      group('1', 'Xây dựng, ban hành văn bản chỉ đạo, điều hành', s + 1, 2, 2),
      group('2', 'Kiểm tra, đánh giá công tác cải cách hành chính', s + 4, 2, 0, 1),
      group('3', 'Thông tin, tuyên truyền cải cách hành chính', s + 7, 1, 0),
    ]),
    area('II', AREA_NAMES[1], 2, 0, 0, []),
    area('III', AREA_NAMES[2], 4, 1, 0, [
      group('1', 'Kiểm soát, công khai thủ tục hành chính', s + 13, 2, 1),
      group('2', 'Thực hiện cơ chế một cửa, một cửa liên thông', s + 16, 2, 0),
    ]),
    area('IV', AREA_NAMES[3], 2, 1, 0, []),
    area('V', AREA_NAMES[4], 3, 1, 0, [
      group('1', 'Quản lý, sử dụng đội ngũ cán bộ, công chức', s + 23, 2, 0),
      group('2', 'Kỷ luật, kỷ cương hành chính', s + 26, 1, 1),
    ]),
    area('VI', AREA_NAMES[5], 3, 2, 0, [group('1', 'Quản lý, sử dụng ngân sách', s + 29, 3, 2)]),
    area('VII', AREA_NAMES[6], 3, 0, 0, [
      group('1', 'Hạ tầng, ứng dụng công nghệ thông tin', s + 34, 1, 0),
      group('2', 'Dịch vụ công trực tuyến', s + 36, 2, 0),
    ]),
  ];
}

const FLAT_AREAS: AreaSummary[] = [
  area('I', AREA_NAMES[0], 5, 2, 1, []),
  area('II', AREA_NAMES[1], 2, 0, 0, []),
  area('III', AREA_NAMES[2], 4, 1, 0, []),
  area('IV', AREA_NAMES[3], 2, 1, 0, []),
  area('V', AREA_NAMES[4], 3, 1, 0, []),
  area('VI', AREA_NAMES[5], 3, 2, 0, []),
  area('VII', AREA_NAMES[6], 3, 0, 0, []),
];

/** The grouped body read right from `start`: tasks, areas, groups, totals, and nothing after the table a task. */
function expectGroupedBody(sheet: SheetReport, start: number): void {
  expect(sheet.kind).toBe('tasks');
  expect(taskFacts(sheet)).toEqual(placed(GROUPED_TASKS, start));
  expect(sheet.summary.tasks).toEqual(TASK_TOTALS);
  expect(sheet.summary.byArea).toEqual(groupedAreas(start));
  const table = extent(sheet);
  expect(sheet.tasks.filter((t) => t.row < table.firstRow || t.row > table.lastRow)).toEqual([]);
}

describe('layout 1: numbered sub-groups under the areas', () => {
  describe.each(GROUP_STYLES)('group rows written %s', (style) => {
    const sheet = check(groupedTaskList(style));

    it('reads the 22 tasks with their area and group, and no group row as a task', () => {
      expectGroupedBody(sheet, 7);
      // Group rows carry no lead, partner or deadline: none of them is a task.
      const groupRows = groupedAreas(7).flatMap((a) => a.groups.map((g) => g.row));
      expect(sheet.tasks.filter((t) => groupRows.includes(t.row))).toEqual([]);
    });

    it('ends the table at the total row, whose count of tasks (not groups) agrees', () => {
      expect(sheet.table).toEqual({
        firstRow: 7,
        lastRow: 46,
        columnNumberRow: null,
        end: 'total',
        endRow: 46,
        endText: TOTAL,
      });
    });

    it('finds nothing wrong but the one overdue task', () => {
      expect(errors(sheet)).toEqual([]);
      expect(unwanted(sheet)).toEqual([]);
      expect(codes(sheet)).toEqual(['task/overdue E12']);
    });
  });
});

describe('layout 2: the column-number row under the header', () => {
  describe.each(COLUMN_NUMBER_KINDS)('written as %s', (kind) => {
    const sheet = check(columnNumberTaskList(kind));

    it('takes row 7 for the column numbers, not for a task or a second header row', () => {
      expect(sheet.headerRow).toBe(6);
      expect(sheet.table).toEqual({
        firstRow: 8,
        lastRow: 47,
        columnNumberRow: 7,
        end: 'total',
        endRow: 47,
        endText: TOTAL,
      });
      expect(sheet.tasks.filter((t) => t.row <= 7)).toEqual([]);
    });

    it('reads the body below it as without it', () => {
      expectGroupedBody(sheet, 8);
      expect(errors(sheet)).toEqual([]);
      expect(unwanted(sheet)).toEqual([]);
      expect(codes(sheet)).toEqual(['task/overdue E13']);
    });
  });
});

describe('layout 3: what follows the table', () => {
  const TABLES: Record<Ending, TableExtent> = {
    'total-signature': {
      firstRow: 7,
      lastRow: 46,
      columnNumberRow: null,
      end: 'total',
      endRow: 46,
      endText: TOTAL,
    },
    'total-notes-signature': {
      firstRow: 8,
      lastRow: 47,
      columnNumberRow: 7,
      end: 'total',
      endRow: 47,
      endText: TOTAL,
    },
    notes: { firstRow: 7, lastRow: 45, columnNumberRow: null, end: 'notes', endRow: 46, endText: 'Ghi chú:' },
    'date-line': {
      firstRow: 7,
      lastRow: 45,
      columnNumberRow: null,
      end: 'date-line',
      endRow: 47,
      endText: PLACE_DATE,
    },
    signature: {
      firstRow: 7,
      lastRow: 45,
      columnNumberRow: null,
      end: 'signature',
      endRow: 46,
      endText: 'Nơi nhận:',
    },
    preparer: {
      firstRow: 7,
      lastRow: 45,
      columnNumberRow: null,
      end: 'signature',
      endRow: 47,
      endText: 'Người lập biểu',
    },
    'next-table': {
      firstRow: 7,
      lastRow: 45,
      columnNumberRow: null,
      end: 'next-table',
      endRow: 47,
      endText: NEXT_TABLE_TITLE,
    },
  };

  describe.each(ENDINGS)('%s', (ending) => {
    const sheet = check(signedTaskList(ending));
    const start = TABLES[ending].firstRow;

    it('ends the table at the first thing that follows it', () => {
      expect(sheet.table).toEqual(TABLES[ending]);
    });

    it('reads no row of the notes, date line, signature or second table as a task', () => {
      expectGroupedBody(sheet, start);
      expect(sheet.kpis).toEqual([]);
    });

    it('finds nothing wrong but the one overdue task', () => {
      expect(errors(sheet)).toEqual([]);
      expect(unwanted(sheet)).toEqual([]);
      expect(codes(sheet)).toEqual([`task/overdue E${start + 5}`]);
    });
  });
});

describe('layout 4: area rows written "I.", "Phần I", "A." or whole in the STT cell', () => {
  const ENDS: Record<AreaStyle, Pick<TableExtent, 'lastRow' | 'end' | 'endRow' | 'endText'>> = {
    'dot-merged': { lastRow: 35, end: 'sheet-end', endRow: 0, endText: '' },
    dot: { lastRow: 36, end: 'total', endRow: 36, endText: TOTAL },
    phan: { lastRow: 35, end: 'sheet-end', endRow: 0, endText: '' },
    letter: { lastRow: 36, end: 'total', endRow: 36, endText: TOTAL },
    'in-number-cell': { lastRow: 36, end: 'total', endRow: 36, endText: TOTAL },
  };

  describe.each(AREA_STYLES)('%s', (style) => {
    const sheet = check(areaStyleTaskList(style));

    it('finds the seven areas I–VII, in order, with their tasks', () => {
      expect(sheet.summary.byArea).toEqual(FLAT_AREAS);
      expect(taskFacts(sheet)).toEqual(placed(FLAT_TASKS, 7));
      expect(sheet.summary.tasks).toEqual(TASK_TOTALS);
    });

    it('knows where the table ends', () => {
      expect(sheet.table).toEqual({ firstRow: 7, columnNumberRow: null, ...ENDS[style] });
    });

    it('finds nothing wrong but the one overdue task', () => {
      expect(errors(sheet)).toEqual([]);
      expect(unwanted(sheet)).toEqual([]);
      expect(codes(sheet)).toEqual(['task/overdue E10']);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// KPI tables
// ---------------------------------------------------------------------------------------------------------------

const judged = (sheet: SheetReport) =>
  sheet.kpis.map((k) => [k.number, k.resultColumn, k.actual, k.status, k.estimate]);

describe('layout 5: results written as fractions', () => {
  const sheet = check(fractionKpiTable());

  it('reads each fraction as the rate it stands for and judges it', () => {
    expect(sheet.kind).toBe('kpis');
    expect(sheet.kpis.map((k) => [k.row, k.area, k.group])).toEqual([
      [8, 'III', null],
      [9, 'III', null],
      [10, 'III', null],
      [11, 'III', null],
      [12, 'III', null],
      [14, 'VII', null],
    ]);
    expect(judged(sheet)).toEqual([
      ['1', 'D', 80, 'met', false], // 12/15 hồ sơ, Tối thiểu 80%
      ['2', 'D', 90, 'missed', false], // 45/50, Trên 90%
      ['3', 'D', 96, 'met', false], // 48 trên 50, Trên 95%
      ['4', 'D', 100, 'met', false], // 12/12 hồ sơ (not 12 December), 100%
      ['5', 'D', 12, 'met', false], // 12 phút, tối đa 15 phút
      ['6', 'D', 80, 'met', false], // đạt 12/15, Tối thiểu 80%
    ]);
  });

  it('has one plain result column, judged as always, with no note about periods', () => {
    expect(sheet.resultColumns).toEqual([
      { column: 'D', heading: 'Kết quả thực hiện', period: 'none', month: null, estimate: false, used: true },
    ]);
    expect(codes(sheet)).toEqual(['kpi/target-missed D9']);
  });

  it('ends the table at the date line above the signature', () => {
    expect(sheet.table).toEqual({
      firstRow: 7,
      lastRow: 14,
      columnNumberRow: null,
      end: 'date-line',
      endRow: 16,
      endText: 'Phường 5, ngày 20 tháng 6 năm 2025',
    });
  });
});

describe('a result of 0/0', () => {
  const sheet = check(zeroDenominatorKpiTable());

  it('is no rate: a zero-denominator finding on the cell, and no data', () => {
    expect(codes(sheet)).toEqual(['kpi/actual-zero-denominator D4']);
    expect(sheet.kpis.map((k) => [k.number, k.actual, k.status])).toEqual([
      ['1', null, 'no-data'],
      ['2', 100, 'met'],
    ]);
  });
});

type Judged = [string, number | null, KpiStatus];
interface PeriodCase {
  /** The column judged, or null when no column's period has closed yet. */
  used: string | null;
  kpis: Judged[];
  /** Every finding but the one 'kpi/period-column' note. */
  findings: string[];
  estimate?: boolean;
}

const column = (letters: string, heading: string, period: ResultColumn['period'], estimate = false) => ({
  column: letters,
  heading,
  period,
  month: null,
  estimate,
});

/** The three-period body (6 tháng | 9 tháng | cả năm), indicators at rows s+1, s+2, s+4, s+5, s+6. */
function threePeriods(s: number): Record<'h1' | 'q3' | 'year', PeriodCase> {
  return {
    h1: {
      used: 'D',
      kpis: [
        ['1', 70, 'missed'],
        ['2', 92, 'met'],
        ['3', 100, 'met'],
        ['4', 18, 'missed'],
        ['5', null, 'no-data'],
      ],
      findings: [`kpi/target-missed D${s + 1}`, `kpi/target-missed D${s + 5}`],
    },
    q3: {
      used: 'E',
      kpis: [
        ['1', 82, 'met'],
        ['2', 89, 'missed'],
        ['3', null, 'no-data'],
        ['4', 15, 'met'],
        ['5', null, 'no-data'],
      ],
      // Indicator 3 has its 6-month figure but none for 9 months; indicator 5 has no figure at all.
      findings: [`kpi/target-missed E${s + 2}`, `kpi/no-data-for-period E${s + 4}`],
    },
    year: {
      used: 'F',
      kpis: [
        ['1', 90, 'met'],
        ['2', 95, 'met'],
        ['3', null, 'no-data'],
        ['4', 12, 'met'],
        ['5', null, 'no-data'],
      ],
      findings: [`kpi/no-data-for-period F${s + 4}`],
    },
  };
}

/** How each run is dated: a period's cut-off (today late in the year), or an as-of day. */
const RUNS = {
  'period q1': { period: 'q1', today: LATE },
  'period h1': { period: 'h1', today: LATE },
  'period q3': { period: 'q3', today: LATE },
  'period year': { period: 'year', today: LATE },
  'as of 20/03/2025': { today: LATE, asOf: '2025-03-20' },
  'as of 14/06/2025 (the cut-off day)': { today: LATE, asOf: '2025-06-14' },
  'as of 15/07/2025': { today: LATE, asOf: '2025-07-15' },
  'as of 13/09/2025 (the day before the cut-off)': { today: LATE, asOf: '2025-09-13' },
  'as of 15/10/2025': { today: LATE, asOf: '2025-10-15' },
  'as of 20/12/2025': { today: LATE, asOf: '2025-12-20' },
} satisfies Record<string, CheckOptions>;
type Run = keyof typeof RUNS;

/** Runs before any result column's cut-off: nothing is judged yet. */
const nothingYet = (kpis: number): PeriodCase => ({
  used: null,
  kpis: Array.from({ length: kpis }, (_, i): Judged => [String(i + 1), null, 'no-data']),
  findings: [],
});

interface PeriodLayoutCase {
  headerRows: [number, number];
  columns: ReturnType<typeof column>[];
  runs: Partial<Record<Run, PeriodCase>>;
}

const ONE_ROW = threePeriods(7);
const TWO_ROW = threePeriods(8);

const ESTIMATE_H1: PeriodCase = {
  used: 'D',
  kpis: [
    ['1', 70, 'missed'],
    ['2', 92, 'met'],
    ['3', 100, 'met'],
    ['4', 18, 'missed'],
    ['5', 96, 'met'],
  ],
  findings: ['kpi/target-missed D8', 'kpi/target-missed D12'],
};
const ESTIMATE_YEAR: PeriodCase = {
  used: 'E',
  kpis: [
    ['1', 85, 'met'],
    ['2', 90, 'missed'],
    ['3', 100, 'met'],
    ['4', 14, 'met'],
    ['5', 97, 'met'],
  ],
  findings: ['kpi/target-missed E9'],
  estimate: true,
};

const QUARTERS: Record<'q1' | 'h1' | 'q3' | 'year', PeriodCase> = {
  q1: {
    used: 'D',
    kpis: [
      ['1', 60, 'missed'],
      ['2', 95, 'met'],
      ['3', 100, 'met'],
      ['4', 20, 'missed'],
      ['5', null, 'no-data'],
    ],
    findings: ['kpi/target-missed D9', 'kpi/target-missed D13'],
  },
  // "Quý II" is the 6-month report's column.
  h1: {
    used: 'E',
    kpis: [
      ['1', 75, 'missed'],
      ['2', 92, 'met'],
      ['3', 100, 'met'],
      ['4', 18, 'missed'],
      ['5', null, 'no-data'],
    ],
    findings: ['kpi/target-missed E9', 'kpi/target-missed E13'],
  },
  q3: {
    used: 'F',
    kpis: [
      ['1', 82, 'met'],
      ['2', 89, 'missed'],
      ['3', null, 'no-data'],
      ['4', 15, 'met'],
      ['5', null, 'no-data'],
    ],
    findings: ['kpi/target-missed F10', 'kpi/no-data-for-period F12'],
  },
  // "Quý IV" is the year's.
  year: {
    used: 'G',
    kpis: [
      ['1', 90, 'met'],
      ['2', 93, 'met'],
      ['3', null, 'no-data'],
      ['4', 12, 'met'],
      ['5', null, 'no-data'],
    ],
    findings: ['kpi/no-data-for-period G12'],
  },
};

const CUMULATIVE_Q3: PeriodCase = {
  used: 'D',
  kpis: [
    ['1', 85, 'met'],
    ['2', 92, 'met'],
    ['3', 100, 'met'],
    ['4', 14, 'met'],
    ['5', 96, 'met'],
  ],
  findings: [],
};

const PERIOD_CASES: Record<PeriodLayout, PeriodLayoutCase> = {
  'one-row': {
    headerRows: [6, 6],
    columns: [
      column('D', 'Kết quả 6 tháng đầu năm', 'h1'),
      column('E', 'Kết quả 9 tháng', 'q3'),
      column('F', 'Kết quả cả năm 2025', 'year'),
    ],
    runs: {
      'period h1': ONE_ROW.h1,
      'period q3': ONE_ROW.q3,
      'period year': ONE_ROW.year,
      'as of 20/03/2025': nothingYet(5),
      'as of 14/06/2025 (the cut-off day)': ONE_ROW.h1,
      'as of 15/07/2025': ONE_ROW.h1,
      'as of 13/09/2025 (the day before the cut-off)': ONE_ROW.h1,
      'as of 15/10/2025': ONE_ROW.q3,
      'as of 20/12/2025': ONE_ROW.year,
    },
  },
  'two-row': {
    headerRows: [6, 7],
    columns: [
      column('D', 'Kết quả thực hiện / 6 tháng', 'h1'),
      column('E', 'Kết quả thực hiện / 9 tháng', 'q3'),
      column('F', 'Kết quả thực hiện / Cả năm', 'year'),
    ],
    runs: {
      'period h1': TWO_ROW.h1,
      'period q3': TWO_ROW.q3,
      'period year': TWO_ROW.year,
      'as of 15/07/2025': TWO_ROW.h1,
      'as of 15/10/2025': TWO_ROW.q3,
    },
  },
  estimate: {
    headerRows: [6, 6],
    columns: [column('D', 'Kết quả 6 tháng', 'h1'), column('E', 'Ước thực hiện cả năm', 'year', true)],
    runs: {
      'period h1': ESTIMATE_H1,
      // The year's column is not due before 14/12: the 6-month figure is still the latest.
      'period q3': ESTIMATE_H1,
      'period year': ESTIMATE_YEAR,
      'as of 15/07/2025': ESTIMATE_H1,
      'as of 20/12/2025': ESTIMATE_YEAR,
    },
  },
  quarters: {
    headerRows: [6, 7],
    columns: [
      column('D', 'Kết quả thực hiện / Quý I', 'q1'),
      column('E', 'Kết quả thực hiện / Quý II', 'h1'),
      column('F', 'Kết quả thực hiện / Quý III', 'q3'),
      column('G', 'Kết quả thực hiện / Quý IV', 'year'),
    ],
    runs: {
      'period q1': QUARTERS.q1,
      'period h1': QUARTERS.h1,
      'period q3': QUARTERS.q3,
      'period year': QUARTERS.year,
      'as of 20/03/2025': QUARTERS.q1,
      'as of 15/07/2025': QUARTERS.h1,
      'as of 15/10/2025': QUARTERS.q3,
    },
  },
  cumulative: {
    headerRows: [6, 6],
    columns: [column('D', 'Kết quả thực hiện quý III', 'q3'), column('E', 'Lũy kế từ đầu năm', 'cumulative')],
    // A running total has no cut-off of its own: the quarter's column is judged once its period has closed.
    runs: { 'period q3': CUMULATIVE_Q3, 'as of 15/10/2025': CUMULATIVE_Q3 },
  },
};

const TABLE_OF: Record<PeriodLayout, TableExtent> = {
  'one-row': {
    firstRow: 7,
    lastRow: 13,
    columnNumberRow: null,
    end: 'notes',
    endRow: 14,
    endText: 'Ghi chú:',
  },
  'two-row': { firstRow: 8, lastRow: 14, columnNumberRow: null, end: 'sheet-end', endRow: 0, endText: '' },
  estimate: { firstRow: 7, lastRow: 13, columnNumberRow: null, end: 'sheet-end', endRow: 0, endText: '' },
  quarters: { firstRow: 8, lastRow: 14, columnNumberRow: null, end: 'sheet-end', endRow: 0, endText: '' },
  cumulative: { firstRow: 7, lastRow: 13, columnNumberRow: null, end: 'sheet-end', endRow: 0, endText: '' },
};

describe('layout 6: results reported for several periods', () => {
  describe.each(PERIOD_LAYOUTS)('%s', (layout) => {
    const spec = PERIOD_CASES[layout];
    const grid = periodKpiTable(layout);

    it('reads the header, the table and the five indicators', () => {
      const sheet = check(grid);
      expect(sheet.kind).toBe('kpis');
      expect(sheet.headerRow).toBe(spec.headerRows[1]);
      expect(sheet.table).toEqual(TABLE_OF[layout]);
      expect(sheet.kpis.map((k) => [k.number, k.area, k.group])).toEqual([
        ['1', 'I', null],
        ['2', 'I', null],
        ['3', 'III', null],
        ['4', 'III', null],
        ['5', 'III', null],
      ]);
    });

    const runs = Object.entries(spec.runs) as [Run, PeriodCase][];
    it.each(runs)('%s', (run, c) => {
      const sheet = check(grid, RUNS[run]);
      expect(sheet.resultColumns).toEqual(
        spec.columns.map((col) => ({ ...col, used: col.column === c.used })),
      );
      expect(judged(sheet)).toEqual(
        c.kpis.map(([n, actual, status]) => [n, c.used, actual, status, !!c.estimate]),
      );
      expect(errors(sheet)).toEqual([]);
      expect(codes(sheet).filter((x) => !x.startsWith('kpi/period-column '))).toEqual(c.findings);
      // One note at the header says which column was judged (or that none is due yet).
      const notes = sheet.findings.filter((f) => f.code === 'kpi/period-column');
      expect(notes.map((f) => f.severity)).toEqual(['info']);
      expect(notes[0].row).toBeGreaterThanOrEqual(spec.headerRows[0]);
      expect(notes[0].row).toBeLessThanOrEqual(spec.headerRows[1]);
      if (c.used) expect(notes[0].message).toMatch(new RegExp(`theo cột ${c.used}\\b`));
      else expect(notes[0].message).toMatch(/chưa đến kỳ báo cáo/);
    });
  });

  it('judges a period by its own column: the same indicator meets its target in one, misses it in another', () => {
    const statuses = (options: CheckOptions) => check(periodKpiTable('one-row'), options).kpis[0].status;
    expect([RUNS['period h1'], RUNS['period q3'], RUNS['period year']].map(statuses)).toEqual([
      'missed',
      'met',
      'met',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The whole corpus: clean, and read the same when pasted from Word or stripped of its merges
// ---------------------------------------------------------------------------------------------------------------

/** Text as a reader may keep it "as written": compared in NFC with runs of spaces as one. */
function canon(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (Array.isArray(value)) return value.map(canon);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canon(v)]));
  }
  return value;
}

/** What a report says about a sheet, without the wording of its messages. */
function essence(sheet: SheetReport) {
  return canon({
    kind: sheet.kind,
    headerRow: sheet.headerRow,
    planYear: sheet.planYear,
    asOf: sheet.asOf,
    columns: sheet.columns,
    table: sheet.table,
    resultColumns: sheet.resultColumns,
    findings: sheet.findings.map((f) => [f.code, f.severity, f.cell, f.row]),
    tasks: sheet.tasks,
    kpis: sheet.kpis,
    summary: sheet.summary,
  });
}

const SHEETS = documentLayoutSheets();
// Without its merge, "Kết quả thực hiện" no longer says which sub-columns it heads.
const HEADING_SPANS = new Set(['CT kỳ two-row', 'CT kỳ quarters']);

describe('every grid of the corpus', () => {
  it('has its own sheet name, short enough for Excel', () => {
    const names = SHEETS.map((g) => g.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => n.length > 31 || /[:\\/?*[\]]/.test(n))).toEqual([]);
    expect(names).toHaveLength(25);
  });

  it.each(SHEETS.map((g) => [g.name, g] as const))('%s is clean', (_name, grid) => {
    const sheet = check(grid);
    expect(sheet.kind).not.toBe('none');
    expect(errors(sheet)).toEqual([]);
    expect(unwanted(sheet)).toEqual([]);
  });
});

describe('text as Word and other programs bring it', () => {
  it('the Word variant really is decomposed, with non-breaking spaces and a line break', () => {
    const pasted = pastedFromWord(groupedTaskList('dot')).values.flat();
    const strings = pasted.filter((v): v is string => typeof v === 'string');
    expect(strings.some((s) => s !== s.normalize('NFC'))).toBe(true);
    expect(strings.some((s) => s.includes('\u00a0'))).toBe(true);
    expect(strings.filter((s) => s.includes('\n') && s.endsWith(' '))).toHaveLength(1);
  });

  describe.each(SHEETS.map((g) => [g.name, g] as const))('%s', (_name, grid) => {
    const original = essence(check(grid));

    it('reads the same pasted from Word (NFD, non-breaking spaces, a line break)', () => {
      const sheet = check(pastedFromWord(grid));
      expect(errors(sheet)).toEqual([]);
      expect(essence(sheet)).toEqual(original);
    });

    (HEADING_SPANS.has(grid.name) ? it.skip : it)('reads the same with every merge lost', () => {
      const sheet = check(withoutMerges(grid));
      expect(errors(sheet)).toEqual([]);
      expect(essence(sheet)).toEqual(original);
    });
  });
});
