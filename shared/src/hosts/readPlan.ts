/**
 * How a host reads a large sheet: Excel on the web answers at most 5 MB per call, so a used range is read in
 * row chunks that each stay under it. Values and number formats together cost about 60 bytes a cell in a real
 * appendix (long Vietnamese text in a few columns, short codes elsewhere); the budget keeps a margin.
 */
import type { Box } from './box';

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

/** Rows of one box (a sheet's target) of several, read in one range. */
export interface Piece extends RowChunk {
  target: number;
}

/** One sync's reads: pieces of one or several targets, in the targets' order and, within one, the rows'. */
export type Batch = Piece[];

const cellsOf = (batch: Batch, boxes: readonly Box[]) =>
  batch.reduce((n, p) => n + p.rowCount * boxes[p.target].columns, 0);

/**
 * The reads of several boxes in as few syncs as the budget allows: the rows of each box fill what the sync before
 * left of CELLS_PER_READ, so a few small sheets share one sync and a large one starts where the last one ended.
 * A row wider than the budget is read alone. For one box this is planReads' chunking.
 */
export function planBatches(boxes: readonly Box[], cellsPerRead = CELLS_PER_READ): Batch[] {
  const batches: Batch[] = [];
  let batch: Batch = [];
  let room = cellsPerRead;
  boxes.forEach((box, target) => {
    for (let rowOffset = 0; rowOffset < box.rows;) {
      let rowCount = Math.min(box.rows - rowOffset, Math.max(0, Math.floor(room / box.columns)));
      if (rowCount === 0 && batch.length) {
        batches.push(batch);
        batch = [];
        room = cellsPerRead;
        continue;
      }
      rowCount = Math.max(1, rowCount);
      batch.push({ target, rowOffset, rowCount });
      rowOffset += rowCount;
      room -= rowCount * box.columns;
    }
  });
  if (batch.length) batches.push(batch);
  return batches;
}

/**
 * A batch Excel refused as too big, as two smaller ones (null when it is one row): several pieces are split in
 * two groups of about half the cells, one piece into two halves of its rows.
 */
export function halveBatch(batch: Batch, boxes: readonly Box[]): [Batch, Batch] | null {
  if (batch.length > 1) {
    const total = cellsOf(batch, boxes);
    let at = 1;
    while (at < batch.length - 1 && cellsOf(batch.slice(0, at), boxes) * 2 < total) at++;
    return [batch.slice(0, at), batch.slice(at)];
  }
  const [piece] = batch;
  if (piece.rowCount < 2) return null;
  const half = Math.ceil(piece.rowCount / 2);
  return [
    [{ ...piece, rowCount: half }],
    [{ ...piece, rowOffset: piece.rowOffset + half, rowCount: piece.rowCount - half }],
  ];
}
