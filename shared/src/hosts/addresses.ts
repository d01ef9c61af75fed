import { columnLetters } from '../table/grid';

/** A cell by 0-based column index and 1-based row. */
export interface CellAt {
  c: number;
  row: number;
}

/**
 * Cells joined into rectangles, so a host formats or highlights them in a few calls: runs along each row first
 * (B9, C9, D9 → B9:D9), then equal runs on consecutive rows stacked (A10, A11, A12 → A10:A12). The list is cut
 * into comma-separated addresses of at most `maxLength` characters (Excel limits a range-areas address to 8,192).
 */
export function compressCells(cells: readonly CellAt[], maxLength = 8000): string[] {
  const parsed = [...cells].sort((a, b) => a.row - b.row || a.c - b.c);
  const runs: { row: number; c1: number; c2: number }[] = [];
  for (let i = 0; i < parsed.length;) {
    let j = i;
    while (j + 1 < parsed.length && parsed[j + 1].row === parsed[i].row && parsed[j + 1].c <= parsed[j].c + 1)
      j++;
    runs.push({ row: parsed[i].row, c1: parsed[i].c, c2: parsed[j].c });
    i = j + 1;
  }
  runs.sort((a, b) => a.c1 - b.c1 || a.c2 - b.c2 || a.row - b.row);
  const ranges: string[] = [];
  for (let i = 0; i < runs.length;) {
    let j = i;
    while (
      j + 1 < runs.length &&
      runs[j + 1].c1 === runs[i].c1 &&
      runs[j + 1].c2 === runs[i].c2 &&
      runs[j + 1].row <= runs[j].row + 1
    )
      j++;
    const from = `${columnLetters(runs[i].c1)}${runs[i].row}`;
    const to = `${columnLetters(runs[i].c2)}${runs[j].row}`;
    ranges.push(from === to ? from : `${from}:${to}`);
    i = j + 1;
  }
  const out: string[] = [];
  let current = '';
  for (const r of ranges) {
    if (current && current.length + 1 + r.length > maxLength) {
      out.push(current);
      current = '';
    }
    current = current ? `${current},${r}` : r;
  }
  if (current) out.push(current);
  return out;
}
