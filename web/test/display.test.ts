/**
 * What of a check crosses to the page: a long list cut to its first items with the rest counted, every text
 * shortened, the counts over every finding; and the shared view showing the full count and an "and N more" line.
 */
import { checkWorkbook } from '../../shared/src/index';
import { reportDisplay } from '../../shared/src/hosts/reportDisplay';
import { readXlsx } from '../../shared/src/xlsx/index';
import { setHostWords } from '../../shared/ui/i18n';
import { fakeDom } from '../../shared/ui/test/fakeDom';
import { PAGE_SIZE, renderReport } from '../../shared/ui/view';
import { taskSheetOf } from '../../cli/test/fuzz/hostileFiles';
import { MAX_ITEMS, MAX_TEXT, shorten, shownReport } from '../src/display';
import { readFile, rowOf } from '../src/engine';
import { HOST_WORDS } from '../../shared/src/words/webPage';

const OPTIONS = { lang: 'vi' as const, today: '2025-10-15' };

describe('the display the worker sends', () => {
  const [grid] = readXlsx(taskSheetOf(3000));
  const report = checkWorkbook([grid], OPTIONS);
  const full = reportDisplay(report, 'vi');
  const shown = shownReport(report, 'vi');

  it('keeps the first items of a long group and counts the rest; the counts cover every finding', () => {
    const overdue = full.sheets[0].groups.find((g) => g.code === 'task/overdue');
    const cut = shown.sheets[0].groups.find((g) => g.code === 'task/overdue');
    expect(overdue?.items.length).toBe(2997);
    expect(cut?.items).toEqual(overdue?.items.slice(0, MAX_ITEMS));
    expect(cut?.omitted).toBe(2997 - MAX_ITEMS);
    expect(shown.counts).toEqual(full.counts);
    expect(shown.sheets[0].counts).toEqual(full.sheets[0].counts);
    // A short group is handed over whole.
    const areas = shown.sheets[0].groups.find((g) => g.code === 'area/missing');
    expect(areas?.omitted).toBeUndefined();
  });

  it('is small: a fraction of the report to clone', () => {
    const size = (x: unknown) => JSON.stringify(x).length;
    expect(size(shown)).toBeLessThan(size(report) / 5);
  });

  it('shortens any text past MAX_TEXT, never inside a surrogate pair', () => {
    expect(shorten('abc', 5)).toBe('abc');
    expect(shorten('abcdef', 3)).toBe('abc…');
    expect(shorten('ab😀cd', 3)).toBe('ab…');
    // A message that quotes a cell of 30,000 characters, as a finding about a long cell can.
    const r = checkWorkbook([grid], OPTIONS);
    // Shown with its own words (no parameters), as a report from an older version is.
    r.sheets[0].findings[0].message = 'x'.repeat(30_000);
    delete r.sheets[0].findings[0].params;
    const texts = JSON.stringify(shownReport(r, 'vi'));
    expect(texts).toContain(`"${'x'.repeat(MAX_TEXT)}…"`);
    expect(texts).not.toContain('x'.repeat(MAX_TEXT + 1));
  });

  it('the row preview gets each cell shortened', () => {
    const xlsx = taskSheetOf(10);
    const { file } = readFile(xlsx, 'a.xlsx');
    if (!file) throw new Error('not read');
    file.sheets[0].values[4][1] = 'y'.repeat(10_000);
    const row = rowOf(file, file.sheets[0].name, 'B5');
    expect(row?.columns.find((c) => c.marked)?.text.length).toBeLessThanOrEqual(501);
  });
});

describe('the shared view over a cut display', () => {
  const [grid] = readXlsx(taskSheetOf(3000));
  const shown = shownReport(checkWorkbook([grid], OPTIONS), 'vi');

  it('shows the whole count, pages through the items handed over, then says how many more', () => {
    setHostWords(HOST_WORDS);
    const dom = fakeDom();
    const root = renderReport(dom, shown, 'vi', { onSelect: () => {} });
    const group = root.byClass('group').find((g) => g.attrs.get('data-code') === 'task/overdue');
    if (!group) throw new Error('no overdue group');
    expect(group.byClass('group-count')[0].textContent).toBe('(2997)');
    for (let i = 0; i < MAX_ITEMS / PAGE_SIZE - 1; i++) group.byClass('show-more')[0].click();
    expect(group.byTag('li')).toHaveLength(MAX_ITEMS);
    expect(group.byClass('show-more')).toHaveLength(0);
    expect(group.byClass('omitted')[0].textContent).toBe(
      '… và 1997 mục nữa: bản đã kiểm tra (trang "Kết quả kiểm tra") có đủ.',
    );
    setHostWords({});
  });
});
