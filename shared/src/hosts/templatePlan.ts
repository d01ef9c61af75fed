import { compressCells } from './addresses';
import { columnLetters, parseA1 } from '../table/grid';
import type { CellStyle, TemplateSheet } from '../templates/schema';

export interface StyleBatch {
  style: CellStyle;
  /** Comma-separated A1 ranges that share the style, each entry short enough for one host call. */
  addresses: string[];
}

export interface SheetWritePlan {
  /** The block A1:<last> that the sheet's cells occupy. */
  address: string;
  rows: number;
  columns: number;
  /** Cell contents for one 2-D write: constants, "=FORMULA" for formulas, "" for blanks. */
  formulas: (string | number)[][];
  styles: StyleBatch[];
}

/**
 * Turns a template sheet into what a spreadsheet host writes in one batch: a single 2-D block of contents
 * (Excel's `range.formulas`, Sheets' `setFormulas`/`setValues`) and one formatting call per style, instead of a
 * call per cell.
 */
export function planSheetWrite(sheet: TemplateSheet, maxAddressLength = 8000): SheetWritePlan {
  let rows = 1;
  let columns = sheet.columnWidths.length || 1;
  const placed: { row: number; column: number; content: string | number; style?: string }[] = [];
  for (const cell of sheet.cells) {
    const at = parseA1(cell.ref);
    if (!at) continue;
    rows = Math.max(rows, at.row);
    columns = Math.max(columns, at.column);
    const content = cell.formula !== undefined ? `=${cell.formula}` : (cell.value ?? '');
    placed.push({ row: at.row, column: at.column, content, style: cell.style });
  }
  const formulas: (string | number)[][] = Array.from({ length: rows }, () =>
    new Array<string | number>(columns).fill(''),
  );
  const byStyle = new Map<string, { c: number; row: number }[]>();
  for (const p of placed) {
    formulas[p.row - 1][p.column - 1] = p.content;
    if (!p.style || !sheet.styles[p.style]) continue;
    const list = byStyle.get(p.style) ?? [];
    list.push({ c: p.column - 1, row: p.row });
    byStyle.set(p.style, list);
  }
  const styles: StyleBatch[] = [];
  for (const [name, cells] of byStyle) {
    styles.push({ style: sheet.styles[name], addresses: compressCells(cells, maxAddressLength) });
  }
  return { address: `A1:${columnLetters(columns - 1)}${rows}`, rows, columns, formulas, styles };
}
