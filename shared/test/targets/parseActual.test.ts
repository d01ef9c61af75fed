import { parseActual, type ActualReading } from '../../src/targets/parseActual';
import type { CellValue } from '../../src/table/grid';

const values = (...v: [number, string | null][]): ActualReading => ({
  kind: 'values',
  values: v.map(([value, unit]) => ({ value, unit })),
});

describe('parseActual: numbers', () => {
  const cases: [number, string | null | undefined, ActualReading][] = [
    [0.92, '0%', values([92, '%'])],
    [0.92, '0.00%', values([92, '%'])],
    [0.895, '0%', values([90, '%'])],
    [0.8945, '0.0%', values([89.5, '%'])],
    [0.9, '0%', values([90, '%'])],
    [0.9, '0.0%', values([90, '%'])],
    [1.1, '0%', values([110, '%'])],
    [0.07, '0%', values([7, '%'])],
    [92, undefined, values([92, null])],
    [92, 'General', values([92, null])],
    [0.1 + 0.2, null, values([0.3, null])],
    [90.00000000000001, 'General', values([90, null])],
    [89.6, '#,##0', values([90, null])],
    [0, undefined, values([0, null])],
    [1000, '#,##0', values([1000, null])],
  ];
  it.each(cases)('%p in %p', (v, f, expected) => {
    expect(parseActual(v, f)).toEqual(expected);
  });

  it('0.9 × 100 in a "0%" cell is exactly 90', () => {
    const r = parseActual(0.9, '0%');
    expect(r.kind === 'values' && r.values[0].value).toBe(90);
  });

  it.each([NaN, Infinity, -Infinity])('%p is invalid', (v) => {
    expect(parseActual(v)).toEqual({ kind: 'invalid', text: String(v) });
  });

  it('a number in a date-formatted cell is a date, not a result', () => {
    expect(parseActual(45678, 'dd/mm/yyyy').kind).toBe('invalid');
  });
});

describe('parseActual: text', () => {
  const cases: [string, ActualReading][] = [
    ['94,5%', values([94.5, '%'])],
    ['92%', values([92, '%'])],
    ['92 %', values([92, '%'])],
    ['92', values([92, null])],
    [' 92 ', values([92, null])],
    ['1.000', values([1000, null])],
    ['0', values([0, null])],
    ['15 phút', values([15, 'phút'])],
    ['12 phút/01 lượt giao dịch', values([12, 'phút'])],
    ['02 hoạt động', values([2, 'hoạt động'])],
    ['Đạt 95%', values([95, '%'])],
    ['95%; 70%', values([95, '%'], [70, '%'])],
    ['95% - 70%', values([95, '%'], [70, '%'])],
    ['- 95%\n- 70%', values([95, '%'], [70, '%'])],
    ['95%\n70%', values([95, '%'], [70, '%'])],
    ['Không có', values([0, null])],
    ['Không', values([0, null])],
    ['không có sai phạm', values([0, null])],
    ['Đạt 95% (năm 2024)', values([95, '%'])],
  ];
  it.each(cases)('%j', (v, expected) => {
    expect(parseActual(v)).toEqual(expected);
  });

  it('text is read as typed, even in a percent-formatted cell', () => {
    expect(parseActual('92%', '0%')).toEqual(values([92, '%']));
  });
});

describe('parseActual: results not in yet', () => {
  it.each([
    'chưa tổng hợp',
    'Chưa có số liệu',
    'chưa có số liệu.',
    'Đang tổng hợp',
    'đang cập nhật',
    'Chưa báo cáo',
    'chưa cập nhật số liệu',
    '–',
    '-',
    '—',
    '...',
    '…',
  ])('%p means no data yet', (v) => {
    expect(parseActual(v)).toEqual({ kind: 'blank' });
  });

  it.each(['chưa đạt', 'Đạt', 'tốt', 'chưa tổng hợp 80%'])('%p is not a "not yet"', (v) => {
    expect(parseActual(v).kind).not.toBe('blank');
  });
});

describe('parseActual: blank and invalid', () => {
  it.each([null, undefined, '', '   ', '\n\t'] as CellValue[])('%p is blank', (v) => {
    expect(parseActual(v)).toEqual({ kind: 'blank' });
  });

  it.each([
    [true, 'true'],
    [false, 'false'],
    [new Date(Date.UTC(2025, 1, 15)), '2025-02-15'],
    ['Đạt', 'Đạt'],
    ['Không đạt', 'Không đạt'],
    ['30/6/2025', '30/6/2025'],
  ] as [CellValue, string][])('%p is invalid', (v, text) => {
    expect(parseActual(v)).toEqual({ kind: 'invalid', text });
  });
});
