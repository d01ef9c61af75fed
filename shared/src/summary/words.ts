/**
 * The words of the province summary, shared by its workbook and its HTML report so both say the same thing.
 * Status words (Đạt, Không đạt …) come from the report's own `statusLabel`.
 */
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
} as const satisfies Record<string, readonly [string, string]>;

export type SummaryWord = keyof typeof WORDS;

/** A summary word in the given language. */
export function summaryWord(word: SummaryWord, lang: Lang): string {
  return WORDS[word][lang === 'vi' ? 0 : 1];
}
