/**
 * The pane's own words, in Vietnamese and English. Finding titles, statuses, targets and quantities are worded by
 * the core (codeTitle, statusLabel, formatTarget, formatQuantity); only the chrome of the pane lives here.
 * Placeholders are written {name}; a count's plural forms {n, plural, one {# error} other {# errors}}.
 */
import type { Lang } from '../src/index';
import { fill } from '../src/text/fill';

const VI = {
  appName: 'Kiểm tra phụ lục CCHC',
  appTagline: 'Bảng nhiệm vụ và bảng chỉ tiêu của kế hoạch cải cách hành chính',
  langGroup: 'Ngôn ngữ',

  checkHeading: 'Kiểm tra',
  scopeLegend: 'Khi kiểm tra một trang',
  scopeSheet: 'Trang tính đang mở',
  scopeSelection: 'Vùng đang chọn',
  periodLabel: 'Kỳ báo cáo',
  periodNone: 'Theo ngày (không chọn kỳ)',
  periodOption: '{name} (chốt số liệu {date})',
  asOfLabel: 'Tính đến ngày',
  asOfFollowsPeriod: 'Theo ngày chốt số liệu của kỳ báo cáo.',
  asOfShown: 'Tức ngày {date}.',
  yearLabel: 'Năm kế hoạch',
  yearHint: 'Để trống: đọc từ tiêu đề của bảng.',
  highlightLabel: 'Đánh dấu trên trang tính',
  checkAllButton: 'Kiểm tra cả tệp',
  checkButton: 'Kiểm tra trang này',

  resultsHeading: 'Kết quả',
  resultsEmpty: 'Chưa kiểm tra. Mở tệp có bảng nhiệm vụ hoặc bảng chỉ tiêu rồi bấm "Kiểm tra cả tệp".',
  summaryValid: 'Không có lỗi.',
  summaryInvalid: 'Có {n} lỗi cần sửa.',
  summaryMissed: '{n} chỉ tiêu chưa đạt.',
  summaryOverdue: '{n} nhiệm vụ quá hạn.',
  summarySheets: 'Đã kiểm tra {n} trang có bảng.',
  summaryAsOf: 'Tính đến ngày {date}.',
  summaryHighlighted: 'Đã đánh dấu trên trang tính.',
  sheetTasks: 'Trang "{sheet}": bảng nhiệm vụ năm {year}',
  sheetKpis: 'Trang "{sheet}": bảng chỉ tiêu năm {year}',
  sheetNone: 'Trang "{sheet}": không có bảng nhiệm vụ hay bảng chỉ tiêu',
  findingsHeading: 'Các vấn đề',
  noFindings: 'Không có vấn đề nào.',
  showMore: 'Hiện thêm {n} mục',
  itemsOmitted: '… và {n} mục nữa không hiện ở đây.',
  kpisOmitted: '… và {n} chỉ tiêu nữa không hiện ở đây.',
  selectCellHint: 'Bấm vào một mục để chọn ô đó trên trang tính.',
  noCell: 'cả bảng',
  kpiHeading: 'Mức đạt chỉ tiêu',
  colNo: 'STT',
  colIndicator: 'Chỉ tiêu',
  colTarget: 'Mục tiêu',
  colResult: 'Kết quả',
  colStatus: 'Đánh giá',
  areaHeading: 'Theo lĩnh vực',
  colArea: 'Lĩnh vực',
  colTasks: 'Nhiệm vụ',
  colKpis: 'Chỉ tiêu',
  totalTasks: 'Tổng: {n} nhiệm vụ',
  totalKpis: 'Tổng: {n} chỉ tiêu',
  legendHeading: 'Màu đánh dấu',
  legendError: 'Lỗi',
  legendWarning: 'Cảnh báo',
  legendMissed: 'Chưa đạt chỉ tiêu, nhiệm vụ quá hạn',
  legendMet: 'Đạt chỉ tiêu',

  templateHeading: 'Mẫu',
  templateIntro: 'Chèn phụ lục mẫu thành các trang tính mới; trang tính đã có không bị ghi đè.',
  templateKind: 'Loại mẫu',
  kindTasks: 'Danh mục nhiệm vụ',
  kindKpis: 'Bảng chỉ tiêu',
  kindUnits: 'Danh sách đơn vị',
  kindAll: 'Tất cả',
  templateYear: 'Năm',
  templateUnit: 'Tên đơn vị',
  templateUnitPlaceholder: 'Phường 5',
  templateDoc: 'Số, ngày kế hoạch',
  templateDocPlaceholder: '36/KH-UBND ngày 12/02/2026',
  templateExamples: 'Điền chỉ tiêu mẫu',
  insertButton: 'Chèn mẫu',
  templateCreated: 'Đã tạo các trang tính: {names}.',

  clearHeading: 'Xóa đánh dấu',
  clearScope: 'Xóa ở',
  clearActive: 'Trang tính đang mở',
  clearAll: 'Tất cả trang tính',
  clearButton: 'Xóa đánh dấu',
  cleared: 'Đã xóa {n} đánh dấu.',

  busyCheck: 'Đang kiểm tra…',
  busyTemplate: 'Đang chèn mẫu…',
  busyClear: 'Đang xóa đánh dấu…',
  problemYear: 'Năm không hợp lệ: nhập bốn chữ số, từ 1990 đến 2200.',
  problemDate: 'Ngày không hợp lệ: chọn một ngày trong lịch.',
  notInExcel: 'Cần mở trong Excel để kiểm tra bảng.',
  officeMissing: 'Không tải được thư viện Office (office-js/office.js).',
  // The Sheets add-on menu (Tiện ích mở rộng > Kiểm tra phụ lục CCHC).
  menuOpen: 'Mở ngăn kiểm tra',
  menuCheck: 'Kiểm tra trang tính này',
  menuCheckAll: 'Kiểm tra cả tệp',
  menuInsertTasks: 'Chèn mẫu: danh mục nhiệm vụ',
  menuInsertKpis: 'Chèn mẫu: bảng chỉ tiêu',
  menuInsertUnits: 'Chèn mẫu: danh sách đơn vị',
  menuClear: 'Xóa đánh dấu trên trang tính này',
  sheetsMissing: 'Cần mở ngăn này từ trình đơn Tiện ích mở rộng của Google Trang tính để kiểm tra bảng.',
  // The pane's footer: the build, so a province can tell which one a ward used.
  versionLine: 'Phiên bản {version}',
} as const;

export type Key = keyof typeof VI;

const EN: Record<Key, string> = {
  appName: 'CCHC appendix checker',
  appTagline: 'Task lists and KPI tables of the administrative-reform plan',
  langGroup: 'Language',

  checkHeading: 'Check',
  scopeLegend: 'When checking one sheet',
  scopeSheet: 'Active sheet',
  scopeSelection: 'Selected range',
  periodLabel: 'Reporting period',
  periodNone: 'By date (no period)',
  periodOption: '{name} (cut-off {date})',
  asOfLabel: 'As of',
  asOfFollowsPeriod: "Follows the period's data cut-off.",
  asOfShown: 'That is {date}.',
  yearLabel: 'Plan year',
  yearHint: "Blank: read from the table's title.",
  highlightLabel: 'Highlight on the sheet',
  checkAllButton: 'Check the whole workbook',
  checkButton: 'Check this sheet',

  resultsHeading: 'Results',
  resultsEmpty:
    'Not checked yet. Open a file with a task list or KPI table and press "Check the whole workbook".',
  summaryValid: 'No errors.',
  summaryInvalid: '{n, plural, one {# error} other {# errors}} to fix.',
  summaryMissed: '{n, plural, one {# target} other {# targets}} missed.',
  summaryOverdue: '{n, plural, one {# task} other {# tasks}} overdue.',
  summarySheets: '{n, plural, one {# sheet} other {# sheets}} with a table checked.',
  summaryAsOf: 'As of {date}.',
  summaryHighlighted: 'Highlighted on the sheet.',
  sheetTasks: 'Sheet "{sheet}": task list for {year}',
  sheetKpis: 'Sheet "{sheet}": KPI table for {year}',
  sheetNone: 'Sheet "{sheet}": no task list or KPI table',
  findingsHeading: 'Findings',
  noFindings: 'No findings.',
  showMore: 'Show {n} more',
  itemsOmitted: '… and {n} more not shown here.',
  kpisOmitted: '… and {n} more {n, plural, one {indicator} other {indicators}} not shown here.',
  selectCellHint: 'Press an item to select its cell on the sheet.',
  noCell: 'whole table',
  kpiHeading: 'KPI attainment',
  colNo: 'No.',
  colIndicator: 'Indicator',
  colTarget: 'Target',
  colResult: 'Result',
  colStatus: 'Status',
  areaHeading: 'By area',
  colArea: 'Area',
  colTasks: 'Tasks',
  colKpis: 'KPIs',
  totalTasks: 'Total: {n, plural, one {# task} other {# tasks}}',
  totalKpis: 'Total: {n, plural, one {# KPI} other {# KPIs}}',
  legendHeading: 'Highlight colours',
  legendError: 'Error',
  legendWarning: 'Warning',
  legendMissed: 'Target missed, task overdue',
  legendMet: 'Target met',

  templateHeading: 'Templates',
  templateIntro: 'Insert a standard appendix as new sheets; existing sheets are never overwritten.',
  templateKind: 'Template',
  kindTasks: 'Task list',
  kindKpis: 'KPI table',
  kindUnits: 'Unit list',
  kindAll: 'All',
  templateYear: 'Year',
  templateUnit: 'Unit name',
  templateUnitPlaceholder: 'Ward 5',
  templateDoc: 'Plan reference',
  templateDocPlaceholder: '36/KH-UBND of 12/02/2026',
  templateExamples: 'Fill in example targets',
  insertButton: 'Insert template',
  templateCreated: 'Sheets created: {names}.',

  clearHeading: 'Clear highlights',
  clearScope: 'Clear on',
  clearActive: 'Active sheet',
  clearAll: 'All sheets',
  clearButton: 'Clear highlights',
  cleared: 'Removed {n, plural, one {# highlight} other {# highlights}}.',

  busyCheck: 'Checking…',
  busyTemplate: 'Inserting the template…',
  busyClear: 'Clearing highlights…',
  problemYear: 'Invalid year: type four digits, from 1990 to 2200.',
  problemDate: 'Invalid date: pick a day in the calendar.',
  notInExcel: 'Open this add-in in Excel to check a table.',
  officeMissing: 'The Office library (office-js/office.js) could not be loaded.',
  menuOpen: 'Open the checker',
  menuCheck: 'Check this sheet',
  menuCheckAll: 'Check the whole workbook',
  menuInsertTasks: 'Insert template: task list',
  menuInsertKpis: 'Insert template: KPI table',
  menuInsertUnits: 'Insert template: unit list',
  menuClear: 'Clear highlights on this sheet',
  sheetsMissing: "Open this sidebar from Google Sheets' Extensions menu to check a table.",
  versionLine: 'Version {version}',
};

export const STRINGS: Record<Lang, Record<Key, string>> = { vi: VI, en: EN };

export type Params = Record<string, string | number>;

export type HostWords = Partial<Record<Lang, Partial<Record<Key, string>>>>;

let hostWords: HostWords = {};

/**
 * A host's own wording for a few of the pane's keys (the web page has no "sheet" to highlight on, only a copy
 * to download); set once before the pane starts. Every other key keeps the pane's words.
 */
export function setHostWords(words: HostWords): void {
  hostWords = words;
}

/** The key's text in this host: its own wording where it gave one, else the pane's. */
export function word(lang: Lang, key: Key): string {
  return hostWords[lang]?.[key] ?? STRINGS[lang][key];
}

/**
 * The string for `key`, placeholders filled and counts in their plural form (text/fill.ts); an unknown
 * placeholder is left visible rather than dropped.
 */
export function t(lang: Lang, key: Key, params: Params = {}): string {
  return fill(word(lang, key), params, lang);
}

export function isKey(s: string): s is Key {
  return Object.prototype.hasOwnProperty.call(VI, s);
}
