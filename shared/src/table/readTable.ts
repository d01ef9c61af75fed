/**
 * The rows of an appendix table below its header, classified as real ward files write them (shared/DOMAIN.md):
 * - area rows: "II" in the number column and the name beside it; "II. CẢI CÁCH THỂ CHẾ" leading the text; the
 *   name alone in capitals or merged across; the whole title in the STT cell, merged across the row or not, in
 *   capitals or title case, with or without a numeral (a Word table pasted into Excel);
 * - total rows: "Tổng cộng: 44 nhiệm vụ", in the text or the STT cell;
 * - data rows: tasks or indicators, numbered in their own column ("3", "1.2") or at the start of the text
 *   ("1. Triển khai …"), or not numbered; a KPI group row written whole in the STT cell ("3. Cải cách thủ tục
 *   hành chính") splits into its number and text;
 * - header rows repeated at page breaks are skipped.
 */
import {
  areaByNumeral,
  matchAreaName,
  romanToInt,
  intToRoman,
  splitLeadingRoman,
  type AreaDef,
} from './areas';
import { isBlank } from './grid';
import { findHeader, isRepeatedHeader, type HeaderInfo, type Role } from './header';
import type { SheetView } from './sheetView';
import { foldKey, normalizeText, trimmedText } from '../text/normalize';

/** One meaningful row below the header, in sheet order. */
export type Entry =
  | {
      type: 'area';
      row: number;
      column: number;
      /** The numeral as written, or null when the row names the area without one. */
      numeral: string | null;
      name: string;
      /** The catalogue area the name matches, or null. */
      known: AreaDef | null;
    }
  | { type: 'total'; row: number; column: number; declared: number | null; text: string }
  | {
      type: 'data';
      row: number;
      /** The row's number as written ("3", "1.2"), or null. */
      number: string | null;
      /** Where the number was read: its own column, or the start of the text. */
      numberColumn: number;
      /** Main text (task or indicator) without a leading number. */
      text: string;
      textColumn: number;
    };

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
}

const LEADING_NUMBER = /^\s*(\d{1,3}(?:\.\d{1,3})*)(?:\s*[.):]\s*|\s+(?=\S))(?=\S)/;
// A cheap first-letter gate before folding: totals start "Tổng …" or "Cộng …".
const TOTAL_START = /^\s*[tTcC]/;
// "Công khai …" is a task, not a total: a bare "Tổng"/"Cộng" counts only when a number follows.
const TOTAL_KEY = /^(tong cong|tong so|total)\b|^(tong|cong)\s*:?\s*\d/;
const TOTAL_COUNT = /(\d[\d.]*)/;
const DIGIT_START = /^\s*\d/;

export function readTable(view: SheetView): TableModel | null {
  const header = findHeader(view);
  if (!header) return null;
  const headerRow = header.rows[header.rows.length - 1];
  const columns = header.columns;
  const mainColumn = header.mainColumn ?? firstColumnAfter(columns, view.firstColumn);
  const numberColumn = columns.number;
  const entries: Entry[] = [];
  let numbered = false;

  for (let r = headerRow + 1; r <= view.lastRow; r++) {
    if (view.isBlankRow(r)) continue;
    if (isRepeatedHeader(view, r, header)) continue;

    const numberValue = numberColumn === undefined ? null : view.value(r, numberColumn);
    const mainValue = view.value(r, mainColumn);
    const mainText = trimmedText(mainValue);
    const numberText = trimmedText(numberValue);

    // Area rows: a Roman numeral in the number column, or leading the text.
    const romanInColumn = numberText ? romanToInt(numberText) : null;
    if (romanInColumn !== null) {
      const name = mainText || firstTextAfter(view, r, numberColumn ?? view.firstColumn);
      entries.push(areaEntry(r, numberColumn ?? mainColumn, intToRoman(romanInColumn), name));
      continue;
    }
    const firstText = mainText || (numberText ? '' : firstTextAfter(view, r, view.firstColumn - 1));
    if (!numberText && firstText) {
      const split = splitLeadingRoman(firstText);
      if (split) {
        entries.push(areaEntry(r, mainColumn, split.numeral, split.name));
        continue;
      }
      if (TOTAL_START.test(firstText) && TOTAL_KEY.test(foldKey(firstText))) {
        entries.push(totalEntry(r, mainColumn, firstText));
        continue;
      }
      if (header.kind === 'tasks' && looksLikeBareAreaRow(view, r, mainColumn, firstText, columns)) {
        entries.push(areaEntry(r, mainColumn, null, firstText));
        continue;
      }
    }
    if (numberText && TOTAL_START.test(numberText) && TOTAL_KEY.test(foldKey(numberText))) {
      entries.push(totalEntry(r, numberColumn ?? mainColumn, numberText + ' ' + mainText));
      continue;
    }
    // A Word table pasted into Excel puts the area's title in the number cell, merged across the row or not:
    // "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "II. Cải cách thể chế", or the name alone.
    if (numberText && !mainText && numberColumn !== undefined && !DIGIT_START.test(numberText)) {
      const split = splitLeadingRoman(numberText);
      if (split) {
        entries.push(areaEntry(r, numberColumn, split.numeral, split.name));
        continue;
      }
      if (looksLikeBareAreaRow(view, r, numberColumn, numberText, columns, true)) {
        entries.push(areaEntry(r, numberColumn, null, numberText));
        continue;
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
      continue;
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

  return {
    kind: header.kind,
    header,
    headerRow,
    columns,
    titleYear: findTitleYear(view, header),
    entries,
    numbered,
  };
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
