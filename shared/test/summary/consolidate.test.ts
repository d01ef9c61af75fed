import { checkWorkbook, type Report, type SheetGrid } from '../../src/index';
import { consolidate } from '../../src/summary/consolidate';
import { indicatorKey } from '../../src/summary/indicatorKey';
import { digestReport, unreadableDigest } from '../../src/summary/digest';
import { summarySchema } from '../../src/summary/schema';
import { sameUnitList } from '../../src/summary/words';
import { pastedKpiTable, pastedTaskList } from '../fixtures/pastedLayouts';
import { KPIS, TASKS } from '../../ui/test/sampleGrids';

/** The indicator as another ward typed it: its key is made again from the new spelling, as digestReport does. */
const respell = <T extends { name: string; key: string }>(k: T, name: string): T => ({
  ...k,
  name,
  key: indicatorKey(name),
});

const OPTIONS = { lang: 'vi' as const, asOf: '2025-08-01' };

/** A ward's workbook: the shared sample tables under that ward's heading. */
function ward(unit: string, kpiTable: SheetGrid = KPIS): SheetGrid[] {
  const heading = (g: SheetGrid): SheetGrid => ({
    ...g,
    values: [['ỦY BAN NHÂN DÂN'], [unit.toUpperCase()], ...g.values],
    numberFormats: g.numberFormats ? [[], [], ...g.numberFormats] : undefined,
    merges: (g.merges ?? []).map((m) =>
      typeof m === 'string' ? m.replace(/\d+/g, (n) => String(Number(n) + 2)) : m,
    ),
  });
  return [heading(TASKS), heading(kpiTable)];
}

function checked(files: [string, SheetGrid[]][]) {
  return files.map(([file, grids]) => {
    const report = checkWorkbook(grids, { ...OPTIONS, file });
    return { file, grids, report };
  });
}

const sumOver = (reports: Report[], pick: (s: Report['sheets'][number]) => number) =>
  reports.reduce((t, r) => t + r.sheets.reduce((u, s) => u + pick(s), 0), 0);

describe('consolidating ward files into the province summary', () => {
  const files = checked([
    ['p5.xlsx', ward('Phường 5')],
    ['an-nhon.xlsx', [pastedTaskList(), pastedKpiTable()]],
    ['p5-lan-2.xlsx', ward('Phường 05')],
    ['xa-an-phu.xlsx', ward('Xã An Phú')],
  ]);
  const digests = [files[0], files[1], files[2], files[3]].map((f) =>
    digestReport(f.report, f.grids, f.file),
  );
  digests.splice(2, 0, unreadableDigest('hong.xlsx', 'hong.xlsx: tệp .xlsx bị hỏng hoặc không đọc được.'));
  const summary = consolidate(digests, { lang: 'vi', today: '2025-12-01' });
  const reports = files.map((f) => f.report);

  it('is a valid summary whose totals are the sums of the per-file reports', () => {
    expect(summarySchema.safeParse(summary).success).toBe(true);
    expect(summary.totals.tasks.total).toBe(sumOver(reports, (s) => s.summary.tasks.total));
    expect(summary.totals.tasks.overdue).toBe(sumOver(reports, (s) => s.summary.tasks.overdue));
    expect(summary.totals.kpis.met).toBe(sumOver(reports, (s) => s.summary.kpis.met));
    expect(summary.totals.kpis.missed).toBe(sumOver(reports, (s) => s.summary.kpis.missed));
    const errors = reports.reduce(
      (t, r) =>
        t +
        [...r.findings, ...r.sheets.flatMap((s) => s.findings)].filter((f) => f.severity === 'error').length,
      0,
    );
    expect(summary.totals.errors).toBe(errors);
    expect(summary.errors).toHaveLength(errors + 1);
    expect(summary.totals).toMatchObject({ files: 5, read: 4, unreadable: 1, units: 3 });
    expect(summary.asOf).toBe('2025-08-01');
    expect(summary.year).toBe(2025);
  });

  it('keeps the files in the order given, names each unit, and flags a unit that sent two files', () => {
    expect(summary.files.map((f) => f.unit)).toEqual([
      'Phường 5',
      'Phường An Nhơn Đông',
      'hong',
      'Phường 5',
      'Xã An Phú',
    ]);
    expect(summary.files[0].sameUnit).toEqual(['p5-lan-2.xlsx']);
    expect(summary.files[3].sameUnit).toEqual(['p5.xlsx']);
    expect(summary.files[1].sameUnit).toEqual([]);
    expect(summary.files.map((f) => f.sameUnitCount)).toEqual([1, 0, 0, 1, 0]);
    expect(summary.files[2]).toMatchObject({ unreadable: expect.stringContaining('hỏng'), rate: null });
  });

  it('rates each file by met / (met + missed)', () => {
    const k = files[0].report.sheets[1].summary.kpis;
    expect(k.met + k.missed).toBeGreaterThan(0);
    expect(summary.files[0].rate).toBeCloseTo(k.met / (k.met + k.missed));
  });

  it('matches an indicator across files by its normalised name, most-reported first', () => {
    // The sample's first indicator is also in the pasted KPI table (file 1); the unreadable file 2 has none.
    const top = summary.indicators[0];
    expect(top.name).toBe('Tỷ lệ hoàn thành kế hoạch CCHC');
    expect(top.results.map((r) => r.file)).toEqual([0, 1, 3, 4]);
    expect(top.met + top.missed + top.noData + top.unmeasurable).toBe(4);
    // Spelt "Tỉ lệ" in one ward: still the same indicator.
    const respelt = digests.map((d) => ({
      ...d,
      indicators: d.indicators.map((k, i) =>
        d.file === 'xa-an-phu.xlsx' && i === 0 ? respell(k, 'Tỉ lệ hoàn thành kế hoạch CCHC (%)') : k,
      ),
    }));
    expect(consolidate(respelt, { lang: 'vi', today: '2025-12-01' }).indicators[0].results).toHaveLength(4);
    for (let i = 1; i < summary.indicators.length; i++)
      expect(summary.indicators[i - 1].results.length).toBeGreaterThanOrEqual(
        summary.indicators[i].results.length,
      );
  });

  it('sums tasks per area in the order I, II, …', () => {
    const numerals = summary.areas.map((a) => a.area);
    // All seven required areas, even those no file has a task in.
    expect(numerals.slice(0, 7)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']);
    const tasks = summary.areas.reduce((t, a) => t + a.tasks, 0);
    expect(tasks).toBeLessThanOrEqual(summary.totals.tasks.total);
    expect(summary.areas[0].name).toBe('Công tác chỉ đạo, điều hành cải cách hành chính');
  });

  it('gives a sensible summary when nothing could be read', () => {
    const none = consolidate([unreadableDigest('a.xlsx', 'a.xlsx: không phải tệp Excel .xlsx.')], {
      lang: 'en',
      today: '2025-12-01',
    });
    expect(none.totals).toMatchObject({ files: 1, read: 0, unreadable: 1, rate: null });
    expect(none.asOf).toBe('2025-12-01');
    expect(none.year).toBeNull();
  });
});

describe('a unit that sent many files', () => {
  const [one] = checked([['p5.xlsx', ward('Phường 5')]]);
  const digest = digestReport(one.report, one.grids, one.file);
  const many = (n: number) =>
    consolidate(
      Array.from({ length: n }, (_, i) => ({ ...digest, file: `p5-${i + 1}.xlsx` })),
      { lang: 'vi', today: '2025-12-01' },
    );

  it('names the first five others of each file and counts them all', () => {
    const s = many(12);
    expect(s.files[0].sameUnit).toEqual(['p5-2.xlsx', 'p5-3.xlsx', 'p5-4.xlsx', 'p5-5.xlsx', 'p5-6.xlsx']);
    expect(s.files[3].sameUnit).toEqual(['p5-1.xlsx', 'p5-2.xlsx', 'p5-3.xlsx', 'p5-5.xlsx', 'p5-6.xlsx']);
    expect(s.files[11].sameUnit).toHaveLength(5);
    expect(s.files.every((f) => f.sameUnitCount === 11)).toBe(true);
    expect(sameUnitList(s.files[0], 'vi')).toBe(
      'p5-2.xlsx, p5-3.xlsx, p5-4.xlsx, p5-5.xlsx, p5-6.xlsx và 6 tệp khác',
    );
    expect(sameUnitList(s.files[0], 'en')).toBe(
      'p5-2.xlsx, p5-3.xlsx, p5-4.xlsx, p5-5.xlsx, p5-6.xlsx and 6 other files',
    );
  });

  it('stays linear: the names it holds grow with the files, not with their square', () => {
    const names = (n: number) => many(n).files.reduce((t, f) => t + f.sameUnit.length, 0);
    expect(names(3_000)).toBe(3_000 * 5);
  });
});
