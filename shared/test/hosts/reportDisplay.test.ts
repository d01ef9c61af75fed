import { checkWorkbook } from '../../src/check';
import {
  countSeverities,
  formatDate,
  groupFindings,
  kpiRow,
  reportDisplay,
} from '../../src/hosts/reportDisplay';
import type { Finding, Kpi } from '../../src/report/schema';
import type { SheetGrid } from '../../src/table/grid';

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
    indicator: 'Hồ sơ',
    targets: [
      { text: '100%', op: '=', value: 100, unit: '%' },
      { text: 'tối đa 15 phút', op: '<=', value: 15, unit: 'phút' },
    ],
    actual: 97.5,
    actuals: [97.5, 12],
    status: 'missed',
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
      { area: 'I', name: 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', tasks: 3, done: 1, overdue: 1 },
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
