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

/** RFC 4180 fields: "" inside quotes is a quote; line breaks inside quotes belong to the field. */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
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
