import { HIGHLIGHT_FILLS } from '../../../shared/src/report/palette';
import type { Highlight } from '../../../shared/src/report/schema';
import {
  HIGHLIGHT_MARKER,
  applyHighlights,
  applyWorkbookHighlights,
  clearHighlights,
} from '../../src/host/excelHost';
import { excelWorkbook } from '../../src/taskpane/excelWorkbook';
import { createFakeExcel, type FakeExcel } from '../fakeExcel';
import { countSyncs, taskSheet } from './support';

const NAMES = ['Nhiệm vụ', 'Chỉ tiêu', 'Khác'];
/** A sheet the check did not read: whatever of ours it holds stays. */
const OTHER = 'Ngoài';

/** Three checked sheets, two with conditional formats of the user's own, and a fourth sheet. */
function workbook(): FakeExcel {
  return createFakeExcel({
    sheets: [
      {
        ...taskSheet(NAMES[0], 40),
        formats: { 'F5:F9': { fill: '#FFFF00' } },
        conditionalFormats: [
          {
            type: 'Custom',
            ranges: 'G5:G40',
            rule: { formula: '=$G5="Chưa thực hiện"' },
            format: { fill: '#FFC7CE' },
          },
        ],
      },
      {
        ...taskSheet(NAMES[1], 20),
        conditionalFormats: [
          {
            type: 'CellValue',
            ranges: 'E5:E20',
            rule: { formula1: '=0.8', operator: 'LessThan' },
            format: { fontColor: '#9C0006' },
          },
        ],
      },
      taskSheet(NAMES[2], 10),
      taskSheet(OTHER, 10),
    ],
  });
}

const HIGHLIGHTS: Highlight[] = [
  { sheet: NAMES[0], cell: 'F5', kind: 'missed' },
  { sheet: NAMES[0], cell: 'F6', kind: 'missed' },
  { sheet: NAMES[0], cell: 'B9', kind: 'error' },
  { sheet: NAMES[1], cell: 'E6', kind: 'warning' },
  { sheet: NAMES[1], cell: 'E7', kind: 'met' },
  { sheet: NAMES[2], cell: 'C8', kind: 'error' },
  { sheet: OTHER, cell: 'A1', kind: 'error' }, // a sheet not named: ignored
];

/** Our conditional formats of each sheet, as [ranges, fill] sorted. */
const ours = (fake: FakeExcel, sheet: string) =>
  fake
    .snapshot()
    .sheets.find((s) => s.name === sheet)!
    .conditionalFormats.filter((cf) => cf.rule.formula === HIGHLIGHT_MARKER)
    .map((cf) => [cf.ranges.join(','), cf.format.fill])
    .sort();

const users = (fake: FakeExcel) =>
  fake
    .snapshot()
    .sheets.map((s) => s.conditionalFormats.filter((cf) => cf.rule.formula !== HIGHLIGHT_MARKER));

async function apply(fake: FakeExcel, names: string[], list: Highlight[]): Promise<number> {
  let syncs = 0;
  await fake.Excel.run(async (context) => {
    const counter = countSyncs(context);
    try {
      await applyWorkbookHighlights(context, names, list);
    } finally {
      syncs = counter.count;
    }
  });
  return syncs;
}

describe('applyWorkbookHighlights', () => {
  it('highlights every named sheet in two syncs, touching no cell and none of the user’s formats', async () => {
    const fake = workbook();
    const before = fake.snapshot();
    expect(await apply(fake, NAMES, HIGHLIGHTS)).toBe(2);
    expect(ours(fake, NAMES[0])).toEqual(
      [
        ['F5:F6', HIGHLIGHT_FILLS.missed],
        ['B9', HIGHLIGHT_FILLS.error],
      ].sort(),
    );
    expect(ours(fake, NAMES[1])).toEqual(
      [
        ['E6', HIGHLIGHT_FILLS.warning],
        ['E7', HIGHLIGHT_FILLS.met],
      ].sort(),
    );
    expect(ours(fake, NAMES[2])).toEqual([['C8', HIGHLIGHT_FILLS.error]]);
    expect(ours(fake, OTHER)).toEqual([]);
    const after = fake.snapshot();
    after.sheets.forEach((s, i) => {
      expect(s.cells).toEqual(before.sheets[i].cells);
      expect(s.formats).toEqual(before.sheets[i].formats);
    });
    expect(users(fake)).toEqual(before.sheets.map((s) => s.conditionalFormats));
  });

  it('replaces only ours on each named sheet; a sheet named with none is left with none of ours', async () => {
    const fake = workbook();
    const before = fake.snapshot();
    await fake.Excel.run((context) => applyHighlights(context, OTHER, HIGHLIGHTS));
    await apply(fake, NAMES, HIGHLIGHTS);
    const again: Highlight[] = [
      { sheet: NAMES[0], cell: 'C30', kind: 'error' },
      { sheet: NAMES[1], cell: 'E6', kind: 'missed' },
    ];
    expect(await apply(fake, NAMES, again)).toBe(2);
    expect(ours(fake, NAMES[0])).toEqual([['C30', HIGHLIGHT_FILLS.error]]);
    expect(ours(fake, NAMES[1])).toEqual([['E6', HIGHLIGHT_FILLS.missed]]);
    expect(ours(fake, NAMES[2])).toEqual([]);
    // Not named: its highlights of an earlier one-sheet check stay.
    expect(ours(fake, OTHER)).toEqual([['A1', HIGHLIGHT_FILLS.error]]);
    expect(users(fake)).toEqual(before.sheets.map((s) => s.conditionalFormats));

    // Clearing every sheet removes every one of ours and gives back the workbook as it was.
    const removed = await fake.Excel.run((context) => clearHighlights(context));
    expect(removed).toBe(3);
    expect(fake.snapshot()).toEqual(before);
  });

  it('is applyHighlights for one sheet', async () => {
    const fake = workbook();
    const one = workbook();
    await fake.Excel.run((context) => applyHighlights(context, NAMES[1], HIGHLIGHTS));
    expect(await apply(one, [NAMES[1]], HIGHLIGHTS)).toBe(2);
    expect(one.snapshot()).toEqual(fake.snapshot());
    expect(ours(one, NAMES[0])).toEqual([]);
  });

  it('does nothing, and calls Excel not at all, for no sheet', async () => {
    const fake = workbook();
    const before = fake.snapshot();
    expect(await apply(fake, [], HIGHLIGHTS)).toBe(0);
    expect(fake.snapshot()).toEqual(before);
  });

  it('leaves no sheet half highlighted when Excel refuses the batch on the second sheet', async () => {
    const fake = workbook();
    const before = fake.snapshot();
    // The first sheet's two formats go through; the second sheet's first is refused.
    fake.failOn('ConditionalFormatCollection.add', { skip: 2 });
    await expect(apply(fake, NAMES, HIGHLIGHTS)).rejects.toMatchObject({ code: 'GeneralException' });
    expect(fake.syncLog.find((s) => s.error)?.ops).toContain('ConditionalFormatCollection.add');
    expect(fake.snapshot()).toEqual(before);
  });

  it('after a refused replacement, none of ours remains on the named sheets and the user’s formats do', async () => {
    const fake = workbook();
    const before = fake.snapshot();
    await fake.Excel.run((context) => applyHighlights(context, OTHER, HIGHLIGHTS));
    await apply(fake, NAMES, HIGHLIGHTS);
    fake.failOn('ConditionalRangeFill.color=', { skip: 3 });
    await expect(apply(fake, NAMES, HIGHLIGHTS)).rejects.toBeDefined();
    for (const name of NAMES) expect(ours(fake, name)).toEqual([]);
    expect(ours(fake, OTHER)).toEqual([['A1', HIGHLIGHT_FILLS.error]]);
    expect(users(fake)).toEqual(before.sheets.map((s) => s.conditionalFormats));
  });
});

describe('the Excel port', () => {
  const globals = globalThis as { Excel?: unknown };
  afterEach(() => {
    delete globals.Excel;
  });

  it('reads the whole workbook and highlights it, each in one Excel.run', async () => {
    const fake = workbook();
    globals.Excel = fake.Excel;
    const port = excelWorkbook();
    const grids = await port.readWorkbook!();
    expect(grids.map((g) => g.name)).toEqual([...NAMES, OTHER]);
    expect(fake.syncCount).toBe(3);
    await port.applyWorkbookHighlights!(NAMES, HIGHLIGHTS);
    expect(fake.syncCount).toBe(5);
    expect(ours(fake, NAMES[2])).toEqual([['C8', HIGHLIGHT_FILLS.error]]);
    await expect(port.readSheet('workbook')).rejects.toThrow(/readWorkbook/);
  });
});
