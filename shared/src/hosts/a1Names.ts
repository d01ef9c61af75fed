/**
 * A1 text as spreadsheet APIs hand it over and take it back: lists of areas with sheet prefixes, quoted sheet
 * names in references, and defined names that must not clash with the user's.
 */
import { columnIndex } from '../table/grid';

/**
 * The areas of an address list without their sheet prefixes: "'Phụ lục 1, 2'!A1:B2, 'Phụ lục 1, 2'!C3" →
 * ["A1:B2", "C3"]. Commas and "!" inside a quoted sheet name do not split (a sheet may be named "Phụ lục 1, 2").
 */
export function splitAreaAddress(address: string): string[] {
  const out: string[] = [];
  let area = '';
  let inQuote = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (inQuote) {
      // '' inside quotes is an escaped quote, not the end of the name.
      if (ch === "'" && address[i + 1] === "'") i++;
      else if (ch === "'") inQuote = false;
      continue;
    }
    if (ch === "'") inQuote = true;
    else if (ch === '!') area = '';
    else if (ch === ',') {
      if (area.trim()) out.push(area.trim());
      area = '';
    } else area += ch;
  }
  if (area.trim()) out.push(area.trim());
  return out;
}

/** A sheet name as a formula reference takes it: always quoted, inner quotes doubled ("It's" → 'It''s'). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "B2:B41" → "$B$2:$B$41", so a defined name keeps pointing at the same cells. */
export function absoluteRange(range: string): string {
  return range
    .split(':')
    .map((ref) => ref.replace(/^\$?([A-Za-z]{1,3})\$?(\d+)$/, '$$$1$$$2'))
    .join(':');
}

/** True when Excel would read the name as a cell reference (A1 or R1C1 style) and refuse it. */
function looksLikeCell(name: string): boolean {
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1 && columnIndex(a1[1]) < 16384 && Number(a1[2]) <= 1_048_576) return true;
  return /^[Rr]\d*[Cc]?\d*$/.test(name) || /^[Cc]\d*$/.test(name);
}

/**
 * A defined name not yet taken (names compare case-insensitively): "DonVi", then "DonVi2", "DonVi3" …; a
 * candidate that would read as a cell reference gets an underscore ("ABC2" is a cell, "ABC_2" is not).
 */
export function freeDefinedName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase()) && !looksLikeCell(wanted)) return wanted;
  for (let i = 2; ; i++) {
    let candidate = `${wanted}${i}`;
    if (looksLikeCell(candidate)) candidate = `${wanted}_${i}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** A sheet name not yet taken in the workbook: "Nhiệm vụ", then "Nhiệm vụ (2)" … (a template never overwrites). */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const candidate = `${wanted.slice(0, 31 - ` (${i})`.length)} (${i})`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
