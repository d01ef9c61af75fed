import { isBlank } from './grid';
import type { SheetView } from './sheetView';
import type { ResultPeriod } from '../report/schema';
import { memoByText } from '../text/memo';
import { wordsKey } from '../text/normalize';

/** What a column holds, recognised from its heading by meaning, not by exact text. */
export type Role =
  | 'number'
  | 'task'
  | 'product'
  | 'lead'
  | 'partner'
  | 'approval'
  | 'deadline'
  | 'progress'
  | 'result'
  | 'notes'
  | 'indicator'
  | 'target'
  | 'assessment'
  | 'monitor'
  | 'executor'
  | 'parent'
  /** The start date, when a date heading spans "Bắt đầu | Hoàn thành": the deadline is then the end column. */
  | 'start';

// Order matters: the first rule that matches wins ("Cơ quan chủ trì đề xuất/tham mưu/thực hiện" is the lead,
// not the executor; "Chỉ tiêu phấn đấu năm 2025" is the target, not the indicator).
const RULES: [Role, RegExp][] = [
  ['number', /^(stt|tt|so tt|so thu tu|s tt|thu tu|no|number)$/],
  ['deadline', /\b(thoi gian|thoi han|han hoan thanh|thoi diem|han chot|deadline|due)\b/],
  ['lead', /\b(chu tri|lead)\b/],
  ['partner', /\b(phoi hop|partner)/],
  ['monitor', /\b(theo doi|monitoring)\b/],
  ['approval', /\b(cap ban hanh|phe duyet|cap ban)\b/],
  ['target', /\b(phan dau|muc tieu|chi tieu ke hoach|ke hoach nam|chi tieu nam|chi tieu giao|target)\b/],
  ['result', /\b(ket qua|result|actual)\b/],
  ['assessment', /\b(danh gia|xep loai|assessment)\b/],
  ['executor', /\b(don vi|co quan|bo phan) thuc hien\b|\bimplementing\b/],
  ['progress', /\b(tien do|tinh trang|muc do hoan thanh|progress|status)\b/],
  ['indicator', /\b(chi tieu|indicator)\b/],
  ['product', /\b(san pham|hoat dong|product)\b/],
  ['task', /\b(nhiem vu|noi dung|cong viec|task)\b/],
  ['notes', /\b(ghi chu|notes?)\b/],
  ['parent', /\btrach nhiem\b/],
];

/**
 * The two halves of a date heading merged over two sub-columns ("Thời gian thực hiện" over "Bắt đầu | Hoàn
 * thành", "Từ ngày | Đến ngày", "Khởi động | Kết thúc"). Read only under such a heading: "Hoàn thành" alone
 * elsewhere is no date.
 */
const DATE_PARTS: [Role, RegExp][] = [
  ['start', /^(ngay |thoi gian |thoi diem )?(bat dau|khoi dong|khoi cong|trien khai|tu ngay|tu|start|from)$/],
  ['deadline', /^(ngay |thoi gian |thoi diem |han )?(hoan thanh|ket thuc|den ngay|den|xong|end|to|finish)$/],
];

function classifyDatePart(text: string): Role | null {
  const k = wordsKey(text);
  for (const [role, re] of DATE_PARTS) if (re.test(k)) return role;
  return null;
}

/**
 * The reporting period a result heading names (words key): "6 tháng đầu năm", "Quý III", "Cả năm 2025",
 * "Tháng 9", "Lũy kế". Checked in this order: "Kết quả 6 tháng đầu năm 2025" is the 6-month figure, not the year's.
 */
const PERIOD_RULES: [ResultPeriod, RegExp][] = [
  ['cumulative', /\bluy ke\b/],
  ['h1', /\b(6|06|sau) thang\b|\bquy (ii|2)\b|\bnua dau nam\b/],
  ['q3', /\b(9|09|chin) thang\b|\bquy (iii|3)\b/],
  ['q1', /\bquy (i|1)\b|\b(3|03|ba) thang\b/],
  ['year', /\bca nam\b|\bquy (iv|4)\b|\b12 thang\b|\bnam 20\d\d\b|\bnam$|\bannual\b|\byear\b/],
];
const MONTH = /\bthang (\d{1,2})\b/;
const ESTIMATE = /\buoc\b|\bestimate/;
/** A heading that is only a period's name ("Quý I", "6 tháng", "Cả năm", "Tháng 9", "Lũy kế", "Ước cả năm"). */
const PERIOD_ONLY =
  /^(uoc (thuc hien |tinh |dat )?)?(quy (i|ii|iii|iv|1|2|3|4)|(3|03|6|06|9|09|12) thang( dau nam| cuoi nam)?|ca nam|nam|thang \d{1,2}|luy ke( den nay| tu dau nam)?)( nam)?( 20\d\d)?$/;

export interface HeadingPeriod {
  period: ResultPeriod;
  month: number | null;
  estimate: boolean;
}

/** The period a result column's heading names; "none" for a plain "Kết quả thực hiện". */
export function headingPeriod(text: string): HeadingPeriod {
  const k = wordsKey(text);
  const estimate = ESTIMATE.test(k);
  for (const [period, re] of PERIOD_RULES) if (re.test(k)) return { period, month: null, estimate };
  const m = MONTH.exec(k);
  const month = m ? Number(m[1]) : 0;
  if (month >= 1 && month <= 12) return { period: 'month', month, estimate };
  return { period: 'none', month: null, estimate };
}

function isPeriodHeading(text: string): boolean {
  return text.length <= 60 && PERIOD_ONLY.test(wordsKey(text));
}

export function classifyHeading(text: string): Role | null {
  return text.length > 120 ? null : classifyMemo(text);
}

// Asked of every short cell of every row (looksLikeHeaderRow), whose texts repeat down the columns.
const classifyMemo = memoByText(8192, (text): Role | null => {
  const k = wordsKey(text);
  if (!k) return null;
  for (const [role, re] of RULES) if (re.test(k)) return role;
  return null;
});

/** A result column of a KPI table, with the period its heading names. */
export interface ResultColumnInfo extends HeadingPeriod {
  column: number;
  /** Both header rows' text, "Kết quả thực hiện / 6 tháng", or the one heading. */
  heading: string;
}

export interface HeaderInfo {
  /** Sheet rows of the header, one or two. */
  rows: number[];
  /** A KPI table's result columns, left to right (several when results are reported per period). */
  results: ResultColumnInfo[];
  /** Role → sheet column. */
  columns: Partial<Record<Role, number>>;
  /** Sheet column → folded heading words, for recognising the header when it repeats mid-table. */
  keys: Map<number, string[]>;
  kind: 'tasks' | 'kpis';
  /** The task or indicator column, and the longest heading text seen in it (a cheap gate for repeats). */
  mainColumn: number | undefined;
  mainMaxLength: number;
}

const SCAN_ROWS = 60;

function rowRoles(view: SheetView, row: number): Map<number, Role> {
  const out = new Map<number, Role>();
  for (let c = view.firstColumn, end = view.lastColumnIn(row); c <= end; c++) {
    if (view.isCovered(row, c)) continue;
    const v = view.raw(row, c);
    if (typeof v !== 'string' || isBlank(v)) continue;
    const role = classifyHeading(v);
    if (role) out.set(c, role);
  }
  return out;
}

function kindOf(roles: Set<Role>): 'tasks' | 'kpis' | null {
  if (roles.has('indicator') && (roles.has('target') || roles.has('result') || roles.has('number')))
    return 'kpis';
  if (roles.has('target') && (roles.has('number') || roles.has('result'))) return 'kpis';
  if (roles.has('task') && roles.size >= 2) return 'tasks';
  return null;
}

/** Finds the header within the first rows: title rows above it are skipped, a second header row is merged in. */
export function findHeader(view: SheetView): HeaderInfo | null {
  const last = Math.min(view.lastRow, view.firstRow + SCAN_ROWS - 1);
  for (let r = view.firstRow; r <= last; r++) {
    const roles = rowRoles(view, r);
    if (roles.size < 2) continue;
    const set = new Set(roles.values());
    set.delete('parent');
    const kind = kindOf(set);
    if (!kind) continue;

    const rows = [r];
    const columnRoles = new Map(roles);
    // A second header row sits under a merged parent ("Trách nhiệm cụ thể" over two unit columns): its cells
    // fall in columns the first row leaves blank or covers with a horizontal merge.
    if (r + 1 <= view.lastRow) {
      const below = rowRoles(view, r + 1);
      const underDate = new Set<number>();
      // Under a date heading merged across columns, the sub-headings name the start and the end.
      for (const [c, role] of roles) {
        if (role !== 'deadline') continue;
        // Merged over its sub-columns, or (the merge lost on the way) followed by a blank heading cell.
        const merge = view.mergeAt(r, c);
        const right = merge
          ? merge.right
          : c + 1 <= view.lastColumn && isBlank(view.raw(r, c + 1))
            ? c + 1
            : c;
        if (right === c) continue;
        const parts = new Map<number, Role>();
        for (let sc = c; sc <= right; sc++) {
          const v = view.raw(r + 1, sc);
          const part = typeof v === 'string' ? classifyDatePart(v) : null;
          if (part) parts.set(sc, part);
        }
        // Only with an end column: a start alone would leave the table without a deadline.
        if (![...parts.values()].includes('deadline')) continue;
        for (const [sc, part] of parts) {
          below.set(sc, part);
          underDate.add(sc);
        }
      }
      // Under a result heading merged across columns ("Kết quả thực hiện" over "6 tháng | 9 tháng | Cả năm"),
      // each sub-heading names a period.
      for (const [c, role] of roles) {
        if (role !== 'result') continue;
        const merge = view.mergeAt(r, c);
        let right = merge ? merge.right : c;
        if (!merge) while (right + 1 <= view.lastColumn && isBlank(view.raw(r, right + 1))) right++;
        for (let sc = c; sc <= right; sc++) {
          const v = view.raw(r + 1, sc);
          if (typeof v === 'string' && isPeriodHeading(v)) {
            below.set(sc, 'result');
            underDate.add(sc);
          }
        }
      }
      let fits = below.size > 0;
      for (let c = view.firstColumn, end = view.lastColumnIn(r + 1); c <= end && fits; c++) {
        const v = view.raw(r + 1, c);
        if (isBlank(v)) continue;
        const underBlankOrMerge =
          underDate.has(c) || view.isCovered(r, c) || !!view.mergeAt(r, c) || isBlank(view.raw(r, c));
        if (!below.has(c) || !underBlankOrMerge) fits = false;
      }
      if (fits) {
        rows.push(r + 1);
        for (const [c, role] of below) columnRoles.set(c, role);
      }
    }

    const columns: Partial<Record<Role, number>> = {};
    for (const [c, role] of [...columnRoles.entries()].sort((a, b) => a[0] - b[0])) {
      if (role === 'parent') continue;
      if (columns[role] === undefined) columns[role] = c;
    }
    const finalKind = kindOf(new Set(Object.keys(columns) as Role[])) ?? kind;
    const results = finalKind === 'kpis' ? resultColumns(view, rows, columnRoles) : [];
    if (results.length > 0 && columns.result === undefined) columns.result = results[0].column;
    const keys = new Map<number, string[]>();
    for (const hr of rows) {
      for (let c = view.firstColumn, end = view.lastColumnIn(hr); c <= end; c++) {
        const v = view.value(hr, c);
        if (typeof v !== 'string' || isBlank(v)) continue;
        const list = keys.get(c) ?? [];
        list.push(wordsKey(v));
        keys.set(c, list);
      }
    }
    const mainColumn = finalKind === 'kpis' ? columns.indicator : columns.task;
    let mainMaxLength = 0;
    for (const hr of rows) {
      const v = mainColumn === undefined ? null : view.value(hr, mainColumn);
      if (typeof v === 'string') mainMaxLength = Math.max(mainMaxLength, v.length);
    }
    return { rows, results, columns, keys, kind: finalKind, mainColumn, mainMaxLength };
  }
  return null;
}

/** The text a header cell shows, or the text of the merge that covers it from the left. */
function headingAt(view: SheetView, row: number, column: number): string {
  for (let c = column; c >= view.firstColumn; c--) {
    const v = view.raw(row, c);
    if (typeof v === 'string' && !isBlank(v)) {
      const merge = view.mergeAt(row, c);
      return c === column || (merge && merge.right >= column) ? v.trim().replace(/\s+/g, ' ') : '';
    }
    if (!view.isCovered(row, c)) return '';
  }
  return '';
}

/**
 * A KPI table's result columns: those headed "Kết quả …", those under such a heading, and those whose heading
 * only names a period or an estimate ("Quý I", "Ước thực hiện cả năm", "Lũy kế").
 */
function resultColumns(view: SheetView, rows: number[], roles: Map<number, Role>): ResultColumnInfo[] {
  const out: ResultColumnInfo[] = [];
  let last = view.firstColumn;
  for (const r of rows) last = Math.max(last, view.lastColumnIn(r));
  for (let c = view.firstColumn; c <= last; c++) {
    const parts: string[] = [];
    for (const r of rows) {
      const t = headingAt(view, r, c);
      if (t && !parts.includes(t)) parts.push(t);
    }
    if (parts.length === 0) continue;
    const own = parts[parts.length - 1];
    const role = roles.get(c);
    const isResult =
      role === 'result' ||
      ((role === undefined || role === 'parent') && (isPeriodHeading(own) || ESTIMATE.test(wordsKey(own))));
    if (!isResult) continue;
    const heading = parts.join(' / ');
    out.push({ column: c, heading, ...headingPeriod(own === parts[0] ? own : heading) });
  }
  return out;
}

/**
 * The header of another table further down the sheet (not a repeat of this one): two or more headings of one
 * kind in short text cells. Numbers or long texts rule a row out at once.
 */
export function looksLikeHeaderRow(view: SheetView, row: number, header: HeaderInfo): boolean {
  let roles = 0;
  const seen = new Set<Role>();
  for (let c = view.firstColumn, end = view.lastColumnIn(row); c <= end; c++) {
    if (view.isCovered(row, c)) continue;
    const v = view.raw(row, c);
    if (isBlank(v)) continue;
    if (typeof v !== 'string' || v.length > 120) return false;
    const role = classifyHeading(v);
    if (role && role !== 'parent') {
      seen.add(role);
      roles++;
    }
  }
  if (roles < 2 || kindOf(seen) === null) return false;
  // A repeat of our own header has been skipped already; a near-repeat (one heading reworded) is still ours.
  let same = 0;
  for (const [c, keys] of header.keys) {
    const v = view.raw(row, c);
    if (typeof v === 'string' && keys.includes(wordsKey(v))) same++;
  }
  return same < 2;
}

/** True when the row repeats the header (Word tables repeat it at every page break). */
export function isRepeatedHeader(view: SheetView, row: number, header: HeaderInfo): boolean {
  // Gate on the main column: a repeat carries its heading there (directly or through a vertical merge), and
  // almost every data row is longer than a heading can be, so most rows are dismissed without folding text.
  if (header.mainColumn !== undefined) {
    const main = view.value(row, header.mainColumn);
    if (typeof main !== 'string' || main.length > header.mainMaxLength * 2 + 10) return false;
    if (!header.keys.get(header.mainColumn)?.includes(wordsKey(main))) return false;
  }
  let nonEmpty = 0;
  let matches = 0;
  for (let c = view.firstColumn, end = view.lastColumnIn(row); c <= end; c++) {
    const v = view.value(row, c);
    if (isBlank(v)) continue;
    nonEmpty++;
    const expected = header.keys.get(c);
    if (!expected || typeof v !== 'string') continue;
    // Cheap gate before folding: headings are short, and a copy has about the same length.
    if (v.length > 160) continue;
    if (expected.includes(wordsKey(v))) matches++;
  }
  return matches >= 2 && matches >= nonEmpty * 0.6;
}
