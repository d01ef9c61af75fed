/** A1 notation: column letters, cell and area references, sheet-qualified references. */

/** A block of cells, 1-based like Apps Script. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function colName(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, col: number): string {
  return `${colName(col)}${row}`;
}

export function rectA1(r: Rect): string {
  const start = cellA1(r.row, r.col);
  return r.rows === 1 && r.cols === 1 ? start : `${start}:${cellA1(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedA1(sheet: string, r: Rect): string {
  return `${quoteSheet(sheet)}!${rectA1(r)}`;
}

/** Splits "'Sheet name'!A1:B3" or "Sheet1!A1" into its sheet name and the local reference. */
export function splitSheet(ref: string): { sheet?: string; a1: string } {
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(ref);
  if (quoted) return { sheet: quoted[1].replace(/''/g, "'"), a1: quoted[2] };
  const bang = ref.lastIndexOf('!');
  return bang > 0 ? { sheet: ref.slice(0, bang), a1: ref.slice(bang + 1) } : { a1: ref };
}

const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/**
 * Parses "B3", "$A$1:C9", "A:C" (whole columns), "2:4" (whole rows) or "A2:C" (to the last row). Returns null
 * when the text is not a reference; bounds are checked by the caller.
 */
export function parseA1(a1: string, maxRows: number, maxCols: number): Rect | null {
  const parts = a1.trim().split(':');
  if (parts.length > 2) return null;
  const m = parts.map((p) => PART.exec(p));
  if (m.some((x) => !x || (!x[1] && !x[2]))) return null;
  const [a, b] = m as RegExpExecArray[];
  if (!b) {
    if (!a[1] || !a[2]) return null;
    const row = Number(a[2]);
    return row < 1 ? null : { row, col: colNumber(a[1]), rows: 1, cols: 1 };
  }
  const r1 = a[2] ? Number(a[2]) : 1;
  const r2 = b[2] ? Number(b[2]) : a[2] && !a[1] ? r1 : maxRows;
  const c1 = a[1] ? colNumber(a[1]) : 1;
  const c2 = b[1] ? colNumber(b[1]) : a[1] && !a[2] ? c1 : maxCols;
  if (Math.min(r1, r2, c1, c2) < 1) return null;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { row, col, rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

export function lastRowOf(r: Rect): number {
  return r.row + r.rows - 1;
}

export function lastColOf(r: Rect): number {
  return r.col + r.cols - 1;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row <= lastRowOf(b) && b.row <= lastRowOf(a) && a.col <= lastColOf(b) && b.col <= lastColOf(a);
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    lastRowOf(inner) <= lastRowOf(outer) &&
    lastColOf(inner) <= lastColOf(outer)
  );
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.row === b.row && a.col === b.col && a.rows === b.rows && a.cols === b.cols;
}
