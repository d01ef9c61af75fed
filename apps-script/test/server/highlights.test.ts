/**
 * Highlights in Sheets are exactly reversible: checking adds the add-on's own conditional-format rules and
 * nothing else (no value, no fill, the user's rules kept in their order); checking again replaces them;
 * clearing removes exactly them, on one sheet or all. Two calls per sheet touch the rules, whatever the cells.
 */
import { checkWorkbook, highlightsFor, HIGHLIGHT_FILLS, type Highlight } from '../../../shared/src/index';
import { unpackGrid } from '../../../shared/src/hosts/gridTransfer';
import { applyHighlights, clearHighlights, readSheet } from '../../src/server/index';
import { HIGHLIGHT_MARKER } from '../../src/server/highlights';
import type { FakeSheets, RuleInit } from '../fakeSheets/index';
import { cellsOf, installFake, seedGrids, sheetInit } from './support';

const USER_RULES: RuleInit[] = [
  {
    kind: 'textContains',
    text: 'Đã hoàn thành',
    ranges: ['E7:E52'],
    background: '#C6EFCE',
    fontColor: '#006100',
  },
  { kind: 'gradient', ranges: ['A7:A52'], minColor: '#FFFFFF', maxColor: '#63BE7B' },
  { kind: 'formula', formula: '=$E7=""', ranges: ['B7:B52'], background: '#EEEEEE' },
];

async function seedSpreadsheet(): Promise<FakeSheets> {
  const [tasks] = await seedGrids('seed000-tasks.xlsx');
  const [kpis] = await seedGrids('kpi-001-004.xlsx');
  return installFake({
    sheets: [
      {
        ...sheetInit(tasks),
        backgrounds: { B7: '#FFFF00', 'C8:D9': '#DDEBF7' },
        conditionalRules: USER_RULES,
      },
      sheetInit(kpis),
    ],
  });
}

/** Reads and checks the active sheet as the sidebar does; returns the highlights it would apply. */
function check(asOf = '2025-10-15'): { sheet: string; highlights: Highlight[] } {
  const grid = unpackGrid(readSheet('sheet'));
  return { sheet: grid.name, highlights: highlightsFor(checkWorkbook([grid], { today: asOf, asOf })) };
}

function ruleTypes(fake: FakeSheets, sheet: string) {
  return fake
    .snapshot()
    .sheets[sheet].conditionalRules.map((r) => r.type + ':' + (r.values[0] ?? r.minColor));
}

describe('highlights on the seed task list', () => {
  it('check → highlight → clear leaves values, fills and the user’s rules as they were', async () => {
    const fake = await seedSpreadsheet();
    const before = fake.snapshot();
    const { sheet, highlights } = check();
    expect(highlights.length).toBeGreaterThan(3);
    applyHighlights(sheet, highlights);

    const during = fake.snapshot();
    const rules = during.sheets[sheet].conditionalRules;
    const ours = rules.filter((r) => r.type === 'CUSTOM_FORMULA' && r.values[0] === HIGHLIGHT_MARKER);
    // One rule per kind, ours first so they show over the user's; the user's follow in their order.
    expect(ours.length).toBe(new Set(highlights.map((h) => h.kind)).size);
    expect(rules.slice(ours.length)).toEqual(before.sheets[sheet].conditionalRules);
    // Every highlighted cell is covered by the rule of its kind, in the shared colour, and no other cell is.
    const covered = new Map<string, string>();
    for (const r of ours)
      for (const range of r.ranges) for (const cell of cellsOf(range)) covered.set(cell, r.background ?? '');
    expect(Object.fromEntries(covered)).toEqual(
      Object.fromEntries(highlights.map((h) => [h.cell, HIGHLIGHT_FILLS[h.kind].toLowerCase()])),
    );
    // Not a value, not a fill changed.
    expect({ ...during.sheets[sheet], conditionalRules: [] }).toEqual({
      ...before.sheets[sheet],
      conditionalRules: [],
    });

    expect(clearHighlights(sheet)).toBe(ours.length);
    expect(fake.snapshot()).toEqual(before);
  });

  it('checking twice leaves one set of ours; a later check replaces the earlier one', async () => {
    const fake = await seedSpreadsheet();
    const first = check('2025-03-01');
    applyHighlights(first.sheet, first.highlights);
    const once = fake.snapshot();
    applyHighlights(first.sheet, first.highlights);
    expect(fake.snapshot()).toEqual(once);
    const later = check('2025-12-31');
    applyHighlights(later.sheet, later.highlights);
    const user = ruleTypes(fake, later.sheet).filter((t) => !t.includes('cchc-highlight'));
    expect(user).toEqual(['TEXT_CONTAINS:Đã hoàn thành', 'GRADIENT:#ffffff', 'CUSTOM_FORMULA:=$E7=""']);
    const ours = fake
      .snapshot()
      .sheets[later.sheet].conditionalRules.filter((r) => r.values[0] === HIGHLIGHT_MARKER);
    const cells = ours.flatMap((r) => r.ranges.flatMap(cellsOf)).sort();
    expect(cells).toEqual(later.highlights.map((h) => h.cell).sort());
  });

  it('clears every sheet, and only ours, when no sheet is named', async () => {
    const fake = await seedSpreadsheet();
    const before = fake.snapshot();
    const tasks = check();
    applyHighlights(tasks.sheet, tasks.highlights);
    SpreadsheetApp.getActiveSpreadsheet().getSheets()[1].activate();
    const kpis = check();
    expect(kpis.sheet).not.toBe(tasks.sheet);
    applyHighlights(kpis.sheet, kpis.highlights);
    fake.resetLog();
    const removed = clearHighlights(null);
    expect(removed).toBeGreaterThan(2);
    expect({ ...fake.snapshot(), activeSheet: before.activeSheet }).toEqual({
      ...before,
      activeSheet: before.activeSheet,
      sheets: Object.fromEntries(
        Object.entries(before.sheets).map(([n, s]) => [
          n,
          { ...s, selection: fake.snapshot().sheets[n].selection },
        ]),
      ),
    });
    // Get and set per sheet that had ours.
    expect(fake.count('Sheet.getConditionalFormatRules')).toBe(2);
    expect(fake.count('Sheet.setConditionalFormatRules')).toBe(2);
    // Nothing of ours left: clearing again sets nothing.
    fake.resetLog();
    expect(clearHighlights(null)).toBe(0);
    expect(fake.count('Sheet.setConditionalFormatRules')).toBe(0);
  });

  it('ignores highlights of other sheets, and says plainly when the sheet is gone', async () => {
    await seedSpreadsheet();
    const { sheet } = check();
    applyHighlights(sheet, [{ sheet: 'Khác', cell: 'A1', kind: 'error' }]);
    expect(
      SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheet)?.getConditionalFormatRules(),
    ).toHaveLength(3);
    expect(() => applyHighlights('Đã xóa', [])).toThrow('CCHC:sheet-missing Đã xóa');
    expect(() => clearHighlights('Đã xóa')).toThrow('CCHC:sheet-missing Đã xóa');
  });
});

describe('budget', () => {
  it.each([10, 1_000, 20_000])('applies %i highlighted cells with one get and one set of the rules', (n) => {
    const values = Array.from({ length: n + 1 }, (_, i) => [i ? `nhiệm vụ ${i}` : 'STT']);
    const fake = installFake({ sheets: [{ name: 'A', values, maxRows: 2 * n + 2 }] });
    // Every other row, so that the cells do not join into one range.
    const highlights: Highlight[] = Array.from({ length: n }, (_, i) => ({
      sheet: 'A',
      cell: `A${2 * i + 2}`,
      kind: i % 2 ? 'missed' : 'error',
    }));
    fake.resetLog();
    applyHighlights('A', highlights);
    expect(fake.count('Sheet.getConditionalFormatRules')).toBe(1);
    expect(fake.count('Sheet.setConditionalFormatRules')).toBe(1);
    // Two rules (one per kind), whatever the number of cells: the calls do not grow with the cells.
    expect(fake.count('ConditionalFormatRuleBuilder.build')).toBe(2);
    expect(fake.count()).toBeLessThanOrEqual(20);
    fake.resetLog();
    expect(clearHighlights('A')).toBe(2);
    expect(
      fake.count('Sheet.getConditionalFormatRules') + fake.count('Sheet.setConditionalFormatRules'),
    ).toBe(2);
  });
});
