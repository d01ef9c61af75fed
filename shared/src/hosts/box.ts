/** A rectangle of cells as host APIs give one: first row and column (0- or 1-based, the same in both) and size. */
export interface Box {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/**
 * The cells two rectangles share, or null: what a host reads of a selection is its part inside the used range,
 * so that a whole column selected reads as many rows as hold values, not a million.
 */
export function intersectBoxes(a: Box, b: Box): Box | null {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const rows = Math.min(a.row + a.rows, b.row + b.rows) - row;
  const columns = Math.min(a.column + a.columns, b.column + b.columns) - column;
  return rows > 0 && columns > 0 ? { row, column, rows, columns } : null;
}
