import { scoreKpi } from '../../src/attainment/kpiStatus';
import { parseActual } from '../../src/targets/parseActual';
import { parseTargets } from '../../src/targets/parseTarget';

/** Scores a result cell against a target cell, both as a ward officer types them. */
const score = (target: string, result: string) => scoreKpi(parseTargets(target).targets, parseActual(result));

describe('scoreKpi: results written as fractions', () => {
  it.each([
    ['Tối thiểu 80%', '12/15 hồ sơ', 'met', 80],
    ['Tối thiểu 80%', '11/15 hồ sơ', 'missed', 73.3333333333],
    ['Trên 90%', '45/50', 'missed', 90],
    ['Trên 90%', '46/50', 'met', 92],
    ['từ 90% trở lên', '45/50', 'met', 90],
    ['Tối thiểu 80%', '12 trên 15', 'met', 80],
    ['Tối thiểu 80%', 'đạt 12/15', 'met', 80],
    ['đạt trên 95%', 'Đạt 45/50 hồ sơ', 'missed', 90],
    ['Tối thiểu 80%', '12/15 hồ sơ (80%)', 'met', 80],
    ['Tối thiểu 80%', '12/15 hồ sơ'.normalize('NFD'), 'met', 80],
    ['Tối thiểu 80%', '12\u00a0/\u00a015', 'met', 80],
  ])('%j with %j → %s', (target, result, status, actual) => {
    const s = score(target, result);
    expect(s.status).toBe(status);
    expect(s.problem).toBeNull();
    expect(s.actuals).toEqual([actual]);
  });

  it('reports the ratio it compared when a fraction falls short', () => {
    const s = score('Trên 90%', '45/50');
    expect(s.missed).toEqual([{ target: parseTargets('Trên 90%').targets[0], actual: 90 }]);
  });

  it('compares the numerator against a count target', () => {
    const s = score('Thực hiện đầy đủ 02 hoạt động', '2/2 hoạt động');
    expect(s).toMatchObject({ status: 'met', problem: null, actuals: [2], missed: [] });
    // 1 of 2 is 50 %, but the target counts activities: 1 falls short of 2.
    expect(score('Thực hiện đầy đủ 02 hoạt động', '1/2 hoạt động')).toMatchObject({
      status: 'missed',
      actuals: [1],
    });
    expect(score('Thực hiện đầy đủ 02 hoạt động', '3/4')).toMatchObject({ status: 'met', actuals: [3] });
  });

  it('a count of nothing: 0 of 5 meets "Không có sai phạm", 1 of 5 misses it', () => {
    expect(score('Không có sai phạm', '0/5 cơ quan')).toMatchObject({ status: 'met', actuals: [0] });
    expect(score('Không có sai phạm', '1/5 cơ quan')).toMatchObject({ status: 'missed', actuals: [1] });
  });

  it('scores one fraction per target, in order', () => {
    const target = 'Tối thiểu 80% hồ sơ đúng hạn; Trên 90% TTHC';
    expect(parseTargets(target).targets).toHaveLength(2);
    const s = score(target, '12/15; 45/50');
    expect(s.status).toBe('missed');
    expect(s.actuals).toEqual([80, 90]);
    expect(s.missed.map((m) => m.actual)).toEqual([90]);
    expect(score(target, '12/15; 46/50').status).toBe('met');
  });

  it('mixes a ratio and a count in one cell', () => {
    const s = score('Tối thiểu 80%; Thực hiện đầy đủ 02 hoạt động', '12/15 hồ sơ; 2/2 hoạt động');
    expect(s).toMatchObject({ status: 'met', actuals: [80, 2], problem: null });
  });

  it('one fraction against two targets is a count mismatch', () => {
    expect(score('Tối thiểu 80%; Trên 90%', '12/15')).toMatchObject({
      status: 'unmeasurable',
      problem: 'count-mismatch',
    });
  });

  it.each(['0/0', '5/0 hồ sơ'])('%p has no ratio: no data, and the problem is said', (result) => {
    expect(parseActual(result)).toEqual({ kind: 'zero-denominator', text: result });
    expect(score('Tối thiểu 80%', result)).toEqual({
      status: 'no-data',
      actuals: [],
      problem: 'zero-denominator',
      outOfRange: [],
      missed: [],
    });
    expect(score('Thực hiện đầy đủ 02 hoạt động', result)).toMatchObject({
      status: 'no-data',
      problem: 'zero-denominator',
    });
  });

  it('a fraction above 100 % is out of range for a percentage target', () => {
    expect(score('Tối thiểu 80%', '18/15 hồ sơ')).toMatchObject({ status: 'met', outOfRange: [120] });
  });
});

describe('scoreKpi: results as before', () => {
  it.each([
    ['Tối thiểu 80%', '92%', 'met', null],
    ['Trên 90%', '90%', 'missed', null],
    ['Tối thiểu 85%; từ 60% trở lên', '95%; 70%', 'met', null],
    ['Tối thiểu 80%', 'Đạt', 'no-data', 'unparseable'],
    ['Tối thiểu 80%', '15/02/2025', 'no-data', 'unparseable'],
    ['Tối thiểu 80%', '02/2025', 'no-data', 'unparseable'],
    ['Tối thiểu 80%', '', 'no-data', null],
    ['Thực hiện đầy đủ 02 hoạt động', '02 hoạt động', 'met', null],
    ['Không có sai phạm', 'Không có', 'met', null],
    ['tối đa 15 phút/01 lượt giao dịch', '90%', 'unmeasurable', 'unit-mismatch'],
    ['Theo các văn bản quy định của Nhà nước', '12/15', 'unmeasurable', null],
  ])('%j with %j → %s', (target, result, status, problem) => {
    expect(score(target, result)).toMatchObject({ status, problem });
  });

  it('no reading is no data', () => {
    expect(scoreKpi(parseTargets('Tối thiểu 80%').targets, null)).toMatchObject({
      status: 'no-data',
      problem: null,
    });
  });
});
