import { compressCells, type CellAt } from './addresses';
import { columnIndex } from '../table/grid';
import type { Highlight, HighlightKind } from '../report/schema';

export interface HighlightGroup {
  sheet: string;
  kind: HighlightKind;
  /** Each entry a comma-separated list of A1 ranges ("E7:E9,B12"), short enough for one host call. */
  addresses: string[];
}

const CELL = /^([A-Z]{1,3})(\d+)$/;

/** Highlights grouped so a host applies them in a few calls: one group per sheet and kind, cells as rectangles. */
export function groupHighlights(highlights: readonly Highlight[], maxLength = 8000): HighlightGroup[] {
  const groups = new Map<string, { sheet: string; kind: HighlightKind; cells: CellAt[] }>();
  for (const h of highlights) {
    const m = CELL.exec(h.cell);
    if (!m) continue;
    const key = `${h.sheet}\u0000${h.kind}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { sheet: h.sheet, kind: h.kind, cells: [] }));
    group.cells.push({ c: columnIndex(m[1]), row: Number(m[2]) });
  }
  return [...groups.values()].map(({ sheet, kind, cells }) => ({
    sheet,
    kind,
    addresses: compressCells(cells, maxLength),
  }));
}
