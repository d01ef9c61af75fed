import { meetsTarget } from '../../src/attainment/meetsTarget';
import { parseTargets } from '../../src/targets/parseTarget';
import { parseActual } from '../../src/targets/parseActual';
import type { Target } from '../../src/report/schema';

const target = (raw: string): Target => parseTargets(raw).targets[0];
const shown = (v: number, format: string): number => {
  const r = parseActual(v, format);
  if (r.kind !== 'values') throw new Error('not a value');
  return r.values[0].value;
};

describe('meetsTarget', () => {
  it.each([
    ['Trên 90%', 90, false],
    ['Trên 90%', 90.00000000000001, false],
    ['Trên 90%', 90.1, true],
    ['Tối thiểu 80%', 80, true],
    ['Tối thiểu 80%', 79.99999999999999, true],
    ['Tối thiểu 80%', 79.9, false],
    ['100%', 100, true],
    ['100%', 99.99, false],
    ['tối đa 15 phút/01 lượt giao dịch', 12, true],
    ['tối đa 15 phút/01 lượt giao dịch', 15, true],
    ['tối đa 15 phút/01 lượt giao dịch', 16, false],
    ['Dưới 5%', 5, false],
    ['Dưới 5%', 4.9, true],
    ['Không có sai phạm', 0, true],
    ['Không có sai phạm', 1, false],
    ['99,9% trở lên', 99.9, true],
  ] as [string, number, boolean][])('%j with %p → %p', (raw, actual, met) => {
    expect(meetsTarget(target(raw), actual)).toBe(met);
  });

  it('0.9 in a "0%" cell does not pass "Trên 90%"', () => {
    expect(meetsTarget(target('Trên 90%'), shown(0.9, '0%'))).toBe(false);
    expect(meetsTarget(target('Tối thiểu 90%'), shown(0.9, '0%'))).toBe(true);
  });

  it('0.895 shown as 90% meets "Tối thiểu 90%"', () => {
    expect(meetsTarget(target('Tối thiểu 90%'), shown(0.895, '0%'))).toBe(true);
  });

  it('non-finite actuals never meet', () => {
    expect(meetsTarget(target('Dưới 5%'), NaN)).toBe(false);
    expect(meetsTarget(target('Dưới 5%'), -Infinity)).toBe(false);
  });
});
