import { findNumbers, foldSameLength, parseVietnameseNumber, roundTo } from '../../src/targets/number';

describe('parseVietnameseNumber', () => {
  it.each([
    ['99,9', 99.9],
    ['1,5', 1.5],
    ['0,5', 0.5],
    ['1.000', 1000],
    ['1.000.000', 1000000],
    ['1.000,5', 1000.5],
    ['1.5', 1.5],
    ['1.25', 1.25],
    ['0.925', 0.925],
    ['02', 2],
    ['0', 0],
    ['100', 100],
    [' 92 ', 92],
    ['-5', -5],
    ['+5', 5],
    ['1 000', 1000],
    ['1,000,000', 1000000],
  ])('%j → %p', (s, n) => {
    expect(parseVietnameseNumber(s)).toBe(n);
  });

  it.each(['', 'abc', '1.2.3', '1,2,3', '92%', '1..2', '.5', '5.', '15/02', '1e5', 'NaN', 'Infinity'])(
    '%j → null',
    (s) => {
      expect(parseVietnameseNumber(s)).toBeNull();
    },
  );
});

describe('foldSameLength', () => {
  it('drops marks and case without changing length', () => {
    const s = 'Tối thiểu Đơn vị HỒ SƠ ≥ 90%';
    const f = foldSameLength(s);
    expect(f).toBe('toi thieu don vi ho so ≥ 90%');
    expect(f.length).toBe(s.length);
  });
});

describe('findNumbers', () => {
  it('finds quantities with their units and skips references', () => {
    const found = findNumbers(
      'Tối đa 15 phút/01 lượt giao dịch; 20% thủ tục; Nghị định 33/2023/NĐ-CP năm 2024',
    );
    expect(found.map((t) => [t.value, t.unit])).toEqual([
      [15, 'phút'],
      [20, '%'],
    ]);
  });
});

describe('roundTo', () => {
  it.each([
    [89.49999999999999, 0, 90],
    [0.895 * 100, 0, 90],
    [89.45, 1, 89.5],
    [90.00000000000001, 10, 90],
    [-2.5, 0, -3],
    [-0.0000000000001, 10, 0],
  ])('%p to %p → %p', (v, d, r) => {
    expect(roundTo(v, d)).toBe(r);
  });
});
