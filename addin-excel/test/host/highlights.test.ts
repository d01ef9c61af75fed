import { HIGHLIGHT_FILLS } from '../../../shared/src/report/palette';
import type { Highlight } from '../../../shared/src/report/schema';
import { HIGHLIGHT_MARKER, applyHighlights, clearHighlights, explainError } from '../../src/host/excelHost';
import { createFakeExcel, type FakeExcel } from '../fakeExcel';
import { countSyncs, taskSheet } from './support';

const SHEET = 'Nhiệm vụ';

/** A task sheet the user has formatted: a yellow fill of their own and two conditional formats of their own. */
function userWorkbook(): FakeExcel {
  return createFakeExcel({
    sheets: [
      {
        ...taskSheet(SHEET, 40),
        formats: {
          'F5:F9': { fill: '#FFFF00', font: { bold: true } },
          A3: { horizontalAlignment: 'Center' },
        },
        conditionalFormats: [
          {
            type: 'Custom',
            ranges: 'G5:G40',
            rule: { formula: '=$G5="Chưa thực hiện"' },
            format: { fill: '#FFC7CE' },
          },
          {
            type: 'CellValue',
            ranges: 'A5:A40',
            rule: { formula1: '=0', operator: 'EqualTo' },
            format: { fontColor: '#9C0006' },
          },
        ],
      },
      { ...taskSheet('Khác', 10) },
    ],
  });
}

const HIGHLIGHTS: Highlight[] = [
  { sheet: SHEET, cell: 'F5', kind: 'missed' },
  { sheet: SHEET, cell: 'F6', kind: 'missed' },
  { sheet: SHEET, cell: 'F7', kind: 'missed' },
  { sheet: SHEET, cell: 'B9', kind: 'error' },
  { sheet: SHEET, cell: 'D12', kind: 'warning' },
  { sheet: SHEET, cell: 'H20', kind: 'met' },
  { sheet: 'Khác', cell: 'B5', kind: 'error' }, // another sheet's: left alone
];

const ours = (fake: FakeExcel, sheet = SHEET) =>
  fake
    .snapshot()
    .sheets.find((s) => s.name === sheet)!
    .conditionalFormats.filter((cf) => cf.rule.formula === HIGHLIGHT_MARKER);

describe('applyHighlights / clearHighlights', () => {
  it('adds one conditional format per group, in the shared colours, in two syncs, without touching a cell', async () => {
    const fake = userWorkbook();
    const before = fake.snapshot();
    let syncs = 0;
    await fake.Excel.run(async (context) => {
      const counter = countSyncs(context);
      await applyHighlights(context, SHEET, HIGHLIGHTS);
      syncs = counter.count;
    });
    expect(syncs).toBe(2);
    expect(
      ours(fake)
        .map((cf) => [cf.ranges.join(','), cf.format.fill])
        .sort(),
    ).toEqual(
      [
        ['F5:F7', HIGHLIGHT_FILLS.missed],
        ['B9', HIGHLIGHT_FILLS.error],
        ['D12', HIGHLIGHT_FILLS.warning],
        ['H20', HIGHLIGHT_FILLS.met],
      ].sort(),
    );
    const after = fake.snapshot();
    // Values, formats, merges, the other sheet: all as they were; only conditional formats were added.
    expect(after.sheets[0].cells).toEqual(before.sheets[0].cells);
    expect(after.sheets[0].formats).toEqual(before.sheets[0].formats);
    expect(after.sheets[1]).toEqual(before.sheets[1]);
    expect(after.sheets[0].conditionalFormats.slice(4)).toEqual(before.sheets[0].conditionalFormats);
  });

  it('leaves the workbook exactly as it was once cleared, the user’s own fill and conditional formats included', async () => {
    const fake = userWorkbook();
    const before = fake.snapshot();
    await fake.Excel.run((context) => applyHighlights(context, SHEET, HIGHLIGHTS));
    let syncs = 0;
    const removed = await fake.Excel.run(async (context) => {
      const counter = countSyncs(context);
      const n = await clearHighlights(context, SHEET);
      syncs = counter.count;
      return n;
    });
    expect(removed).toBe(4);
    expect(syncs).toBe(2);
    expect(fake.snapshot()).toEqual(before);
    expect(fake.cellFormat(SHEET, 'F5')).toMatchObject({ fill: '#FFFF00', font: { bold: true } });
  });

  it('replaces the previous highlights of the sheet on a second call', async () => {
    const fake = userWorkbook();
    await fake.Excel.run((context) => applyHighlights(context, SHEET, HIGHLIGHTS));
    await fake.Excel.run((context) =>
      applyHighlights(context, SHEET, [{ sheet: SHEET, cell: 'C30', kind: 'error' }]),
    );
    expect(ours(fake).map((cf) => cf.ranges)).toEqual([['C30']]);
    expect(fake.snapshot().sheets[0].conditionalFormats).toHaveLength(3);
  });

  it('leaves nothing applied when Excel fails in the middle of the batch', async () => {
    const fake = userWorkbook();
    const before = fake.snapshot();
    fake.failOn('ConditionalFormatCollection.add', { skip: 1 });
    await expect(
      fake.Excel.run((context) => applyHighlights(context, SHEET, HIGHLIGHTS)),
    ).rejects.toMatchObject({
      code: 'GeneralException',
    });
    expect(fake.snapshot()).toEqual(before);
  });

  it('after a failed replacement, no highlight of the add-in remains and the user’s formats do', async () => {
    const fake = userWorkbook();
    await fake.Excel.run((context) => applyHighlights(context, SHEET, HIGHLIGHTS));
    fake.failOn('ConditionalRangeFill.color=', { skip: 2 });
    await expect(
      fake.Excel.run((context) => applyHighlights(context, SHEET, HIGHLIGHTS)),
    ).rejects.toBeDefined();
    expect(ours(fake)).toEqual([]);
    expect(fake.snapshot().sheets[0].conditionalFormats.map((cf) => cf.type)).toEqual([
      'Custom',
      'CellValue',
    ]);
  });

  it('clears every sheet when no sheet is named (three syncs: list, load, delete)', async () => {
    const fake = userWorkbook();
    const before = fake.snapshot();
    await fake.Excel.run((context) => applyHighlights(context, SHEET, HIGHLIGHTS));
    await fake.Excel.run((context) => applyHighlights(context, 'Khác', HIGHLIGHTS));
    const start = fake.syncCount;
    const removed = await fake.Excel.run((context) => clearHighlights(context));
    expect(removed).toBe(5);
    expect(fake.syncCount - start).toBe(3);
    expect(fake.snapshot()).toEqual(before);
  });

  it('removes nothing and syncs once less when there is nothing of ours', async () => {
    const fake = userWorkbook();
    const start = fake.syncCount;
    await expect(fake.Excel.run((context) => clearHighlights(context, SHEET))).resolves.toBe(0);
    expect(fake.syncCount - start).toBe(1);
  });

  it('reports a protected sheet in words the user understands, and changes nothing', async () => {
    const fake = createFakeExcel({ sheets: [{ ...taskSheet(SHEET, 20), protected: true }] });
    const before = fake.snapshot();
    const error = await fake.Excel.run((context) => applyHighlights(context, SHEET, HIGHLIGHTS)).catch(
      (e: unknown) => e,
    );
    expect(explainError(error, 'vi')).toMatch(/bảo vệ/);
    expect(explainError(error, 'en')).toMatch(/protected/);
    expect(fake.snapshot()).toEqual(before);
  });

  it('keeps each address Excel receives under its 8,192-character limit for thousands of cells', async () => {
    const fake = createFakeExcel({ sheets: [taskSheet(SHEET, 6_000)] });
    const many: Highlight[] = Array.from({ length: 2_500 }, (_, i) => ({
      sheet: SHEET,
      cell: `F${5 + i * 2}`,
      kind: 'missed',
    }));
    await fake.Excel.run((context) => applyHighlights(context, SHEET, many));
    const cfs = ours(fake);
    expect(cfs.length).toBeGreaterThan(1);
    expect(cfs.reduce((n, cf) => n + cf.ranges.length, 0)).toBe(2_500);
    expect(fake.syncLog.every((s) => !s.error)).toBe(true);
  });
});
