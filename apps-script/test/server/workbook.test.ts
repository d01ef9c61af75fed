/**
 * The whole-workbook check in Sheets: every grid sheet read in three 2-D reads each (a chart on a sheet of its own
 * is left alone), the same report as the command line's for the same file, highlights on every sheet at two
 * rule calls per sheet, and one clear that leaves the spreadsheet exactly as it was.
 */
import { checkWorkbook, highlightsFor, type SheetGrid } from '../../../shared/src/index';
import { unpackGrid } from '../../../shared/src/hosts/gridTransfer';
import { applyWorkbookHighlights, clearHighlights, readWorkbook } from '../../src/server/index';
import { HIGHLIGHT_MARKER } from '../../src/server/highlights';
import type { FakeSheets } from '../fakeSheets/index';
import { installFake, seedGrids, sheetInit } from './support';

const OPTIONS = { today: '2025-10-15', asOf: '2025-10-15' } as const;

const READS = /^Range\.get(Values|NumberFormats|MergedRanges|DisplayValues)$/;

/** The report without what varies by host (file name). */
function essence(grids: SheetGrid[]) {
  const report = checkWorkbook(grids, OPTIONS);
  return {
    valid: report.valid,
    findings: report.findings.map((f) => [f.code, f.message]),
    sheets: report.sheets.map((s) => ({
      name: s.name,
      kind: s.kind,
      findings: s.findings.map((f) => [f.code, f.cell, f.message]),
      kpis: s.kpis.map((k) => [k.row, k.status]),
      tasks: s.tasks.map((t) => [t.row, t.status]),
    })),
  };
}

/** The sample's two appendices, a blank sheet, a chart sheet and the user's own rules on the task list. */
async function threeSheets(): Promise<{ fake: FakeSheets; grids: SheetGrid[] }> {
  const [tasks] = await seedGrids('seed000-tasks.xlsx');
  const [kpis] = await seedGrids('kpi-001-004.xlsx');
  const fake = installFake({
    sheets: [
      {
        ...sheetInit(tasks),
        conditionalRules: [
          { kind: 'formula', formula: '=$E7=""', ranges: ['B7:B52'], background: '#EEEEEE' },
        ],
      },
      { name: 'Ghi chú', values: [] },
      { name: 'Biểu đồ', values: [], type: 'OBJECT' },
      sheetInit(kpis),
    ],
  });
  return { fake, grids: [tasks, kpis] };
}

describe('readWorkbook', () => {
  it('gives the command line’s report for the same sheets, three reads a sheet that holds cells', async () => {
    const { fake, grids } = await threeSheets();
    fake.resetLog();
    const packed = readWorkbook();
    expect(JSON.parse(JSON.stringify(packed))).toEqual(packed);
    const read = packed.map(unpackGrid);
    expect(read.map((g) => g.name)).toEqual([grids[0].name, 'Ghi chú', grids[1].name]);
    expect(read[1].values).toEqual([]);
    const blank: SheetGrid = {
      name: 'Ghi chú',
      values: [],
      numberFormats: [],
      merges: [],
      origin: read[1].origin,
    };
    expect(essence(read)).toEqual(essence([grids[0], blank, grids[1]]));
    expect(essence(read).sheets[1].kind).toBe('none');
    expect(fake.count((c) => READS.test(c))).toBe(6);
    expect(fake.count('Sheet.getRange')).toBe(2);
  });

  it('does not grow in calls with the rows', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [i + 1, `nhiệm vụ ${i + 1}`]);
    /** Every call readWorkbook makes on a small sheet and one of `n` rows. */
    const calls = (n: number) => {
      const fake = installFake({
        sheets: [
          { name: 'A', values: rows(10) },
          { name: 'B', values: rows(n) },
        ],
      });
      fake.resetLog();
      readWorkbook();
      return fake.count();
    };
    expect(calls(40_000)).toBe(calls(20_000));
  });
});

describe('applyWorkbookHighlights', () => {
  it('highlights every checked sheet at two rule calls each; one clear leaves the file as it was', async () => {
    const { fake } = await threeSheets();
    const before = fake.snapshot();
    const grids = readWorkbook().map(unpackGrid);
    const report = checkWorkbook(grids, OPTIONS);
    const highlights = highlightsFor(report);
    const names = grids.map((g) => g.name);
    // Both appendices have something to show.
    expect(new Set(highlights.map((h) => h.sheet))).toEqual(new Set([names[0], names[2]]));

    fake.resetLog();
    applyWorkbookHighlights(names, highlights);
    // The blank sheet had none of ours and gets none: its rules are read, not written.
    expect(fake.count('Sheet.getConditionalFormatRules')).toBe(3);
    expect(fake.count('Sheet.setConditionalFormatRules')).toBe(2);
    const during = fake.snapshot();
    for (const name of [names[0], names[2]]) {
      const ours = during.sheets[name].conditionalRules.filter((r) => r.values[0] === HIGHLIGHT_MARKER);
      expect(ours.length).toBe(new Set(highlights.filter((h) => h.sheet === name).map((h) => h.kind)).size);
    }
    // The user's rule is still there, after ours.
    expect(during.sheets[names[0]].conditionalRules.at(-1)?.values[0]).toBe('=$E7=""');
    // Values untouched everywhere.
    for (const name of Object.keys(before.sheets))
      expect({ ...during.sheets[name], conditionalRules: [] }).toEqual({
        ...before.sheets[name],
        conditionalRules: [],
      });

    // Checking again with nothing to show on the task list takes ours off it and keeps the KPI sheet's.
    applyWorkbookHighlights(
      names,
      highlights.filter((h) => h.sheet !== names[0]),
    );
    expect(fake.snapshot().sheets[names[0]].conditionalRules).toEqual(
      before.sheets[names[0]].conditionalRules,
    );

    fake.resetLog();
    expect(clearHighlights(null)).toBeGreaterThan(0);
    // The chart sheet is never asked for rules.
    expect(fake.count('Sheet.getConditionalFormatRules')).toBe(3);
    expect({ ...fake.snapshot(), activeSheet: before.activeSheet }).toEqual(before);
  });

  it('writes nothing when a sheet was renamed since the check, and says which', async () => {
    const { fake, grids } = await threeSheets();
    const before = fake.snapshot();
    const highlights = highlightsFor(checkWorkbook(grids, OPTIONS));
    expect(() => applyWorkbookHighlights([grids[0].name, 'Đã đổi tên', grids[1].name], highlights)).toThrow(
      'CCHC:sheet-missing Đã đổi tên',
    );
    expect(fake.snapshot()).toEqual(before);
    expect(() => applyWorkbookHighlights('Nhiệm vụ' as unknown as string[], [])).toThrow('CCHC:bad-argument');
  });
});
