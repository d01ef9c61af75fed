import {
  NATIONAL_CUTOFFS,
  PERIODS,
  parseCutoffOverrides,
  parsePeriod,
  periodCutoff,
  periodLabel,
} from '../../src/deadlines/periods';

describe('periods', () => {
  it('lists the four reporting periods with the national cut-offs', () => {
    expect(PERIODS).toEqual(['q1', 'h1', 'q3', 'year']);
    expect(NATIONAL_CUTOFFS).toEqual({ q1: '14/03', h1: '14/06', q3: '14/09', year: '14/12' });
  });

  it('gives the national cut-off by default', () => {
    expect(PERIODS.map((p) => periodCutoff(p, 2025))).toEqual([
      '2025-03-14',
      '2025-06-14',
      '2025-09-14',
      '2025-12-14',
    ]);
  });

  it('applies overrides, and falls back for periods without one or with a bad one', () => {
    const o = parseCutoffOverrides('q1=09/03,h1=09/06,q3=09/09,year=09/12');
    expect(o).toEqual({ q1: '09/03', h1: '09/06', q3: '09/09', year: '09/12' });
    expect(periodCutoff('h1', 2025, o ?? undefined)).toBe('2025-06-09');
    expect(periodCutoff('q3', 2025, { q1: '10/03' })).toBe('2025-09-14');
    expect(periodCutoff('q1', 2025, { q1: 'rubbish' })).toBe('2025-03-14');
    expect(periodCutoff('q1', 2025, { q1: '29/02' })).toBe('2025-02-28');
    expect(periodCutoff('q1', 2024, { q1: '29/02' })).toBe('2024-02-29');
  });

  it('parses cut-off specs', () => {
    expect(parseCutoffOverrides('q1=9/3')).toEqual({ q1: '09/03' });
    expect(parseCutoffOverrides(' year = 10-12 ; h1=09.06 ')).toEqual({ year: '10/12', h1: '09/06' });
    for (const bad of [
      '',
      'q1',
      'q1=',
      'q1=32/03',
      'q1=31/04',
      'q5=09/03',
      'q1=09/03,q1=10/03',
      'q1=09/03/2025',
      'q1:09/03',
    ]) {
      expect(parseCutoffOverrides(bad)).toBeNull();
    }
  });

  it('parses period names in English and Vietnamese', () => {
    const cases: [string, string | null][] = [
      ['q1', 'q1'],
      ['Q1', 'q1'],
      ['h1', 'h1'],
      ['q3', 'q3'],
      ['year', 'year'],
      ['quý I', 'q1'],
      ['Quý 1', 'q1'],
      ['quy i', 'q1'],
      ['6 tháng', 'h1'],
      ['6 tháng đầu năm', 'h1'],
      ['9 tháng', 'q3'],
      ['quý III', 'q3'],
      ['năm', 'year'],
      ['Cả năm', 'year'],
      ['', null],
      ['q5', null],
      ['quy định', null],
      ['tháng 6', null],
    ];
    for (const [s, p] of cases) expect([s, parsePeriod(s)]).toEqual([s, p]);
  });

  it('labels periods', () => {
    expect(PERIODS.map((p) => periodLabel(p, 'vi'))).toEqual(['Quý I', '6 tháng', '9 tháng', 'Năm']);
    expect(PERIODS.map((p) => periodLabel(p, 'en'))).toEqual(['Q1', '6 months', '9 months', 'Year']);
  });
});
