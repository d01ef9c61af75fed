/**
 * A .csv file as one sheet: what Excel's or Sheets' "Save as CSV" writes, UTF-8 with or without its BOM, fields
 * separated by commas or (Excel with a Vietnamese or European locale) semicolons, quoted where they hold the
 * separator, a quote or a line break. Every cell is text, as the user typed it: CSV has no types, and the core
 * reads numbers, percentages and dates from text the way it reads typed cells. Pure (bytes in, a grid out), so the
 * command line and the web page read a .csv the same way; the caller names the sheet (the file's name).
 */
import type { CellValue, SheetGrid } from '../table/grid';

/** The separator of the first line that holds one, outside quotes: the more frequent of ";" "," and tab. */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (counts[','] + counts[';'] + counts['\t'] > 0) break;
    } else if (!quoted && ch in counts) counts[ch]++;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return n > 0 ? best : ',';
}

/**
 * RFC 4180 fields: "" inside quotes is a quote; line breaks inside quotes belong to the field. A field is cut
 * from the text in one slice (or a few, around "" escapes), never grown a character at a time: a 100k-row file
 * built that way is millions of string fragments, which cost more to collect than the whole check.
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): string[][] {
  const rows: string[][] = [];
  const sep = delimiter.charCodeAt(0);
  const n = text.length;
  let row: string[] = [];
  // The field so far is `field` followed by text[start, i).
  let field = '';
  let start = 0;
  let quoted = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c !== 34) continue;
      if (text.charCodeAt(i + 1) === 34) {
        field += text.slice(start, i + 1);
        i++;
      } else {
        field += text.slice(start, i);
        quoted = false;
      }
      start = i + 1;
    } else if (c === 34 && field === '' && start === i) {
      quoted = true;
      start = i + 1;
    } else if (c === sep) {
      row.push(field + text.slice(start, i));
      field = '';
      start = i + 1;
    } else if (c === 10 || c === 13) {
      row.push(field + text.slice(start, i));
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      rows.push(row);
      row = [];
      field = '';
      start = i + 1;
    }
  }
  field += text.slice(start, n);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The text as one grid called `name`; null when the bytes are not UTF-8. */
export function csvSheet(bytes: Uint8Array, name: string): SheetGrid | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const values: CellValue[][] = parseCsv(text).map((r) => r.map((v) => (v === '' ? null : v)));
  return { name, values, origin: { row: 1, column: 1 } };
}
