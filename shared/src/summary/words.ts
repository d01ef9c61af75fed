/**
 * The words of the province summary, shared by its workbook and its HTML report so both say the same thing.
 * Status words (Đạt, Không đạt …) come from the report's own `statusLabel`.
 */
import { formatCount } from '../text/numbers';
import { fill } from '../text/fill';
import type { Lang } from '../report/messages';

const WORDS = {
  title: ['TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH', 'ADMINISTRATIVE REFORM PLANS: SUMMARY'],
  asOf: ['Số liệu tính đến ngày', 'Judged as of'],
  planYear: ['Năm kế hoạch', 'Plan year'],
  sheetSummary: ['Tổng hợp', 'Summary'],
  sheetIndicators: ['Theo chỉ tiêu', 'By indicator'],
  sheetAreas: ['Theo lĩnh vực', 'By area'],
  sheetErrors: ['Lỗi', 'Errors'],
  number: ['STT', 'No.'],
  unit: ['Đơn vị', 'Unit'],
  file: ['Tệp', 'File'],
  year: ['Năm KH', 'Plan year'],
  tasks: ['Nhiệm vụ', 'Tasks'],
  kpis: ['Chỉ tiêu', 'Indicators'],
  total: ['Tổng số', 'Total'],
  done: ['Hoàn thành', 'Done'],
  overdue: ['Quá hạn', 'Overdue'],
  pending: ['Chưa đến hạn', 'Pending'],
  ongoing: ['Thường xuyên', 'Ongoing'],
  met: ['Đạt', 'Met'],
  missed: ['Không đạt', 'Missed'],
  noData: ['Chưa có số liệu', 'No data'],
  unmeasurable: ['Không đo được', 'Not measurable'],
  rate: ['Tỷ lệ đạt', 'Attainment'],
  errors: ['Lỗi', 'Errors'],
  warnings: ['Cảnh báo', 'Warnings'],
  note: ['Ghi chú', 'Note'],
  totalsRow: ['Cộng', 'Total'],
  indicator: ['Chỉ tiêu', 'Indicator'],
  wardsReporting: ['Số đơn vị có chỉ tiêu', 'Units reporting'],
  area: ['Lĩnh vực', 'Area'],
  filesWithOverdue: ['Số đơn vị có nhiệm vụ quá hạn', 'Units with overdue tasks'],
  sheet: ['Trang tính', 'Sheet'],
  cell: ['Ô', 'Cell'],
  code: ['Mã', 'Code'],
  message: ['Nội dung', 'Message'],
  unreadable: ['Không đọc được', 'Could not be read'],
  sameUnit: ['Cùng đơn vị với', 'Same unit as'],
  sameUnitMore: ['và {n} tệp khác', 'and {n} other files'],
  filesRead: ['Số tệp đã đọc', 'Files read'],
  filesUnreadable: ['Số tệp không đọc được', 'Files that could not be read'],
  units: ['Số đơn vị', 'Units'],
  filesWithErrors: ['Số tệp có lỗi', 'Files with errors'],
  rateNote: [
    'Tỷ lệ đạt = số chỉ tiêu đạt / (đạt + không đạt); không tính chỉ tiêu chưa có số liệu hoặc không đo được.',
    'Attainment = met / (met + missed); indicators without data or without a measurable target are left out.',
  ],
  noErrors: ['Không có lỗi.', 'No errors.'],
  chartRate: ['Tỷ lệ đạt chỉ tiêu theo đơn vị', 'Attainment by unit'],
  chartIndicators: ['Đạt / không đạt theo chỉ tiêu', 'Met / missed by indicator'],
  chartAreas: ['Nhiệm vụ quá hạn theo lĩnh vực', 'Overdue tasks by area'],
  wardsWithErrors: ['Đơn vị có lỗi trong phụ lục', 'Units whose appendices have errors'],
  // The HTML report's own words. "{n}"-style slots are filled by the report (the values are escaped there).
  overview: ['Tổng hợp chung', 'Overview'],
  filesTotal: ['Số tệp nhận được', 'Files received'],
  rateOverall: ['Tỷ lệ đạt chung', 'Overall attainment'],
  tables: ['Bảng số liệu', 'Tables'],
  tableFiles: ['Tổng hợp theo tệp', 'Summary by file'],
  tableIndicators: ['Tổng hợp theo chỉ tiêu', 'Summary by indicator'],
  tableAreas: ['Tổng hợp theo lĩnh vực', 'Summary by area'],
  tableErrors: ['Danh sách lỗi', 'Error list'],
  unreadableFiles: ['Các tệp không đọc được', 'Files that could not be read'],
  reason: ['Lý do', 'Reason'],
  errorCount: ['Số lỗi', 'Errors'],
  unitFromFile: ['tên đơn vị lấy theo tên tệp', 'unit named after the file'],
  noFiles: ['Không có tệp nào được đọc.', 'No file was read.'],
  noChartData: ['Không có số liệu để vẽ biểu đồ.', 'Nothing to chart.'],
  chartPart: ['Đơn vị thứ {first}–{last} trên {total}', 'Units {first}–{last} of {total}'],
  noUnreadable: ['Tất cả các tệp đều đọc được.', 'Every file could be read.'],
  noRateNote: [
    '"—": đơn vị chưa có chỉ tiêu nào vừa có số liệu vừa đo được.',
    '"—": the unit has no indicator with both data and a measurable target.',
  ],
  moreIndicators: [
    'Biểu đồ vẽ {shown} chỉ tiêu có nhiều đơn vị báo cáo nhất; {n} chỉ tiêu còn lại có trong bảng tổng hợp theo chỉ tiêu.',
    'The chart shows the {shown} indicators most units report; the other {n} are in the summary by indicator.',
  ],
  moreErrors: [
    'Chỉ in {shown} trong số {total} lỗi; {n} lỗi còn lại có trong tệp Excel tổng hợp, trang "{sheet}".',
    'Only {shown} of the {total} errors are printed; the other {n} are in the summary workbook, sheet "{sheet}".',
  ],
} as const satisfies Record<string, readonly [string, string]>;

export type SummaryWord = keyof typeof WORDS;

/** A summary word in the given language. */
export function summaryWord(word: SummaryWord, lang: Lang): string {
  return WORDS[word][lang === 'vi' ? 0 : 1];
}

/**
 * The other files of a file's unit as the summary notes them: the ones listed, then how many more ("a.xlsx,
 * b.xlsx và 2.995 tệp khác"); the count is grouped as the language writes it.
 */
export function sameUnitList(f: { sameUnit: readonly string[]; sameUnitCount: number }, lang: Lang): string {
  const more = f.sameUnitCount - f.sameUnit.length;
  if (more <= 0) return f.sameUnit.join(', ');
  return `${f.sameUnit.join(', ')} ${fill(summaryWord('sameUnitMore', lang), { n: formatCount(more, lang) }, lang)}`;
}
