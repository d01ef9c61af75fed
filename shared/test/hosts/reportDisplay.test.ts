import { checkWorkbook } from '../../src/check';
import {
  countSeverities,
  extentText,
  formatDate,
  groupFindings,
  kpiRow,
  reportDisplay,
  resultColumnText,
  sheetDisplay,
} from '../../src/hosts/reportDisplay';
import {
  sheetReportSchema,
  type Finding,
  type Kpi,
  type ResultColumn,
  type SheetReport,
  type TableEnd,
  type TableExtent,
} from '../../src/report/schema';
import type { SheetGrid } from '../../src/table/grid';
import {
  GROUP_1,
  GROUP_2,
  KPI_GROUP_1,
  KPI_GROUP_2,
  KPI_SHEET,
  TASK_SHEET,
  groupedReport,
} from './groupedReport';

const tasks: SheetGrid = {
  name: 'NV',
  values: [
    ['DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025'],
    ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Tiến độ'],
    ['I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH'],
    [1, 'Ban hành kế hoạch', 'Văn phòng', 'Tháng 01/2025', 'Đã hoàn thành'],
    [2, 'Tuyên truyền', 'Văn phòng', 'Quý II', ''],
    [3, 'Kiểm tra', '', 'Quý IV', ''],
  ],
};

const finding = (code: Finding['code'], severity: Finding['severity'], cell: string): Finding => ({
  code,
  severity,
  sheet: 'S',
  cell,
  row: Number(cell.slice(1)) || 0,
  message: `${code} at ${cell}`,
});

describe('groupFindings', () => {
  it('groups by code, errors before warnings before notes, keeping sheet order within a group', () => {
    const groups = groupFindings(
      [
        finding('row/number-missing', 'info', 'A3'),
        finding('task/overdue', 'warning', 'D4'),
        finding('cell/required', 'error', 'C5'),
        finding('task/overdue', 'warning', 'D6'),
        finding('row/duplicate', 'warning', 'B7'),
      ],
      'vi',
    );
    expect(groups.map((g) => [g.code, g.items.map((i) => i.cell)])).toEqual([
      ['cell/required', ['C5']],
      ['task/overdue', ['D4', 'D6']],
      ['row/duplicate', ['B7']],
      ['row/number-missing', ['A3']],
    ]);
    expect(groups[0]).toMatchObject({ title: 'Ô bắt buộc đang trống', severityLabel: 'Lỗi' });
    expect(groupFindings([finding('task/overdue', 'warning', 'D4')], 'en')[0]).toMatchObject({
      title: 'Overdue task',
      severityLabel: 'Warning',
    });
  });
});

describe('kpiRow', () => {
  const kpi: Kpi = {
    row: 9,
    number: '3.1',
    area: 'III',
    group: '3',
    indicator: 'Hồ sơ',
    targets: [
      { text: '100%', op: '=', value: 100, unit: '%' },
      { text: 'tối đa 15 phút', op: '<=', value: 15, unit: 'phút' },
    ],
    actual: 97.5,
    actuals: [97.5, 12],
    status: 'missed',
    resultColumn: 'D',
    estimate: false,
  };
  it('shows each result in its own target unit, with the language decimal mark', () => {
    expect(kpiRow(kpi, 'vi')).toEqual({
      row: 9,
      number: '3.1',
      indicator: 'Hồ sơ',
      targets: '= 100%; ≤ 15 phút',
      result: '97,5%; 12 phút',
      status: 'missed',
      statusLabel: 'Không đạt',
    });
    expect(kpiRow({ ...kpi, number: null, actuals: [], targets: [] }, 'en')).toMatchObject({
      number: '',
      targets: '',
      result: '',
      statusLabel: 'Missed',
    });
  });
});

describe('reportDisplay', () => {
  it('counts over the whole report and words dates per language', () => {
    const report = checkWorkbook([tasks], { asOf: '2025-08-01', lang: 'vi' });
    const d = reportDisplay(report);
    expect(d.valid).toBe(false);
    expect(d.asOfText).toBe('01/08/2025');
    expect(d.counts).toEqual(countSeverities(report.sheets[0].findings));
    expect(d.sheets[0]).toMatchObject({ name: 'NV', kind: 'tasks', planYear: 2025, kpis: [], kpiAreas: [] });
    expect(d.sheets[0].taskAreas).toEqual([
      { area: 'I', name: 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', tasks: 3, done: 1, overdue: 1, groups: [] },
    ]);
    expect(reportDisplay(report, 'en').asOfText).toBe('2025-08-01');
  });

  it('carries the workbook-level finding when no table is found', () => {
    const d = reportDisplay(checkWorkbook([{ name: 'Trống', values: [['x']] }], { today: '2025-03-01' }));
    expect(d.groups.map((g) => [g.code, g.items[0].cell])).toEqual([['table/not-found', '']]);
    expect(d.counts.error).toBe(1);
    expect(d.sheets[0].kind).toBe('none');
  });

  it('formatDate leaves anything but an ISO date alone', () => {
    expect(formatDate('2025-12-14', 'vi')).toBe('14/12/2025');
    expect(formatDate('', 'vi')).toBe('');
  });
});

describe('groups and the table extent', () => {
  it('the hand-built reports are reports the schema accepts', () => {
    expect(() => sheetReportSchema.parse(TASK_SHEET)).not.toThrow();
    expect(() => sheetReportSchema.parse(KPI_SHEET)).not.toThrow();
  });

  it("nests each task area's sub-groups under it, in sheet order, with their own counts", () => {
    const d = reportDisplay(groupedReport('vi'));
    expect(d.sheets[0].taskAreas).toEqual([
      {
        area: 'I',
        name: 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
        tasks: 3,
        done: 1,
        overdue: 1,
        groups: [
          { number: '1', name: GROUP_1, row: 8, tasks: 2, done: 1, overdue: 1 },
          { number: '2', name: GROUP_2, row: 11, tasks: 1, done: 0, overdue: 0 },
        ],
      },
      { area: 'II', name: 'CẢI CÁCH THỂ CHẾ', tasks: 1, done: 0, overdue: 0, groups: [] },
    ]);
    expect(d.sheets[0].kpiAreas).toEqual([]);
  });

  it("nests each KPI area's sub-groups under it with the five KPI counts", () => {
    const d = reportDisplay(groupedReport('en'));
    expect(d.sheets[1].taskAreas).toEqual([]);
    expect(d.sheets[1].kpiAreas).toEqual([
      {
        area: 'VII',
        name: 'XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ',
        total: 4,
        met: 1,
        missed: 1,
        noData: 1,
        unmeasurable: 1,
        groups: [
          {
            number: '7.1',
            name: KPI_GROUP_1,
            row: 6,
            total: 2,
            met: 1,
            missed: 1,
            noData: 0,
            unmeasurable: 0,
          },
          {
            number: '7.2',
            name: KPI_GROUP_2,
            row: 9,
            total: 2,
            met: 0,
            missed: 0,
            noData: 1,
            unmeasurable: 1,
          },
        ],
      },
    ]);
  });

  it('words the extent and the judged column of each sheet', () => {
    const vi = reportDisplay(groupedReport('vi')).sheets;
    expect(vi.map((s) => [s.extentText, s.resultColumnText])).toEqual([
      ['Bảng: dòng 7–15 (dòng số thứ tự cột: 6); kết thúc ở dòng tổng cộng (dòng 15)', ''],
      [
        'Bảng: dòng 5–11; kết thúc trước khối chữ ký (dòng 13: "Nơi nhận:")',
        'Đánh giá theo cột E "Kết quả thực hiện / 9 tháng"',
      ],
    ]);
    const en = reportDisplay(groupedReport('en')).sheets;
    expect(en.map((s) => [s.extentText, s.resultColumnText])).toEqual([
      ['Table: rows 7–15 (column-number row: 6); ends at the total row (row 15)', ''],
      [
        'Table: rows 5–11; ends before the signature block (row 13: "Nơi nhận:")',
        'Judged on column E "Kết quả thực hiện / 9 tháng"',
      ],
    ]);
  });

  const extent = (end: TableEnd, endRow: number, endText: string): TableExtent => ({
    firstRow: 7,
    lastRow: 58,
    columnNumberRow: null,
    end,
    endRow,
    endText,
  });

  it.each<[TableEnd, number, string, string, string]>([
    [
      'sheet-end',
      0,
      '',
      'Bảng: dòng 7–58; đến hết trang tính',
      'Table: rows 7–58; runs to the end of the sheet',
    ],
    [
      'total',
      58,
      'Tổng cộng: 44 nhiệm vụ',
      'Bảng: dòng 7–58; kết thúc ở dòng tổng cộng (dòng 58)',
      'Table: rows 7–58; ends at the total row (row 58)',
    ],
    [
      'signature',
      60,
      'Nơi nhận:',
      'Bảng: dòng 7–58; kết thúc trước khối chữ ký (dòng 60: "Nơi nhận:")',
      'Table: rows 7–58; ends before the signature block (row 60: "Nơi nhận:")',
    ],
    [
      'notes',
      59,
      'Ghi chú: cột (5) ghi tháng hoàn thành',
      'Bảng: dòng 7–58; kết thúc trước phần ghi chú (dòng 59: "Ghi chú: cột (5) ghi tháng hoàn thành")',
      'Table: rows 7–58; ends before the notes (row 59: "Ghi chú: cột (5) ghi tháng hoàn thành")',
    ],
    [
      'date-line',
      60,
      'Phường 5, ngày 12 tháng 02 năm 2025',
      'Bảng: dòng 7–58; kết thúc trước dòng địa danh, ngày tháng (dòng 60: "Phường 5, ngày 12 tháng 02 năm 2025")',
      'Table: rows 7–58; ends before the place-and-date line (row 60: "Phường 5, ngày 12 tháng 02 năm 2025")',
    ],
    [
      'next-table',
      61,
      'CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2025',
      'Bảng: dòng 7–58; kết thúc trước bảng thứ hai (dòng 61: "CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2025")',
      'Table: rows 7–58; ends before a second table (row 61: "CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2025")',
    ],
  ])('words a table ending at %s', (end, endRow, endText, vi, en) => {
    expect(extentText(extent(end, endRow, endText), 'vi')).toBe(vi);
    expect(extentText(extent(end, endRow, endText), 'en')).toBe(en);
    // The same line reaches the sheet's display.
    const sheet: SheetReport = { ...TASK_SHEET, table: extent(end, endRow, endText) };
    expect(sheetDisplay(sheet, 'vi').extentText).toBe(vi);
  });

  it('words a one-row table, an empty one, one with no quoted text, and a column-number row', () => {
    const base = extent('signature', 9, '');
    expect(extentText({ ...base, lastRow: 7 }, 'vi')).toBe(
      'Bảng: dòng 7; kết thúc trước khối chữ ký (dòng 9)',
    );
    expect(extentText({ ...base, lastRow: 7 }, 'en')).toBe(
      'Table: row 7; ends before the signature block (row 9)',
    );
    expect(extentText({ ...base, lastRow: 6, columnNumberRow: 6 }, 'vi')).toBe(
      'Bảng: không có dòng nào (dòng số thứ tự cột: 6); kết thúc trước khối chữ ký (dòng 9)',
    );
    expect(extentText({ ...base, lastRow: 6, columnNumberRow: 6 }, 'en')).toBe(
      'Table: no rows (column-number row: 6); ends before the signature block (row 9)',
    );
  });

  it('has no extent line for a sheet without a table, nor for a report that predates it', () => {
    const none: SheetReport = {
      ...TASK_SHEET,
      kind: 'none',
      table: null,
      summary: { ...TASK_SHEET.summary },
    };
    expect(sheetDisplay(none, 'vi').extentText).toBe('');
    expect(sheetDisplay({ ...TASK_SHEET, table: null }, 'en').extentText).toBe('');
    // An older report (JSON written before tables had an extent and areas groups) still displays.
    const old = JSON.parse(JSON.stringify(TASK_SHEET)) as Partial<SheetReport>;
    delete old.table;
    delete old.resultColumns;
    for (const a of old.summary?.byArea ?? []) delete (a as Partial<typeof a>).groups;
    const d = sheetDisplay(old as SheetReport, 'vi');
    expect([d.extentText, d.resultColumnText, d.taskAreas.map((a) => a.groups)]).toEqual(['', '', [[], []]]);
  });

  describe('resultColumnText', () => {
    const col = (column: string, heading: string, used: boolean, estimate = false): ResultColumn => ({
      column,
      heading,
      period: 'year',
      month: null,
      estimate,
      used,
    });
    const final = col('E', 'Kết quả cả năm', true);
    const estimate = col('F', 'Ước thực hiện cả năm', true, true);

    it('says nothing for a single result column, judged or not', () => {
      expect(resultColumnText([final], 'vi')).toBe('');
      expect(resultColumnText([], 'en')).toBe('');
      expect(sheetDisplay({ ...KPI_SHEET, resultColumns: [final] }, 'vi').resultColumnText).toBe('');
    });

    it('names the judged column, and the estimate read where it is blank', () => {
      const q1 = col('D', 'Quý I', false);
      expect(resultColumnText([q1, final], 'vi')).toBe('Đánh giá theo cột E "Kết quả cả năm"');
      expect(resultColumnText([q1, final], 'en')).toBe('Judged on column E "Kết quả cả năm"');
      expect(resultColumnText([final, estimate], 'vi')).toBe(
        'Đánh giá theo cột E "Kết quả cả năm", nơi cột này trống thì theo số ước thực hiện ở cột F "Ước thực hiện cả năm"',
      );
      expect(resultColumnText([final, estimate], 'en')).toBe(
        'Judged on column E "Kết quả cả năm", or on the estimate in column F "Ước thực hiện cả năm" where it is blank',
      );
      expect(resultColumnText([q1, estimate], 'vi')).toBe(
        'Đánh giá theo cột F "Ước thực hiện cả năm" (số ước thực hiện)',
      );
      expect(resultColumnText([q1, estimate], 'en')).toBe(
        'Judged on column F "Ước thực hiện cả năm" (an estimate)',
      );
    });

    it('says when no column is judged yet', () => {
      const cols = [col('D', 'Quý I', false), col('E', '6 tháng', false)];
      expect(resultColumnText(cols, 'vi')).toBe(
        'Chưa đánh giá theo cột kết quả nào (D "Quý I", E "6 tháng")',
      );
      expect(resultColumnText(cols, 'en')).toBe(
        'Not judged on any result column yet (D "Quý I", E "6 tháng")',
      );
    });

    it('is not shown on a task list', () => {
      expect(
        sheetDisplay({ ...TASK_SHEET, resultColumns: KPI_SHEET.resultColumns }, 'vi').resultColumnText,
      ).toBe('');
    });
  });
});
