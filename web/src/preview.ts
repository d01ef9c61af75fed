/**
 * The row preview: the finding's row of the sheet as a small grid, column letters above, the cell marked. Cell
 * text goes in as text nodes only (dom.ts): a ward's cells are data, never markup.
 */
import { columnLetters, parseA1, type CellValue, type SheetGrid } from '../../shared/src/index';
import { shownDate } from '../../shared/src/table/sheetView';
import type { Dom } from '../../shared/ui/dom';

/** Columns shown left and right of the marked one at most, so a wide sheet stays a small preview. */
const SPAN = 12;

/** A cell as a person reads it: dates under a date format as dd/mm/yyyy, percentages with their sign. */
export function cellText(value: CellValue, format?: string | null): string {
  if (value === null || value === undefined) return '';
  const date = shownDate(value, format);
  if (date !== null) return date;
  if (typeof value === 'number') {
    if (format && format.includes('%')) return `${+(value * 100).toFixed(6)}%`;
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // A Date that is no day at all (an invalid one) shows nothing rather than "NaN/NaN/NaN".
  return value instanceof Date ? '' : value;
}

export interface RowView {
  row: number;
  columns: { letters: string; text: string; marked: boolean }[];
}

/** The row of `cell` in the grid (sheet coordinates), or null when the cell is no address. */
export function rowView(grid: SheetGrid, cell: string): RowView | null {
  const at = parseA1(cell);
  if (!at) return null;
  const origin = grid.origin ?? { row: 1, column: 1 };
  const values = grid.values[at.row - origin.row] ?? [];
  const formats = grid.numberFormats?.[at.row - origin.row] ?? [];
  // As wide as the sheet's widest row, so a merged row (a total, an area) still shows the columns around it.
  let width = at.column - origin.column + 1;
  for (const r of grid.values) if (r.length > width) width = r.length;
  const first = Math.max(origin.column, at.column - SPAN);
  const last = Math.min(origin.column + width - 1, at.column + SPAN);
  const columns = [];
  for (let c = first; c <= last; c++) {
    const i = c - origin.column;
    columns.push({
      letters: columnLetters(c - 1),
      text: cellText(values[i], formats[i]),
      marked: c === at.column,
    });
  }
  return { row: at.row, columns };
}

export function renderRow(dom: Dom<HTMLElement>, view: RowView, markedLabel: string): HTMLElement {
  return dom.el('table', { class: 'row-preview' }, [
    dom.el('thead', null, [
      dom.el('tr', null, [
        dom.el('th', { scope: 'col' }, ['']),
        ...view.columns.map((c) =>
          dom.el('th', { scope: 'col', class: c.marked ? 'marked' : null }, [c.letters]),
        ),
      ]),
    ]),
    dom.el('tbody', null, [
      dom.el('tr', null, [
        dom.el('th', { scope: 'row' }, [view.row]),
        ...view.columns.map((c) =>
          dom.el('td', { class: c.marked ? 'marked' : null, 'data-col': c.letters }, [
            c.text,
            c.marked ? dom.el('span', { class: 'visually-hidden' }, [` (${markedLabel})`]) : null,
          ]),
        ),
      ]),
    ]),
  ]);
}
