/**
 * The rows of an appendix table below its header, classified as real ward files write them (shared/DOMAIN.md):
 * - area rows: "II", "II." or "Phần II" in the number column and the name beside it; "II. CẢI CÁCH THỂ CHẾ"
 *   leading the text; the name alone in capitals or merged across; the whole title in the STT cell, merged
 *   across the row or not, in capitals or title case, with or without a numeral (a Word table pasted into Excel);
 *   parts lettered "A." / "B." whose title names an area;
 * - sub-group rows: "1." or "1" with a heading and none of the row's own values (no lead or deadline in a task
 *   list, no target or result in a KPI table), followed by rows numbered under it ("1.1", "1.2");
 * - total rows: "Tổng cộng: 44 nhiệm vụ", in the text or the STT cell;
 * - data rows: tasks or indicators, numbered in their own column ("3", "1.2") or at the start of the text
 *   ("1. Triển khai …"), or not numbered; a KPI group row written whole in the STT cell ("3. Cải cách thủ tục
 *   hành chính") splits into its number and text;
 * - header rows repeated at page breaks, and the column-number row "(1) (2) … (7)", are skipped;
 * - the table ends at its total row, or at the first line of what follows it in the document (notes, a place
 *   and date, the signature block, another table): nothing after the end is read as a task.
 */
import {
  areaByNumeral,
  areaMarker,
  matchAreaName,
  splitLeadingLetter,
  splitLeadingRoman,
  type AreaDef,
} from './areas';
import { firstText, isColumnNumberRow, tailKind } from './documentParts';
import { isBlank } from './grid';
import { findHeader, isRepeatedHeader, looksLikeHeaderRow, type HeaderInfo, type Role } from './header';
import type { SheetView } from './sheetView';
import type { TableEnd } from '../report/schema';
import { foldKey, normalizeText, trimmedText } from '../text/normalize';

/** A task or indicator row, or a group row that heads the numbered rows under it and holds no values of its own. */
interface RowFields {
  row: number;
  /** The row's number as written ("3", "1.2"), or null. */
  number: string | null;
  /** Where the number was read: its own column, or the start of the text. */
  numberColumn: number;
  /** Main text (task or indicator) without a leading number. */
  text: string;
  textColumn: number;
}

/** One meaningful row below the header, in sheet order. */
export type Entry =
  | {
      type: 'area';
      row: number;
      column: number;
      /** The numeral as written ("II", or the letter "B"), or null when the row names the area without one. */
      numeral: string | null;
      name: string;
      /** The catalogue area the name matches, or null. */
      known: AreaDef | null;
    }
  | { type: 'total'; row: number; column: number; declared: number | null; text: string }
  | ({ type: 'data' } & RowFields)
  | ({ type: 'group' } & RowFields);

export type DataEntry = Extract<Entry, { type: 'data' | 'group' }>;

export interface TableModel {
  kind: 'tasks' | 'kpis';
  header: HeaderInfo;
  headerRow: number;
  columns: Partial<Record<Role, number>>;
  /** Year named in the title rows ("DANH MỤC … NĂM 2025") or in a heading ("Chỉ tiêu phấn đấu năm 2025"). */
  titleYear: number | null;
  entries: Entry[];
  /** True when any data row carries a number. */
  numbered: boolean;
  /** The row under the header that only numbers the columns ("(1) (2) … (7)"), or null. */
  columnNumberRow: number | null;
  /** The last row read as part of the table. */
  lastRow: number;
  /** Why the table ended there, and the row that said so (0 at the sheet's end). */
  end: TableEnd;
  endRow: number;
}

const LEADING_NUMBER = /^\s*(\d{1,3}(?:\.\d{1,3})*)(?:\s*[.):]\s*|\s+(?=\S))(?=\S)/;
// A cheap first-letter gate before folding: totals start "Tổng …" or "Cộng …".
const TOTAL_START = /^\s*[tTcC]/;
// "Công khai …" is a task and "Tổng số thủ tục …" an indicator, not totals: a bare "Tổng"/"Cộng"/"Tổng số"
// counts only when a number or a colon follows.
const TOTAL_KEY = /^(tong cong|total)\b|^(tong so|tong|cong)\s*:?\s*\d|^tong so\s*:/;
const TOTAL_COUNT = /(\d[\d.]*)/;
const DIGIT_START = /^\s*\d/;

export function readTable(view: SheetView): TableModel | null {
  const header = findHeader(view);
  if (!header) return null;
  const headerRow = header.rows[header.rows.length - 1];
  const columns = header.columns;
  const mainColumn = header.mainColumn ?? firstColumnAfter(columns, view.firstColumn);
  const numberColumn = columns.number;
  const valueColumns = ownValueColumns(header);
  const kind = header.kind;
  const entries: Entry[] = [];
  let numbered = false;
  let columnNumberRow: number | null = null;
  let end: TableEnd = 'sheet-end';
  let endRow = 0;
  let lastRow = headerRow;
  /** A total row seen: the table ends there unless table rows follow it (a subtotal per area). */
  let pendingTotal = -1;

  for (let r = headerRow + 1; r <= view.lastRow; r++) {
    if (view.isBlankRow(r)) continue;
    if (isRepeatedHeader(view, r, header)) continue;

    const numberValue = numberColumn === undefined ? null : view.value(r, numberColumn);
    const mainValue = view.value(r, mainColumn);
    const mainText = trimmedText(mainValue);
    const numberText = trimmedText(numberValue);
    // Rows that carry a number of their own are table rows; only the others can be the document around it.
    const numberedRow =
      typeof numberValue === 'number' ||
      DIGIT_START.test(numberText) ||
      (numberColumn === undefined && DIGIT_START.test(mainText));
    // "(1) (2) …" or "1 2 …": only a row whose first key could be "1" or not numbered at all is asked.
    const mayNumberColumns =
      !numberedRow || numberText === '1' || (numberColumn === undefined && mainText === '1');
    if (mayNumberColumns && isColumnNumberRow(view, r)) {
      columnNumberRow ??= r;
      continue;
    }
    // A row whose number or task cell is merged down from the row above continues that row (a second lead
    // unit of one task): it belongs to the table whatever its other cells say.
    const continues =
      view.isCoveredFromAbove(r, mainColumn) ||
      (numberColumn !== undefined && view.isCoveredFromAbove(r, numberColumn));
    if (!numberedRow && !continues) {
      const tail = tailKind(view, r);
      const nextTable = tail === null && looksLikeHeaderRow(view, r, header);
      if (tail !== null || nextTable) {
        end = tail ?? 'next-table';
        endRow = end === 'next-table' ? dropTitleRows(entries, view, r, valueColumns) : r;
        break;
      }
    }

    const before = entries.length;
    readRow(r, numberText, mainText);
    const added = entries[before];
    if (pendingTotal > 0 && added) {
      // A row after a total: the table goes on only if the row reads as one of its own (an area, or a numbered
      // row with its values); anything else is what follows the table.
      const tableRow =
        added.type === 'area' ||
        added.type === 'total' ||
        (added.type === 'data' && added.number !== null && hasOwnValues(view, r, valueColumns));
      if (!tableRow) {
        entries.length = before;
        break;
      }
      pendingTotal = -1;
    }
    if (added?.type === 'total') pendingTotal = r;
    if (added) lastRow = r;
  }
  if (pendingTotal > 0) {
    // The total was the table's last row: whatever ended the scan after it follows the table.
    end = 'total';
    endRow = pendingTotal;
    lastRow = pendingTotal;
  } else if (end !== 'sheet-end') lastRow = lastEntryRow(entries, headerRow);
  markGroups(view, entries, valueColumns);

  return {
    kind: header.kind,
    header,
    headerRow,
    columns,
    titleYear: findTitleYear(view, header),
    entries,
    numbered,
    columnNumberRow,
    lastRow,
    end,
    endRow,
  };

  function readRow(r: number, numberText: string, mainText: string): void {
    // Area rows: a Roman numeral (with or without its dot, or "Phần II") in the number column, or a letter
    // "A." there with the title beside it and none of a task's values; or a numeral leading the text.
    const marker = numberText && !DIGIT_START.test(numberText) ? areaMarker(numberText) : null;
    if (marker !== null) {
      const name = mainText || firstTextAfter(view, r, numberColumn ?? view.firstColumn);
      if (!marker.letter || (name && !hasOwnValues(view, r, valueColumns))) {
        entries.push(areaEntry(r, numberColumn ?? mainColumn, marker.numeral, name));
        return;
      }
    }
    const first = mainText || (numberText ? '' : firstTextAfter(view, r, view.firstColumn - 1));
    if (!numberText && first) {
      const split = splitLeadingRoman(first) ?? splitLeadingLetter(first);
      if (split) {
        entries.push(areaEntry(r, mainColumn, split.numeral, split.name));
        return;
      }
      if (TOTAL_START.test(first) && TOTAL_KEY.test(foldKey(first))) {
        entries.push(totalEntry(r, mainColumn, first));
        return;
      }
      if (kind === 'tasks' && looksLikeBareAreaRow(view, r, mainColumn, first, columns)) {
        entries.push(areaEntry(r, mainColumn, null, first));
        return;
      }
    }
    if (numberText && TOTAL_START.test(numberText) && TOTAL_KEY.test(foldKey(numberText))) {
      entries.push(totalEntry(r, numberColumn ?? mainColumn, numberText + ' ' + mainText));
      return;
    }
    // A Word table pasted into Excel puts the area's title in the number cell, merged across the row or not:
    // "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "II. Cải cách thể chế", "B. CẢI CÁCH THỂ CHẾ", or the name alone.
    if (numberText && !mainText && numberColumn !== undefined && !DIGIT_START.test(numberText)) {
      const split = splitLeadingRoman(numberText) ?? splitLeadingLetter(numberText);
      if (split) {
        entries.push(areaEntry(r, numberColumn, split.numeral, split.name));
        return;
      }
      if (looksLikeBareAreaRow(view, r, numberColumn, numberText, columns, true)) {
        entries.push(areaEntry(r, numberColumn, null, numberText));
        return;
      }
    }

    let number: string | null = null;
    let text = mainText;
    let numberAt = numberColumn ?? mainColumn;
    const numberThenText = numberText && !mainText ? LEADING_NUMBER.exec(numberText) : null;
    if (numberThenText && numberColumn !== undefined) {
      // "3. Cải cách thủ tục hành chính" all in the number cell (a group row merged across the table).
      number = numberThenText[1];
      text = numberText.slice(numberThenText[0].length).trim();
      entries.push({ type: 'data', row: r, number, numberColumn: numberAt, text, textColumn: numberColumn });
      numbered = true;
      return;
    }
    if (numberText) {
      number = cleanNumber(numberText);
    } else if (mainText) {
      const m = LEADING_NUMBER.exec(mainText);
      if (m) {
        number = m[1];
        text = mainText.slice(m[0].length).trim();
        numberAt = mainColumn;
      }
    }
    if (number !== null) numbered = true;
    entries.push({ type: 'data', row: r, number, numberColumn: numberAt, text, textColumn: mainColumn });
  }
}

/** The columns whose values a task or an indicator has and a group row lacks. */
function ownValueColumns(header: HeaderInfo): number[] {
  const roles: Role[] = header.kind === 'tasks' ? ['lead', 'deadline'] : ['target'];
  const out = roles.map((r) => header.columns[r]).filter((c): c is number => c !== undefined);
  if (header.kind === 'kpis') for (const rc of header.results) out.push(rc.column);
  return out;
}

/**
 * True when the row has a value of its own in one of `columns`: not blank, and not a value it shares through a
 * merge (a lead merged down from a group row over its tasks belongs to the tasks).
 */
function hasOwnValues(view: SheetView, row: number, columns: readonly number[]): boolean {
  for (const c of columns) {
    if (view.isCovered(row, c) || isBlank(view.raw(row, c))) continue;
    const merge = view.mergeAt(row, c);
    if (merge && merge.bottom > row) continue;
    return true;
  }
  return false;
}

/**
 * Sub-groups: a numbered row with none of its own values whose next row is numbered under it ("1" then "1.1",
 * "7.2" then "7.2.1") heads a group. Its number stays in the numbering (children are checked under it).
 */
function markGroups(view: SheetView, entries: Entry[], valueColumns: readonly number[]): void {
  for (let i = 0; i + 1 < entries.length; i++) {
    const e = entries[i];
    const next = entries[i + 1];
    if (e.type !== 'data' || e.number === null || next.type !== 'data' || next.number === null) continue;
    if (!isChildNumber(next.number, e.number) || !e.text) continue;
    if (hasOwnValues(view, e.row, valueColumns)) continue;
    entries[i] = { ...e, type: 'group' };
  }
}

/** "1.2" under "1", without building "1." for every row of a table. */
function isChildNumber(child: string, parent: string): boolean {
  return (
    child.length > parent.length + 1 && child.charCodeAt(parent.length) === 46 && child.startsWith(parent)
  );
}

/**
 * A second table's header at `row`: what stands between the first table's last numbered row and that header
 * (its title, "DANH MỤC CÁC CHỈ TIÊU …", a line of its own) belongs to the second table. Drops those entries and
 * returns the first row of what follows the first table.
 */
function dropTitleRows(
  entries: Entry[],
  view: SheetView,
  row: number,
  valueColumns: readonly number[],
): number {
  let first = row;
  while (entries.length > 0) {
    const last = entries[entries.length - 1];
    if (last.type !== 'data' || last.number !== null || hasOwnValues(view, last.row, valueColumns)) break;
    first = last.row;
    entries.pop();
  }
  return first;
}

function lastEntryRow(entries: readonly Entry[], headerRow: number): number {
  return entries.length > 0 ? entries[entries.length - 1].row : headerRow;
}

/** The text of the row that ended the table, for the report. */
export function endText(view: SheetView, model: TableModel): string {
  return model.endRow > 0 ? firstText(view, model.endRow) : '';
}

function areaEntry(row: number, column: number, numeral: string | null, name: string): Entry {
  const known = matchAreaName(name) ?? (numeral && !name ? (areaByNumeral(numeral) ?? null) : null);
  return { type: 'area', row, column, numeral, name: normalizeText(name), known };
}

function totalEntry(row: number, column: number, text: string): Entry {
  const m = TOTAL_COUNT.exec(foldKey(text));
  const declared = m ? Number(m[1].replace(/\./g, '')) : null;
  return { type: 'total', row, column, declared: Number.isFinite(declared) ? declared : null, text };
}

/**
 * "CẢI CÁCH THỂ CHẾ" on its own, in capitals or merged across the table: an area row without a numeral. Written in
 * the number cell (`inNumberCell`), where no task's text goes, the name alone is enough, in any case.
 */
function looksLikeBareAreaRow(
  view: SheetView,
  row: number,
  mainColumn: number,
  text: string,
  columns: Partial<Record<Role, number>>,
  inNumberCell = false,
): boolean {
  if (text.length > 160) return false;
  for (const role of ['lead', 'deadline', 'partner'] as const) {
    const c = columns[role];
    if (c !== undefined && c !== mainColumn && !view.isCovered(row, c) && !view.isEmpty(row, c)) return false;
  }
  const merge = view.mergeAt(row, mainColumn);
  const wide = !!merge && merge.right - merge.left >= 2;
  const capitals = text === text.toUpperCase() && text !== text.toLowerCase();
  return (wide || capitals || inNumberCell) && matchAreaName(text) !== null;
}

function cleanNumber(s: string): string {
  return s.replace(/\s+/g, '').replace(/[.)]+$/, '');
}

function firstTextAfter(view: SheetView, row: number, column: number): string {
  for (let c = column + 1, end = view.lastColumnIn(row); c <= end; c++) {
    const v = view.value(row, c);
    if (!isBlank(v)) return trimmedText(v);
  }
  return '';
}

function firstColumnAfter(columns: Partial<Record<Role, number>>, fallback: number): number {
  const cols = Object.values(columns).filter((c): c is number => typeof c === 'number');
  return cols.length ? Math.min(...cols) : fallback;
}

const YEAR_IN_TITLE = /\b(?:nam|for|year) (20\d\d)\b/;

function findTitleYear(view: SheetView, header: HeaderInfo): number | null {
  // The title names the plan's year; a "(Ban hành kèm theo … ngày … năm 2024)" line names the signing date,
  // which for next year's plan is often the year before, so it only counts when nothing better is found.
  let fallback: number | null = null;
  const top = header.rows[0];
  for (let r = view.firstRow; r < top; r++) {
    for (let c = view.firstColumn, end = view.lastColumnIn(r); c <= end; c++) {
      const v = view.raw(r, c);
      if (typeof v !== 'string' || isBlank(v)) continue;
      const k = foldKey(v);
      const m = YEAR_IN_TITLE.exec(k);
      if (!m) continue;
      const year = Number(m[1]);
      if (/^\(|kem theo|ngay \d/.test(k)) fallback ??= year;
      else return year;
    }
  }
  for (const hr of header.rows) {
    for (let c = view.firstColumn, end = view.lastColumnIn(hr); c <= end; c++) {
      const v = view.value(hr, c);
      if (typeof v !== 'string') continue;
      const m = YEAR_IN_TITLE.exec(foldKey(v));
      if (m) return Number(m[1]);
    }
  }
  return fallback;
}
