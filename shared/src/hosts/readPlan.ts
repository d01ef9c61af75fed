/**
 * How a host reads a large sheet: Excel on the web answers at most 5 MB per call, so a used range is read in
 * row chunks that each stay under it. Values and number formats together cost about 60 bytes a cell in a real
 * appendix (long Vietnamese text in a few columns, short codes elsewhere); the budget keeps a margin.
 */
export const CELLS_PER_READ = 80_000;

export interface RowChunk {
  /** 0-based offset into the used range. */
  rowOffset: number;
  rowCount: number;
}

export function planReads(rowCount: number, columnCount: number, cellsPerRead = CELLS_PER_READ): RowChunk[] {
  const rows = Math.max(0, Math.floor(rowCount));
  const cols = Math.max(1, Math.floor(columnCount));
  if (rows === 0) return [];
  const perChunk = Math.max(1, Math.floor(cellsPerRead / cols));
  const chunks: RowChunk[] = [];
  for (let offset = 0; offset < rows; offset += perChunk) {
    chunks.push({ rowOffset: offset, rowCount: Math.min(perChunk, rows - offset) });
  }
  return chunks;
}
