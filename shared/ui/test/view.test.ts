import { HIGHLIGHT_FILLS, checkWorkbook, type Lang } from '../../src/index';
import { reportDisplay, type FindingItem } from '../../src/hosts/reportDisplay';
import { PAGE_SIZE, renderLegend, renderReport, summaryText, versionText } from '../view';
import { VERSION } from '../../src/version';
import { fakeDom, type FakeElement } from './fakeDom';
import { AS_OF, KPIS, MARKUP, TASKS } from './sampleGrids';
import type { Report, SheetGrid } from '../../src/index';
import {
  GROUP_1,
  GROUP_2,
  KPI_GROUP_1,
  KPI_GROUP_2,
  KPI_SHEET,
  TASK_SHEET,
  groupedReport,
} from '../../test/hosts/groupedReport';

function render(grid: SheetGrid, lang: Lang = 'vi') {
  const report = checkWorkbook([grid], { lang, asOf: AS_OF });
  const dom = fakeDom();
  const selected: FindingItem[] = [];
  const display = reportDisplay(report, lang);
  const root = renderReport(dom, display, lang, { onSelect: (i) => selected.push(i) });
  return { report, display, dom, root, selected };
}

function groupCodes(root: FakeElement): string[] {
  return root.byClass('group').map((g) => g.attrs.get('data-code') ?? '');
}

describe('renderReport: task list', () => {
  it('groups findings by code, errors first, each a button naming its cell', () => {
    const { root } = render(TASKS);
    expect(groupCodes(root)).toEqual(['cell/required', 'area/missing', 'task/overdue']);
    const required = root.byClass('group')[0];
    expect(required.byClass('group-name')[0].textContent).toBe('Ô bắt buộc đang trống');
    expect(required.byClass('group-count')[0].textContent).toBe('(1)');
    const [button] = required.byTag('button');
    expect(button.attrs.get('type')).toBe('button');
    expect(button.attrs.get('data-cell')).toBe('C8');
    expect(button.textContent).toBe('C8 Ô "Cơ quan chủ trì" đang trống.');
    const overdue = root.byClass('group')[2].byTag('button')[0];
    expect(overdue.textContent).toBe('D7 Quá hạn: hạn 30/06/2025, đến ngày 01/08/2025 chưa hoàn thành.');
  });

  it('calls onSelect with the finding when its button is pressed', () => {
    const { root, selected } = render(TASKS);
    root.find((e) => e.attrs.get('data-cell') === 'D7')[0].click();
    expect(selected).toEqual([expect.objectContaining({ sheet: 'Nhiệm vụ', cell: 'D7' })]);
  });

  it('shows the per-area task summary and the totals', () => {
    const { root } = render(TASKS);
    const rows = root.byClass('area-table')[0].byTag('tbody')[0].byTag('tr');
    expect(rows.map((r) => r.byTag('td').map((td) => td.textContent))).toEqual([
      ['I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', '3', '1', '1'],
      ['II. CẢI CÁCH THỂ CHẾ', '1', '0', '0'],
    ]);
    expect(root.byClass('totals')[0].textContent).toBe(
      'Tổng: 4 nhiệm vụ · Đã hoàn thành: 1 · Quá hạn: 1 · Chưa đến hạn: 1 · Thường xuyên: 1',
    );
  });
});

describe('renderReport: KPI table', () => {
  it('lists every indicator with its target, result (decimal comma) and status', () => {
    // A sign and its number are joined by a no-break space, so a narrow pane never wraps between them.
    const { root } = render(KPIS);
    const rows = root.byClass('kpi-table')[0].byTag('tbody')[0].byTag('tr');
    expect(rows.map((r) => r.byTag('td').map((td) => td.textContent))).toEqual([
      ['1', 'Tỷ lệ hoàn thành kế hoạch CCHC', '≥\u00a080%', '92,5%', 'Đạt'],
      ['2', 'Tỷ lệ hồ sơ giải quyết đúng hạn', '≥\u00a095%', '90%', 'Không đạt'],
      ['3', 'Thời gian chờ đợi của người dân', '≤\u00a015 phút', '—', 'Chưa có số liệu'],
      ['4', 'Thực hiện chế độ báo cáo', '—', '—', 'Không đo được'],
    ]);
    expect(root.byClass('status').map((s) => s.attrs.get('data-status'))).toEqual([
      'met',
      'missed',
      'no-data',
      'unmeasurable',
    ]);
  });

  it('words the table in English, with a decimal point', () => {
    const { root } = render(KPIS, 'en');
    const first = root.byClass('kpi-table')[0].byTag('tbody')[0].byTag('tr')[0];
    expect(first.byTag('td').map((td) => td.textContent)).toEqual([
      '1',
      'Tỷ lệ hoàn thành kế hoạch CCHC',
      '≥\u00a080%',
      '92.5%',
      'Met',
    ]);
    expect(root.byTag('th').map((th) => th.textContent)).toContain('Indicator');
    const area = root
      .byClass('area-table')[0]
      .byTag('tbody')[0]
      .byTag('td')
      .map((td) => td.textContent);
    expect(area).toEqual(['I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', '1', '1', '1', '1']);
  });
});

describe('renderReport: a blank appendix', () => {
  const blankTasks: SheetGrid = {
    ...TASKS,
    values: [...TASKS.values.slice(0, 5), TASKS.values[8]],
    merges: [],
  };
  const blankKpis: SheetGrid = {
    ...KPIS,
    values: KPIS.values.map((r, i) => (i > 2 ? [r[0], r[1], '', ''] : r)),
    numberFormats: [],
  };

  it.each([
    ['tasks', blankTasks, 'task/tasks-not-set'],
    ['kpis', blankKpis, 'kpi/targets-not-set'],
  ] as const)('%s: its one note, and no table of zeros or "Không đo được"', (_kind, grid, code) => {
    const { root } = render(grid);
    // (The stand-in has only areas I and II: the absent ones are still named.)
    expect(groupCodes(root).filter((c) => !c.startsWith('area/'))).toEqual([code]);
    expect(root.byClass('area-table')).toEqual([]);
    expect(root.byClass('kpi-table')).toEqual([]);
    expect(root.textContent).not.toContain('Không đo được');
  });
});

describe('cell text is text, never markup', () => {
  it('renders a cell holding <img onerror> as a text node, creating no img element', () => {
    const grid: SheetGrid = {
      ...TASKS,
      // The markup as the task text of a duplicated row and as an unreadable deadline, so it reaches messages.
      values: [...TASKS.values, [2, MARKUP, 'Công chức Tư pháp - hộ tịch', MARKUP, '']],
    };
    const { root, dom } = render(grid);
    const messages = root.byClass('finding-message').map((m) => m.textContent);
    expect(messages).toContain(`Không hiểu được thời hạn "${MARKUP}".`);
    expect(root.byTag('img')).toHaveLength(0);
    expect(dom.texts.some((t) => t.text.includes(MARKUP))).toBe(true);
    expect(root.html()).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(root.html()).not.toContain('<img');
  });

  it('keeps markup in a sheet name literal too', () => {
    const { root } = render({ ...TASKS, name: '<b>x</b>' });
    expect(root.byTag('b')).toHaveLength(0);
    expect(root.byClass('sheet-title')[0].textContent).toContain('"<b>x</b>"');
  });
});

describe('renderReport: sub-groups and the table extent', () => {
  function renderHandBuilt(report: Report, lang: Lang) {
    const dom = fakeDom();
    return { dom, root: renderReport(dom, reportDisplay(report, lang), lang, { onSelect: () => undefined }) };
  }
  const areaRows = (root: FakeElement, sheet: number) => {
    const body = root.byClass('area-table')[sheet].byTag('tbody')[0];
    return body
      .byTag('tr')
      .map((tr) => [tr.attrs.get('class'), ...tr.byTag('td').map((td) => td.textContent)]);
  };

  it("puts each task group's row under its area's, marked as a sub-group", () => {
    const { root } = renderHandBuilt(groupedReport('vi'), 'vi');
    expect(areaRows(root, 0)).toEqual([
      ['area-row', 'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', '3', '1', '1'],
      ['area-group-row', `1. ${GROUP_1}`, '2', '1', '1'],
      ['area-group-row', `2. ${GROUP_2}`, '1', '0', '0'],
      ['area-row', 'II. CẢI CÁCH THỂ CHẾ', '1', '0', '0'],
    ]);
    // The group's title is the row's title cell, its counts labelled for the narrow stacked layout.
    const group = root.byClass('area-group-row')[0];
    expect(group.byTag('td')[0].attrs.get('class')).toBe('cell-title');
    expect(group.byTag('td').map((td) => td.attrs.get('data-label'))).toEqual([
      undefined,
      'Nhiệm vụ',
      'Đã hoàn thành',
      'Quá hạn',
    ]);
  });

  it("puts each KPI group's row under its area's, in English too", () => {
    const { root } = renderHandBuilt(groupedReport('en'), 'en');
    expect(areaRows(root, 1)).toEqual([
      ['area-row', 'VII. XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ', '1', '1', '1', '1'],
      ['area-group-row', `7.1. ${KPI_GROUP_1}`, '1', '1', '0', '0'],
      ['area-group-row', `7.2. ${KPI_GROUP_2}`, '0', '0', '1', '1'],
    ]);
  });

  it("shows where each sheet's table was read, and the judged result column", () => {
    const vi = renderHandBuilt(groupedReport('vi'), 'vi').root;
    expect(vi.byClass('table-extent').map((p) => p.textContent)).toEqual([
      'Bảng: dòng 7–15 (dòng số thứ tự cột: 6); kết thúc ở dòng tổng cộng (dòng 15)',
      'Bảng: dòng 5–11; kết thúc trước khối chữ ký (dòng 13: "Nơi nhận:")',
    ]);
    expect(vi.byClass('result-column').map((p) => p.textContent)).toEqual([
      'Đánh giá theo cột E "Kết quả thực hiện / 9 tháng"',
    ]);
    // Inside the sheet's own section, under its title.
    const kpiSection = vi.byClass('sheet')[1];
    expect(kpiSection.attrs.get('data-sheet')).toBe('Chỉ tiêu');
    expect(kpiSection.children.map((c) => c.kind === 'element' && c.attrs.get('class')).slice(0, 4)).toEqual([
      'sheet-title',
      'table-extent',
      'result-column',
      'counts',
    ]);
    const en = renderHandBuilt(groupedReport('en'), 'en').root;
    expect(en.byClass('table-extent')[1].textContent).toBe(
      'Table: rows 5–11; ends before the signature block (row 13: "Nơi nhận:")',
    );
  });

  it('has no sub-group rows, and no extent line, where the report has none', () => {
    const sheet = { ...TASK_SHEET, table: null, summary: { ...TASK_SHEET.summary, byArea: [] } };
    const { root } = renderHandBuilt(groupedReport('vi', [sheet]), 'vi');
    expect(root.byClass('area-group-row')).toHaveLength(0);
    expect(root.byClass('table-extent')).toHaveLength(0);
    expect(root.byClass('result-column')).toHaveLength(0);
  });

  it('sets a group name and the quoted end row holding markup as text', () => {
    const area = TASK_SHEET.summary.byArea[0];
    const sheet = {
      ...KPI_SHEET,
      table: { ...KPI_SHEET.table!, endText: MARKUP },
      summary: {
        ...KPI_SHEET.summary,
        byArea: [{ ...area, groups: [{ ...area.groups[0], name: MARKUP }] }],
      },
    };
    const { root, dom } = renderHandBuilt(groupedReport('vi', [sheet]), 'vi');
    expect(root.byClass('area-group-row')[0].byTag('td')[0].textContent).toBe(`1. ${MARKUP}`);
    expect(root.byClass('table-extent')[0].textContent).toContain(`"${MARKUP}"`);
    expect(root.byTag('img')).toHaveLength(0);
    expect(dom.texts.filter((t) => t.text.includes(MARKUP))).toHaveLength(2);
    expect(root.html()).not.toContain('<img');
  });
});

describe('paging long groups', () => {
  it('shows a page of findings and a button for the next one, focusing the first new item', () => {
    const rows = Array.from({ length: PAGE_SIZE + 30 }, (_, i) => [
      i + 1,
      `Nhiệm vụ số ${i + 1}`,
      '',
      'Quý IV',
      '',
    ]);
    const grid: SheetGrid = { name: 'Dài', values: [...TASKS.values.slice(0, 5), ...rows] };
    const { root } = render(grid);
    const group = root.find((e) => e.attrs.get('data-code') === 'cell/required')[0];
    expect(group.byTag('li')).toHaveLength(PAGE_SIZE);
    const more = group.byClass('show-more')[0];
    expect(more.textContent).toBe('Hiện thêm 30 mục');
    more.click();
    expect(group.byTag('li')).toHaveLength(PAGE_SIZE + 30);
    expect(group.byClass('show-more')).toHaveLength(0);
    expect(group.byTag('li')[PAGE_SIZE].focused).toBe(true);
  });
});

describe('summaryText', () => {
  it('says whether the table is valid, counts by severity and gives the date as dd/mm/yyyy', () => {
    const { display } = render(TASKS);
    expect(summaryText(display, 'vi', true)).toBe(
      'Có 1 lỗi cần sửa. 1 nhiệm vụ quá hạn. Lỗi: 1 · Cảnh báo: 6 · Lưu ý: 0. Tính đến ngày 01/08/2025. Đã đánh dấu trên trang tính.',
    );
    const en = render(KPIS, 'en').display;
    expect(summaryText(en, 'en', false)).toBe(
      'No errors. 1 target missed. Error: 0 · Warning: 1 · Note: 1. As of 2025-08-01.',
    );
  });

  it('counts the whole workbook: errors, missed targets and overdue tasks over every sheet with a table', () => {
    const notes: SheetGrid = { name: 'Ghi chú', values: [['Họp giao ban'], ['01/02/2025']] };
    const report = checkWorkbook([TASKS, KPIS, notes], { lang: 'vi', asOf: AS_OF });
    const display = reportDisplay(report, 'vi');
    expect(summaryText(display, 'vi', false)).toBe(
      'Có 1 lỗi cần sửa. 1 chỉ tiêu chưa đạt. 1 nhiệm vụ quá hạn. Lỗi: 1 · Cảnh báo: 7 · Lưu ý: 1. ' +
        'Đã kiểm tra 2 trang có bảng. Tính đến ngày 01/08/2025.',
    );
    // Findings grouped by sheet, one section each; the sheet without a table is left out.
    const root = renderReport(fakeDom(), display, 'vi', { onSelect: () => {} });
    expect(root.byClass('sheet').map((s) => s.attrs.get('data-sheet'))).toEqual(['Nhiệm vụ', 'Chỉ tiêu']);
    const en = reportDisplay(checkWorkbook([TASKS, KPIS], { lang: 'en', asOf: AS_OF }), 'en');
    expect(summaryText(en, 'en', true)).toMatch(/^1 error to fix\. 1 target missed\. 1 task overdue\. /);
  });
});

describe('renderLegend', () => {
  it('shows each highlight colour of the core palette with its meaning', () => {
    const dom = fakeDom();
    const legend = renderLegend(dom, 'vi');
    const items = legend.byTag('li');
    expect(items.map((li) => li.textContent)).toEqual([
      'Lỗi',
      'Cảnh báo',
      'Chưa đạt chỉ tiêu, nhiệm vụ quá hạn',
      'Đạt chỉ tiêu',
    ]);
    const swatches = legend.byClass('swatch');
    expect(swatches.map((s) => s.styles.get('background-color'))).toEqual([
      HIGHLIGHT_FILLS.error,
      HIGHLIGHT_FILLS.warning,
      HIGHLIGHT_FILLS.missed,
      HIGHLIGHT_FILLS.met,
    ]);
    expect(swatches.every((s) => s.attrs.get('aria-hidden') === 'true')).toBe(true);
  });
});

describe('versionText', () => {
  it("words the footer's version line in either language, with this build's version", () => {
    expect(versionText('vi')).toBe(`Phiên bản ${VERSION}`);
    expect(versionText('en')).toBe(`Version ${VERSION}`);
    expect(versionText('vi')).toMatch(/^Phiên bản \d+\.\d+\.\d+/);
  });
});
