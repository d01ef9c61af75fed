import { isBlank } from './grid';
import type { SheetView } from './sheetView';
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

export function classifyHeading(text: string): Role | null {
  if (text.length > 120) return null;
  const k = wordsKey(text);
  if (!k) return null;
  for (const [role, re] of RULES) if (re.test(k)) return role;
  return null;
}

export interface HeaderInfo {
  /** Sheet rows of the header, one or two. */
  rows: number[];
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
    return { rows, columns, keys, kind: finalKind, mainColumn, mainMaxLength };
  }
  return null;
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
