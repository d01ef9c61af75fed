/**
 * The document around an appendix table (Decree 30/2020 format, shared/DOMAIN.md): the column-number row under
 * the header, and what follows the table — notes, a place-and-date line, the signature block, a second table.
 * None of these rows is a task or an indicator; the first of what follows ends the table.
 */
import { isBlank, type CellValue } from './grid';
import type { SheetView } from './sheetView';
import { foldKey, trimmedText } from '../text/normalize';

/** A column key as the column-number row writes it: 1, "(1)", "A", "(A)", or "(4)=(2)x(3)". */
const COLUMN_KEY = /^\(?\s*(\d{1,2}|[A-Za-z])\s*\)?(?:\s*=\s*[\d()+\-*/x×:.,\s]+)?$/;

/**
 * "(1) (2) … (7)" or "1 2 … 7" under the header: every non-blank cell a column key, at least three of them, the
 * numbers running on one by one (letters such as "A B 1 2 3", as statistical forms write them, may lead).
 */
export function isColumnNumberRow(view: SheetView, row: number): boolean {
  let keys = 0;
  let previous = 0;
  for (let c = view.firstColumn, end = view.lastColumnIn(row); c <= end; c++) {
    if (view.isCovered(row, c)) continue;
    const v = view.raw(row, c);
    if (isBlank(v)) continue;
    let n: number;
    if (typeof v === 'number') {
      if (!Number.isInteger(v)) return false;
      n = v;
    } else if (typeof v === 'string') {
      if (v.length > 24) return false;
      const m = COLUMN_KEY.exec(v.trim());
      if (!m) return false;
      if (/^[A-Za-z]$/.test(m[1])) {
        // Letters come before the numbers, never among them.
        if (previous > 0) return false;
        keys++;
        continue;
      }
      n = Number(m[1]);
    } else return false;
    if (n !== previous + 1) return false;
    previous = n;
    keys++;
  }
  return keys >= 3 && previous >= 2;
}

export type TailKind = 'signature' | 'notes' | 'date-line' | 'next-table';

// Whole-cell patterns on folded text (lower case, no diacritics). Each names a line that only follows a table.
const SIGNATURE: RegExp[] = [
  /^noi nhan\b/,
  // "TM. ỦY BAN NHÂN DÂN", "KT.CHỦ TỊCH", "TL. CHỦ TỊCH", "TUQ. CHỦ TỊCH", "Q. CHỦ TỊCH"
  /^(tm|kt|tl|tuq|q)\s*\.\s*(uy ban|ubnd|chu tich|giam doc|truong|thu truong|ban chi dao|doan|dang uy)/,
  /^\((da ky|ky|ky ten|ky va ghi ro ho ten|ky,? ghi ro ho ten|ky ten,? dong dau|ky,? dong dau|ky,? ho ten)[^)]*\)\.?$/,
  /^(nguoi lap bieu|nguoi lap|nguoi tong hop|thu truong (don vi|co quan)|lanh dao (don vi|co quan)|xac nhan cua)\b/,
  /^-\s*(nhu tren|luu\s*:?\s*(vt|van thu)\b|luu\s*:)/,
];
const NOTES: RegExp[] = [/^(ghi chu|chu thich|chu y|luu y)\s*(:|$)/, /^\*+\s*\S/];
/**
 * "CHỦ TỊCH", "PHÓ CHỦ TỊCH" standing alone: the signer's title, written in capitals as Decree 30/2020 has it. A
 * lead cell "Chủ tịch UBND phường" in a task row is not one.
 */
const SIGNER_TITLE = /^(pho )?chu tich(\s+(uy ban nhan dan|ubnd)\b.*)?$/;

/** "(1) Nhiệm vụ chuyển tiếp …": a numbered note, read as one only when it stands alone in its row. */
const NUMBERED_NOTE = /^\(\d{1,2}\)\s*\S/;
/** "Phường 5, ngày 15 tháng 01 năm 2025", "An Nhơn Đông, ngày … tháng … năm 2025", "Ngày … tháng … năm …". */
const DATE_LINE = /^([^,]{1,80},\s*)?ngay\b[^a-z]{0,16}thang\b[^a-z]{0,16}nam\b[^a-z]{0,12}$/;
/** The title of another appendix below the table: "PHỤ LỤC 2 …", "Biểu số 02 …". */
const NEXT_TITLE = /^(phu luc|bieu so|bieu mau|mau so)\b/;

/**
 * What a row that follows a table is, or null when it may still belong to the table. Only rows without a number
 * of their own are asked (a caller's gate), and only their first text: a task's own cells never start so.
 */
export function tailKind(view: SheetView, row: number): TailKind | null {
  let first: CellValue = null;
  let texts = 0;
  for (let c = view.firstColumn, end = view.lastColumnIn(row); c <= end; c++) {
    if (view.isCovered(row, c)) continue;
    const v = view.raw(row, c);
    if (isBlank(v)) continue;
    if (texts === 0) first = v;
    texts++;
    if (texts > 1 && typeof first !== 'string') return null;
  }
  if (typeof first !== 'string' || first.length > 300) return null;
  const k = foldKey(first).trim();
  if (k === '') return null;
  for (const re of SIGNATURE) if (re.test(k)) return 'signature';
  if (SIGNER_TITLE.test(k) && first === first.toUpperCase()) return 'signature';
  for (const re of NOTES) if (re.test(k)) return 'notes';
  if (texts === 1 && NUMBERED_NOTE.test(k)) return 'notes';
  if (DATE_LINE.test(k)) return 'date-line';
  if (texts === 1 && NEXT_TITLE.test(k)) return 'next-table';
  return null;
}

/** The row's first text, shortened for a report line. */
export function firstText(view: SheetView, row: number, max = 80): string {
  for (let c = view.firstColumn, end = view.lastColumnIn(row); c <= end; c++) {
    const v = view.value(row, c);
    if (isBlank(v)) continue;
    const t = trimmedText(v).replace(/\s+/g, ' ');
    return t.length > max ? t.slice(0, max - 1) + '…' : t;
  }
  return '';
}
