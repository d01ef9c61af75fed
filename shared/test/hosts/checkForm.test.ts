import {
  checkOptionsFromForm,
  isoDay,
  parseYear,
  periodPreview,
  templateKinds,
  templateParamsFromForm,
} from '../../src/hosts/checkForm';

const base = { lang: 'vi' as const, today: '2025-10-15' };

describe('checkOptionsFromForm', () => {
  it('passes a date, today and the language; a blank year is left to the title', () => {
    expect(checkOptionsFromForm({ asOf: '2025-06-30', period: '', year: '' }, base)).toEqual({
      ok: true,
      value: { lang: 'vi', today: '2025-10-15', asOf: '2025-06-30' },
    });
    expect(checkOptionsFromForm({ asOf: '30/6/2025', period: '', year: ' 2025 ' }, base)).toEqual({
      ok: true,
      value: { lang: 'vi', today: '2025-10-15', asOf: '2025-06-30', year: 2025 },
    });
    expect(checkOptionsFromForm({ asOf: '', period: '', year: '' }, base)).toEqual({
      ok: true,
      value: { lang: 'vi', today: '2025-10-15' },
    });
  });

  it('lets a period win over the date, leaving its cut-off to the core', () => {
    expect(checkOptionsFromForm({ asOf: '2025-01-01', period: 'h1', year: '' }, base)).toEqual({
      ok: true,
      value: { lang: 'vi', today: '2025-10-15', period: 'h1' },
    });
  });

  it('names the field in trouble', () => {
    expect(checkOptionsFromForm({ asOf: '31/02/2025', period: '', year: '' }, base)).toEqual({
      ok: false,
      problem: 'date',
    });
    expect(checkOptionsFromForm({ asOf: '', period: '', year: '25' }, base)).toEqual({
      ok: false,
      problem: 'year',
    });
  });
});

describe('form helpers', () => {
  it('parseYear', () => {
    expect(parseYear('')).toBeUndefined();
    expect(parseYear('2026')).toBe(2026);
    expect(parseYear('1989')).toBeNull();
    expect(parseYear('2025.5')).toBeNull();
  });

  it('periodPreview uses the typed year, else the current one', () => {
    expect(periodPreview('q1', '2024', '2025-10-15')).toBe('2024-03-14');
    expect(periodPreview('year', '', '2025-10-15')).toBe('2025-12-14');
    expect(periodPreview('h1', 'abc', '2025-10-15')).toBe('2025-06-14');
  });

  it('isoDay reads the local calendar day', () => {
    expect(isoDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('templateKinds: all is the task list and the KPI table', () => {
    expect(templateKinds('all')).toEqual(['tasks', 'kpis']);
    expect(templateKinds('units')).toEqual(['units']);
  });

  it('templateParamsFromForm fills the year and a placeholder unit', () => {
    expect(templateParamsFromForm({ year: '', unit: ' ', doc: ' ', examples: true }, base)).toEqual({
      ok: true,
      value: { lang: 'vi', year: 2025, unit: 'Phường …', exampleTargets: true },
    });
    expect(
      templateParamsFromForm(
        { year: '2026', unit: 'Phường 5', doc: '36/KH-UBND', examples: false },
        { lang: 'en', today: '2025-10-15' },
      ),
    ).toEqual({
      ok: true,
      value: { lang: 'en', year: 2026, unit: 'Phường 5', doc: '36/KH-UBND', exampleTargets: false },
    });
    expect(templateParamsFromForm({ year: '99', unit: '', doc: '', examples: false }, base)).toEqual({
      ok: false,
      problem: 'year',
    });
  });
});
