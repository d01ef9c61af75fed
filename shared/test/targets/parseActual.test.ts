import { parseActual, type ActualReading, type ActualValue } from '../../src/targets/parseActual';
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

describe('parseActual: results written as fractions', () => {
  const ratio = (
    value: number,
    numerator: number,
    denominator: number,
    unit: string | null = null,
  ): ActualValue => ({ value, unit: '%', fraction: { numerator, denominator, unit } });
  const cases: [string, ActualValue[]][] = [
    ['12/15 hồ sơ', [ratio(80, 12, 15, 'hồ sơ')]],
    ['45/50', [ratio(90, 45, 50)]],
    ['12 trên 15', [ratio(80, 12, 15)]],
    ['đạt 12/15', [ratio(80, 12, 15)]],
    ['Đạt 45/50 hồ sơ', [ratio(90, 45, 50, 'hồ sơ')]],
    ['Đạt được 3/4 cơ quan', [ratio(75, 3, 4, 'cơ quan')]],
    ['20/25 văn bản', [ratio(80, 20, 25, 'văn bản')]],
    ['12 / 15 hồ sơ', [ratio(80, 12, 15, 'hồ sơ')]],
    ['12/15 hồ sơ đúng hạn', [ratio(80, 12, 15, 'hồ sơ')]],
    ['12/15 TTHC', [ratio(80, 12, 15, 'tthc')]],
    ['1.000/1.250 hồ sơ', [ratio(80, 1000, 1250, 'hồ sơ')]],
    ['2/3', [ratio(66.6666666667, 2, 3)]],
    ['12/10 hoạt động', [ratio(120, 12, 10, 'hoạt động')]],
    ['12/15; 45/50', [ratio(80, 12, 15), ratio(90, 45, 50)]],
    ['- 12/15 hồ sơ\n- 45/50 hồ sơ', [ratio(80, 12, 15, 'hồ sơ'), ratio(90, 45, 50, 'hồ sơ')]],
    ['95%; 12/15 hồ sơ', [{ value: 95, unit: '%' }, ratio(80, 12, 15, 'hồ sơ')]],
    // The percentage restated beside the fraction is the same result, not a second one.
    ['12/15 hồ sơ (80%)', [ratio(80, 12, 15, 'hồ sơ')]],
    ['12/15 hồ sơ, đạt 80%', [ratio(80, 12, 15, 'hồ sơ')]],
    ['12/15 hồ sơ (80,0%)', [ratio(80, 12, 15, 'hồ sơ')]],
    ['2/3 (66,7%)', [ratio(66.6666666667, 2, 3)]],
    ['2/3 (67%)', [ratio(66.6666666667, 2, 3)]],
    ['12/15 hồ sơ (80%); 45/50 hồ sơ (90%)', [ratio(80, 12, 15, 'hồ sơ'), ratio(90, 45, 50, 'hồ sơ')]],
    ['12/15 hồ sơ (đến 30/6/2025)', [ratio(80, 12, 15, 'hồ sơ')]],
  ];
  it.each(cases)('%j', (v, expected) => {
    expect(parseActual(v)).toEqual({ kind: 'values', values: expected });
  });

  it('45/50 is exactly 90, with no float noise', () => {
    const r = parseActual('45/50');
    expect(r.kind === 'values' && r.values[0].value).toBe(90);
    const s = parseActual('9/10');
    expect(s.kind === 'values' && s.values[0].value).toBe(90);
  });

  it('reads decomposed text and non-breaking spaces as typed', () => {
    expect(parseActual('12/15 hồ sơ'.normalize('NFD'))).toEqual(parseActual('12/15 hồ sơ'));
    expect(parseActual('Đạt 45/50 hồ sơ'.normalize('NFD'))).toEqual({
      kind: 'values',
      values: [ratio(90, 45, 50, 'hồ sơ')],
    });
    expect(parseActual('12\u00a0/\u00a015')).toEqual({ kind: 'values', values: [ratio(80, 12, 15)] });
    expect(parseActual('12\u00a0trên\u00a015\u00a0hồ sơ')).toEqual({
      kind: 'values',
      values: [ratio(80, 12, 15, 'hồ sơ')],
    });
  });

  it('a restated percentage that disagrees with the fraction makes the cell unreadable, not one or the other', () => {
    expect(parseActual('12/15 hồ sơ (75%)')).toEqual({ kind: 'invalid', text: '12/15 hồ sơ (75%)' });
    expect(parseActual('2/3 (66,6%)')).toEqual({ kind: 'invalid', text: '2/3 (66,6%)' });
    expect(parseActual('12 / 15 hồ sơ (75%)')).toEqual({ kind: 'invalid', text: '12 / 15 hồ sơ (75%)' });
  });

  it.each(['0/0', '5/0 hồ sơ', 'đạt 0 trên 0', '12/15; 3/0'])('%p has a zero denominator', (v) => {
    expect(parseActual(v)).toEqual({ kind: 'zero-denominator', text: v });
  });

  it('0 of 15 is 0 %, not a zero denominator', () => {
    expect(parseActual('0/15 hồ sơ')).toEqual({ kind: 'values', values: [ratio(0, 0, 15, 'hồ sơ')] });
  });

  // Dates and references keep the reading they had before fractions were read.
  it.each([
    ['15/02/2025', { kind: 'invalid', text: '15/02/2025' }],
    ['02/2025', { kind: 'invalid', text: '02/2025' }],
    ['Tháng 02/2025', { kind: 'invalid', text: 'Tháng 02/2025' }],
    ['15/02', { kind: 'invalid', text: '15/02' }],
    ['33/2023', { kind: 'invalid', text: '33/2023' }],
    ['33/2023/NĐ-CP', { kind: 'invalid', text: '33/2023/NĐ-CP' }],
    [
      'Kế hoạch số 3989/KH-UBND ngày 21/11/2022',
      { kind: 'invalid', text: 'Kế hoạch số 3989/KH-UBND ngày 21/11/2022' },
    ],
    ['12/15 ngày 30/6', { kind: 'invalid', text: '12/15 ngày 30/6' }],
    ['12 phút/01 lượt giao dịch', values([12, 'phút'])],
    ['Trên 90%', values([90, '%'])],
    ['đạt trên 95%', values([95, '%'])],
  ] as [string, ActualReading][])('%p is not a fraction', (v, expected) => {
    expect(parseActual(v)).toEqual(expected);
  });
});
