import type { FindingCode, KpiStatus, Op, Param, Severity, Target, TaskStatus } from './schema';
import { formatDateVi } from '../deadlines/calendar';
import { areaByNumeral } from '../table/areas';
import { formatNumber } from '../text/numbers';
import type { Role } from '../table/header';

export type Lang = 'vi' | 'en';

/** Default severity of each finding code: part of the public contract, like the codes themselves. */
export const DEFAULT_SEVERITY: Record<FindingCode, Severity> = {
  'table/not-found': 'error',
  'table/count-mismatch': 'error',
  'header/missing-field': 'error',
  'header/no-actual-column': 'info',
  'cell/required': 'error',
  'cell/unusable': 'error',
  'task/deadline-unparseable': 'error',
  'task/deadline-out-of-year': 'warning',
  'task/overdue': 'warning',
  'task/tasks-not-set': 'info',
  'row/number-duplicate': 'error',
  'row/number-gap': 'warning',
  'row/number-missing': 'info',
  'row/duplicate': 'warning',
  'area/missing': 'warning',
  'area/unknown': 'warning',
  'area/order': 'info',
  'kpi/targets-not-set': 'info',
  'kpi/target-unparseable': 'warning',
  'kpi/target-unmeasurable': 'info',
  'kpi/actual-unparseable': 'error',
  'kpi/actual-out-of-range': 'warning',
  'kpi/actual-count-mismatch': 'warning',
  'kpi/actual-zero-denominator': 'warning',
  'kpi/target-missed': 'warning',
  'kpi/period-column': 'info',
  'kpi/no-data-for-period': 'info',
};

/** A finding's parameters, in no language (see paramSchema). */
export type Params = Record<string, Param>;

/** The same, worded for one language: what the message templates read. */
type Worded = Record<string, string | number>;

const FIELD: Record<Role, [string, string]> = {
  number: ['STT', 'number'],
  task: ['Nhiệm vụ', 'task'],
  product: ['Sản phẩm', 'product'],
  lead: ['Cơ quan chủ trì', 'lead unit'],
  partner: ['Cơ quan phối hợp', 'partner unit'],
  approval: ['Cấp ban hành/phê duyệt', 'approving level'],
  deadline: ['Thời gian hoàn thành', 'deadline'],
  progress: ['Tiến độ', 'progress'],
  result: ['Kết quả thực hiện', 'result'],
  notes: ['Ghi chú', 'notes'],
  indicator: ['Chỉ tiêu', 'indicator'],
  target: ['Chỉ tiêu phấn đấu', 'target'],
  assessment: ['Đánh giá', 'assessment'],
  monitor: ['Đơn vị theo dõi', 'monitoring unit'],
  executor: ['Đơn vị thực hiện', 'implementing unit'],
  parent: ['Trách nhiệm', 'responsibility'],
  start: ['Thời gian bắt đầu', 'start date'],
};

export function fieldLabel(role: Role, lang: Lang): string {
  return FIELD[role][lang === 'vi' ? 0 : 1];
}

/** A date as messages show it: dd/mm/yyyy in Vietnamese, YYYY-MM-DD in English; anything else as it is. */
export function formatDate(iso: string, lang: Lang): string {
  return lang === 'vi' && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDateVi(iso) : iso;
}

const NOUNS = { tasks: ['nhiệm vụ', 'tasks'], kpis: ['chỉ tiêu', 'indicators'] } as const;

/** One parameter worded for `lang`; plain strings and numbers are the same in every language. */
export function wordParam(p: Param, lang: Lang): string | number {
  if (typeof p !== 'object') return p;
  const i = lang === 'vi' ? 0 : 1;
  if ('field' in p) return (FIELD as Record<string, [string, string]>)[p.field]?.[i] ?? p.field;
  if ('date' in p) return formatDate(p.date, lang);
  if ('number' in p) return formatNumber(p.number, lang);
  if ('quantities' in p) return p.quantities.map((q) => formatQuantity(q.value, q.unit, lang)).join('; ');
  if ('targets' in p) return p.targets.map((t) => formatTarget(t, lang)).join('; ');
  if ('noun' in p) return NOUNS[p.noun][i];
  const area = areaByNumeral(p.area);
  return area ? (lang === 'vi' ? area.vi : area.en) : p.area;
}

type Template = (p: Worded) => string;

const VI: Record<FindingCode, Template> = {
  'table/not-found': () =>
    'Không tìm thấy bảng nhiệm vụ hay bảng chỉ tiêu nào: cần một dòng tiêu đề cột như "STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành" hoặc "STT | Chỉ tiêu | Chỉ tiêu phấn đấu | Kết quả thực hiện".',
  'table/count-mismatch': (p) => `Dòng tổng ghi ${p.declared} ${p.noun} nhưng bảng có ${p.counted}.`,
  'header/missing-field': (p) => `Thiếu cột "${p.field}" trong dòng tiêu đề.`,
  'header/no-actual-column': () =>
    'Bảng chưa có cột "Kết quả thực hiện": chưa thể đánh giá mức đạt chỉ tiêu.',
  'cell/required': (p) => `Ô "${p.field}" đang trống.`,
  'cell/unusable': (p) =>
    p.why === 'error'
      ? `Ô "${p.field}" đang hiện lỗi công thức ${p.value} thay cho giá trị; hãy sửa công thức hoặc nhập lại giá trị.`
      : p.why === 'boolean'
        ? `Ô "${p.field}" chứa giá trị đúng/sai (${p.value}) thay cho nội dung; hãy nhập lại nội dung.`
        : p.why === 'date-range'
          ? `Ô "${p.field}" định dạng ngày nhưng số ${p.value} không phải một ngày; hãy nhập lại ngày dạng dd/mm/yyyy.`
          : `Ô "${p.field}" có công thức chưa được tính (tệp không lưu kết quả): hãy mở tệp bằng Excel rồi lưu lại, sau đó kiểm tra lại.`,
  'task/deadline-unparseable': (p) => `Không hiểu được thời hạn "${p.text}".`,
  'task/deadline-out-of-year': (p) => `Thời hạn ${p.due} nằm ngoài năm kế hoạch ${p.year}.`,
  'task/overdue': (p) => `Quá hạn: hạn ${p.due}, đến ngày ${p.asOf} chưa hoàn thành.`,
  'row/number-duplicate': (p) => `Số thứ tự "${p.number}" bị trùng (đã có ở dòng ${p.first}).`,
  'row/number-gap': (p) => `Số thứ tự nhảy từ "${p.previous}" sang "${p.number}" (mong đợi "${p.expected}").`,
  'row/number-missing': () => 'Dòng này không có số thứ tự.',
  'row/duplicate': (p) => `Nội dung trùng với dòng ${p.first}.`,
  'area/missing': (p) =>
    p.numeral
      ? `Thiếu lĩnh vực ${p.numeral} (${p.name}).`
      : 'Bảng không chia theo các lĩnh vực cải cách hành chính.',
  'area/unknown': (p) => `Không nhận ra lĩnh vực "${p.name}".`,
  'area/order': (p) => `Lĩnh vực ${p.numeral} đứng sau lĩnh vực ${p.previous}: sai thứ tự thông thường.`,
  'kpi/targets-not-set': () => 'Chưa nhập chỉ tiêu phấn đấu cho chỉ tiêu nào: bảng còn trống.',
  'task/tasks-not-set': () => 'Chưa nhập nhiệm vụ nào: bảng còn trống.',
  'kpi/target-unparseable': (p) => `Không đọc được chỉ tiêu phấn đấu "${p.text}".`,
  'kpi/target-unmeasurable': (p) => `Chỉ tiêu "${p.text}" không đo được từ ô này; cần đánh giá thủ công.`,
  'kpi/actual-unparseable': (p) => `Không đọc được kết quả "${p.text}".`,
  'kpi/actual-out-of-range': (p) => `Kết quả ${p.actual}% nằm ngoài khoảng 0-100%.`,
  'kpi/actual-count-mismatch': (p) =>
    `Chỉ tiêu có ${p.targets} mục tiêu nhưng ô kết quả có ${p.actuals} giá trị; ghi mỗi kết quả theo thứ tự, cách nhau bởi dấu ";".`,
  'kpi/actual-zero-denominator': (p) =>
    `Kết quả "${p.text}" có mẫu số bằng 0: không tính được tỷ lệ; ghi số đạt trên tổng số, ví dụ "12/15".`,
  'kpi/target-missed': (p) =>
    p.estimate
      ? `Chưa đạt chỉ tiêu theo số ước thực hiện (cột ${p.column}): kết quả ${p.actual}, chỉ tiêu ${p.target}.`
      : `Chưa đạt chỉ tiêu: kết quả ${p.actual}, chỉ tiêu ${p.target}.`,
  'kpi/period-column': (p) =>
    p.column
      ? `Kết quả được đánh giá theo cột ${p.column} "${p.heading}"${p.cutoff ? ` (kỳ chốt số liệu ngày ${p.cutoff})` : ''}${p.estimate ? `, nơi cột này trống thì theo số ước thực hiện ở cột ${p.estimate}` : ''}${p.others ? `; các cột kết quả khác: ${p.others}` : ''}.`
      : `Đến ngày ${p.asOf} chưa đến kỳ báo cáo của cột kết quả nào (${p.others}): chưa đánh giá kết quả.`,
  'kpi/no-data-for-period': (p) =>
    `Chưa có kết quả kỳ "${p.heading}" (cột ${p.column}); số liệu gần nhất: ${p.previous} ở cột ${p.previousColumn} "${p.previousHeading}".`,
};

const EN: Record<FindingCode, Template> = {
  'table/not-found': () =>
    'No task list or KPI table found: a heading row such as "STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành" or "STT | Chỉ tiêu | Chỉ tiêu phấn đấu | Kết quả thực hiện" is needed.',
  'table/count-mismatch': (p) =>
    `The total row declares ${p.declared} ${p.noun} but the table has ${p.counted}.`,
  'header/missing-field': (p) => `The heading row has no "${p.field}" column.`,
  'header/no-actual-column': () => 'The table has no result column yet: attainment cannot be assessed.',
  'cell/required': (p) => `The ${p.field} cell is empty.`,
  'cell/unusable': (p) =>
    p.why === 'error'
      ? `The ${p.field} cell shows the formula error ${p.value} instead of a value; fix the formula or type the value again.`
      : p.why === 'boolean'
        ? `The ${p.field} cell holds a true/false value (${p.value}) instead of text; type the text again.`
        : p.why === 'date-range'
          ? `The ${p.field} cell is formatted as a date but ${p.value} is no date; type the date again as dd/mm/yyyy.`
          : `The ${p.field} cell has a formula that was never calculated (the file holds no result): open the file in Excel, save it, then check it again.`,
  'task/deadline-unparseable': (p) => `Cannot understand the deadline "${p.text}".`,
  'task/deadline-out-of-year': (p) => `Deadline ${p.due} falls outside the plan year ${p.year}.`,
  'task/overdue': (p) => `Overdue: due ${p.due}, not done by ${p.asOf}.`,
  'row/number-duplicate': (p) => `Number "${p.number}" is used twice (first on row ${p.first}).`,
  'row/number-gap': (p) =>
    `Numbering jumps from "${p.previous}" to "${p.number}" (expected "${p.expected}").`,
  'row/number-missing': () => 'This row has no number.',
  'row/duplicate': (p) => `Same text as row ${p.first}.`,
  'area/missing': (p) =>
    p.numeral ? `Area ${p.numeral} (${p.name}) is missing.` : 'The table is not grouped by reform area.',
  'area/unknown': (p) => `Unrecognised area "${p.name}".`,
  'area/order': (p) => `Area ${p.numeral} comes after area ${p.previous}: not the usual order.`,
  'kpi/targets-not-set': () => 'No indicator has a target yet: the table is still blank.',
  'task/tasks-not-set': () => 'No task has been entered yet: the table is still blank.',
  'kpi/target-unparseable': (p) => `Cannot read the target "${p.text}".`,
  'kpi/target-unmeasurable': (p) =>
    `The target "${p.text}" cannot be measured from the cell; assess it by hand.`,
  'kpi/actual-unparseable': (p) => `Cannot read the result "${p.text}".`,
  'kpi/actual-out-of-range': (p) => `The result ${p.actual}% is outside 0-100%.`,
  'kpi/actual-count-mismatch': (p) =>
    `The indicator has ${p.targets} targets but the result cell has ${p.actuals} values; write one result per target, in order, separated by ";".`,
  'kpi/actual-zero-denominator': (p) =>
    `The result "${p.text}" has a zero denominator: no rate can be computed; write the count achieved over the total, such as "12/15".`,
  'kpi/target-missed': (p) =>
    p.estimate
      ? `Target missed on the estimate (column ${p.column}): result ${p.actual}, target ${p.target}.`
      : `Target missed: result ${p.actual}, target ${p.target}.`,
  'kpi/period-column': (p) =>
    p.column
      ? `Results are judged from column ${p.column} "${p.heading}"${p.cutoff ? ` (data cut-off ${p.cutoff})` : ''}${p.estimate ? `, from the estimate in column ${p.estimate} where it is blank` : ''}${p.others ? `; other result columns: ${p.others}` : ''}.`
      : `By ${p.asOf} no result column's reporting period has closed (${p.others}): results are not judged yet.`,
  'kpi/no-data-for-period': (p) =>
    `No result for "${p.heading}" (column ${p.column}) yet; the latest figure is ${p.previous} in column ${p.previousColumn} "${p.previousHeading}".`,
};

export function message(code: FindingCode, params: Params, lang: Lang): string {
  const worded: Worded = {};
  for (const [name, p] of Object.entries(params)) worded[name] = wordParam(p, lang);
  return (lang === 'en' ? EN : VI)[code](worded);
}

export { formatNumber };

const CODE_TITLES: Record<FindingCode, [string, string]> = {
  'table/not-found': ['Không tìm thấy bảng', 'No table found'],
  'table/count-mismatch': ['Dòng tổng không khớp số nhiệm vụ', 'Total row does not match the count'],
  'header/missing-field': ['Thiếu cột bắt buộc', 'Required column missing'],
  'header/no-actual-column': ['Chưa có cột kết quả', 'No result column'],
  'cell/required': ['Ô bắt buộc đang trống', 'Required cell empty'],
  'cell/unusable': ['Ô không đọc được giá trị', 'Cell without a usable value'],
  'task/deadline-unparseable': ['Thời hạn không đọc được', 'Unreadable deadline'],
  'task/deadline-out-of-year': ['Thời hạn ngoài năm kế hoạch', 'Deadline outside the plan year'],
  'task/overdue': ['Nhiệm vụ quá hạn', 'Overdue task'],
  'row/number-duplicate': ['Số thứ tự trùng', 'Duplicate number'],
  'row/number-gap': ['Số thứ tự không liên tục', 'Gap in numbering'],
  'row/number-missing': ['Dòng không có số thứ tự', 'Row without a number'],
  'row/duplicate': ['Nội dung trùng lặp', 'Duplicate text'],
  'area/missing': ['Thiếu lĩnh vực', 'Missing area'],
  'area/unknown': ['Lĩnh vực không nhận ra', 'Unknown area'],
  'area/order': ['Lĩnh vực sai thứ tự', 'Area out of order'],
  'kpi/targets-not-set': ['Chưa nhập chỉ tiêu phấn đấu', 'No targets yet'],
  'task/tasks-not-set': ['Chưa nhập nhiệm vụ', 'No tasks yet'],
  'kpi/target-unparseable': ['Chỉ tiêu không đọc được', 'Unreadable target'],
  'kpi/target-unmeasurable': ['Chỉ tiêu không đo được', 'Target not measurable'],
  'kpi/actual-unparseable': ['Kết quả không đọc được', 'Unreadable result'],
  'kpi/actual-out-of-range': ['Kết quả ngoài khoảng 0-100%', 'Result outside 0-100%'],
  'kpi/actual-count-mismatch': ['Số kết quả không khớp số mục tiêu', 'Results do not match targets'],
  'kpi/actual-zero-denominator': ['Tỷ lệ có mẫu số bằng 0', 'Rate with a zero denominator'],
  'kpi/target-missed': ['Chưa đạt chỉ tiêu', 'Target missed'],
  'kpi/period-column': ['Cột kết quả được đánh giá', 'Result column judged'],
  'kpi/no-data-for-period': ['Chưa có kết quả của kỳ', 'No result for the period'],
};

/** A short title for a group of findings with one code. */
export function codeTitle(code: FindingCode, lang: Lang): string {
  return CODE_TITLES[code][lang === 'vi' ? 0 : 1];
}

const STATUS_LABELS: Record<TaskStatus | KpiStatus | Severity, [string, string]> = {
  done: ['Đã hoàn thành', 'Done'],
  overdue: ['Quá hạn', 'Overdue'],
  pending: ['Chưa đến hạn', 'Pending'],
  ongoing: ['Thường xuyên', 'Ongoing'],
  met: ['Đạt', 'Met'],
  missed: ['Không đạt', 'Missed'],
  'no-data': ['Chưa có số liệu', 'No data'],
  unmeasurable: ['Không đo được', 'Not measurable'],
  error: ['Lỗi', 'Error'],
  warning: ['Cảnh báo', 'Warning'],
  info: ['Lưu ý', 'Note'],
};

/** Vietnamese or English label of a task status, KPI status or severity. */
export function statusLabel(status: TaskStatus | KpiStatus | Severity, lang: Lang): string {
  return STATUS_LABELS[status][lang === 'vi' ? 0 : 1];
}

/** A value with its unit as people write it: "94,5%", "12 phút", "2 hoạt động". */
export function formatQuantity(value: number, unit: string, lang: Lang): string {
  const n = formatNumber(value, lang);
  if (unit === '%') return `${n}%`;
  return unit ? `${n} ${unit}` : n;
}

const OP_SIGNS: Record<Op, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

/** A parsed target for display: "≥ 80%", "≤ 15 phút". */
export function formatTarget(target: Readonly<Target>, lang: Lang): string {
  return `${OP_SIGNS[target.op]} ${formatQuantity(target.value, target.unit, lang)}`;
}
