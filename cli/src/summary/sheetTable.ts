/**
 * One sheet of the province summary as a plain table: a title block, a one- or two-row header, body rows, a
 * totals row and notes. It is laid out as a template sheet description (shared/src/templates/schema.ts), so the
 * renderer the standard appendices use (fonts, borders, freeze, A4 print setup, repeated header rows) writes it
 * too; only what templates lack (conditional formatting) is added by the caller on the rendered sheet.
 */
import { columnLetters } from '../../../shared/src/table/grid';
import type { CellStyle, TemplateCell, TemplateSheet } from '../../../shared/src/templates/schema';

const FONT = 'Times New Roman';

export type CellKind = 'text' | 'centre' | 'number' | 'percent';

export interface FormulaCell {
  /** Without the leading "=", as template cells take it. */
  formula: string;
  /** What the formula computes, for readers that show cached values without recalculating. */
  result: string | number;
}

export type CellContent = string | number | null | FormulaCell;

export interface Column<K extends string> {
  key: K;
  header: string;
  /** A heading merged over the consecutive columns that share it, in a header row above `header`. */
  group?: string;
  /** A second header line in the row below `header` (a ward's file under its unit's name). */
  below?: string;
  /** In characters, as spreadsheets measure columns. */
  width: number;
  kind: CellKind;
}

export type TableRow<K extends string> = Partial<Record<K, CellContent>>;

/** Where the table landed, for formulas and conditional formats. */
export interface TableLayout<K extends string> {
  letter(key: K): string;
  firstRow: number;
  /** Below `firstRow` when the table has no rows. */
  lastRow: number;
  /** The column's body cells, "N7:N12". */
  range(key: K): string;
  /** SUM over the column's body, its result the sum of the numbers written there. */
  sum(key: K): FormulaCell;
  /** The row the totals are written on. */
  totalsRow: number;
}

export interface TablePlan<K extends string> {
  name: string;
  /** The title (bold, larger) and the lines under it. */
  title: [string, ...string[]];
  columns: Column<K>[];
  rows: TableRow<K>[];
  /** The line written across the table when it has no rows ("Không có lỗi."). */
  emptyText?: string;
  /** The totals row's label (merged over the columns before the first total) and its cells. */
  totals?: { label: string; cells: (layout: TableLayout<K>) => TableRow<K> };
  /** Lines below the table (what a rate means). */
  notes?: string[];
  freezeColumns: number;
  /** How many columns the title block spans; all by default. */
  titleSpan?: number;
}

const border = 'thin' as const;
const body = { font: { name: FONT, size: 12 }, border, vertical: 'middle' as const, wrap: true };
const bold = { name: FONT, size: 12, bold: true };
const STYLES: Record<string, CellStyle> = {
  title: { font: { name: FONT, size: 14, bold: true }, horizontal: 'center', vertical: 'middle', wrap: true },
  info: {
    font: { name: FONT, size: 12, italic: true },
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
  },
  // The templates' header fill: headings, not data, so a fixed fill is right here.
  header: { font: bold, fill: '#D9E2F3', border, horizontal: 'center', vertical: 'middle', wrap: true },
  text: body,
  centre: { ...body, horizontal: 'center' },
  number: { ...body, horizontal: 'center', numberFormat: '0' },
  percent: { ...body, horizontal: 'center', numberFormat: '0.0%' },
  totalText: { ...body, font: bold, horizontal: 'center', vertical: 'middle' },
  totalNumber: { ...body, font: bold, horizontal: 'center', numberFormat: '0' },
  totalPercent: { ...body, font: bold, horizontal: 'center', numberFormat: '0.0%' },
  empty: { ...body, font: { name: FONT, size: 12, italic: true } },
  note: { font: { name: FONT, size: 11, italic: true }, vertical: 'top', wrap: true },
};

const TOTAL_STYLE: Record<CellKind, string> = {
  text: 'totalText',
  centre: 'totalText',
  number: 'totalNumber',
  percent: 'totalPercent',
};

/**
 * Lines a wrapped text takes in a column `width` characters wide, breaking at spaces as spreadsheets do.
 * Spreadsheets do not grow a row to its wrapped text when a file is opened, so heights are set from this
 * estimate; `factor` widens bold text.
 */
function lineCount(text: string, width: number, factor: number): number {
  const room = Math.max(1, width - 0.5);
  let lines = 0;
  for (const part of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of part.split(' ')) {
      const w = [...word].length * factor;
      if (used > 0 && used + factor + w > room) {
        lines++;
        used = 0;
      }
      used += (used > 0 ? factor : 0) + w;
      // A word longer than the column breaks inside itself.
      while (used > room) {
        lines++;
        used -= room;
      }
    }
  }
  return Math.max(1, lines);
}

/** How much wider bold text is than regular, and the title's bold 14-point capitals. */
const BOLD = 1.1;
const TITLE = 1.5;
/**
 * Row height in points for lines of text of `size` points: room for Vietnamese letters that stack two marks
 * above ("Ổ", "Ễ"), which a tighter row cuts off at the top. Spreadsheets refuse rows over 409 points.
 */
const heightOf = (lines: number, size = 12) => Math.min(409, Math.round(lines * size * 1.4 + 4));
const MAX_FITTED_WIDTH = 40;

function isFormula(c: CellContent | undefined): c is FormulaCell {
  return typeof c === 'object' && c !== null;
}

/** The table as a template sheet, and where its parts are. */
export function layoutTable<K extends string>(
  plan: TablePlan<K>,
): { sheet: TemplateSheet; layout: TableLayout<K> } {
  // A column is at least as wide as the longest word of its bold heading ("Not measurable" must not print as
  // "measurabl / e"), up to a point: a ward's name may be one long word.
  const columns = plan.columns.map((c) => {
    const word = Math.max(...c.header.split(/\s+/).map((w) => [...w].length));
    return { ...c, width: Math.max(c.width, Math.min(MAX_FITTED_WIDTH, Math.ceil(word * BOLD + 1))) };
  });
  const index = new Map(columns.map((c, i) => [c.key, i]));
  const letter = (key: K) => columnLetters(index.get(key) as number);
  const cells: TemplateCell[] = [];
  const merges: string[] = [];
  const rowHeights: Record<string, number> = {};
  const put = (ref: string, value: CellContent | undefined, style: string) => {
    if (isFormula(value)) cells.push({ ref, formula: value.formula, result: value.result, style });
    else if (value === null || value === undefined || value === '') cells.push({ ref, style });
    else cells.push({ ref, value, style });
  };
  const widthOf = (from: number, to: number) => columns.slice(from, to + 1).reduce((s, c) => s + c.width, 0);
  // A line across the table (title, empty-table text, notes).
  const across = (row: number, text: string, style: string, span = columns.length, size = 12) => {
    const end = columnLetters(span - 1);
    put(`A${row}`, text, style);
    if (span > 1) merges.push(`A${row}:${end}${row}`);
    rowHeights[row] = heightOf(lineCount(text, widthOf(0, span - 1), style === 'title' ? TITLE : 1), size);
  };

  // Title block, then one blank row.
  const titleSpan = Math.min(plan.titleSpan ?? columns.length, columns.length);
  plan.title.forEach((line, i) => across(i + 1, line, i === 0 ? 'title' : 'info', titleSpan, i ? 12 : 14));
  const top = plan.title.length + 2;
  const twoRows = columns.some((c) => c.group !== undefined || c.below !== undefined);
  const bottom = twoRows ? top + 1 : top;

  // Header: a group heading merged across its columns, or a column's own heading merged down both rows.
  let topLines = 1;
  let bottomLines = 1;
  let spanLines = 1;
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    const at = columnLetters(i);
    if (c.group !== undefined) {
      if (i === 0 || columns[i - 1].group !== c.group) {
        let end = i;
        while (end + 1 < columns.length && columns[end + 1].group === c.group) end++;
        put(`${at}${top}`, c.group, 'header');
        for (let j = i + 1; j <= end; j++) put(`${columnLetters(j)}${top}`, null, 'header');
        if (end > i) merges.push(`${at}${top}:${columnLetters(end)}${top}`);
        topLines = Math.max(topLines, lineCount(c.group, widthOf(i, end), BOLD));
      }
      put(`${at}${bottom}`, c.header, 'header');
      bottomLines = Math.max(bottomLines, lineCount(c.header, c.width, BOLD));
    } else if (twoRows && c.below !== undefined) {
      put(`${at}${top}`, c.header, 'header');
      put(`${at}${bottom}`, c.below, 'header');
      topLines = Math.max(topLines, lineCount(c.header, c.width, BOLD));
      bottomLines = Math.max(bottomLines, lineCount(c.below, c.width, BOLD));
    } else {
      put(`${at}${top}`, c.header, 'header');
      if (twoRows) {
        put(`${at}${bottom}`, null, 'header');
        merges.push(`${at}${top}:${at}${bottom}`);
      }
      spanLines = Math.max(spanLines, lineCount(c.header, c.width, BOLD));
    }
  }
  if (twoRows) {
    bottomLines = Math.max(bottomLines, spanLines - topLines);
    rowHeights[top] = heightOf(topLines);
    rowHeights[bottom] = heightOf(bottomLines);
  } else rowHeights[top] = heightOf(spanLines);

  // Body.
  const firstRow = bottom + 1;
  const lastRow = firstRow + plan.rows.length - 1;
  const columnNames = columns.map((_, i) => columnLetters(i));
  // Lines by text, by column width: a summary repeats a few texts thousands of times ("92% – Đạt" in every
  // ward's column), and counting them was most of laying the table out.
  const seenAt = new Map<number, Map<string, number>>();
  const seen = columns.map((c) => {
    let known = seenAt.get(c.width);
    if (known === undefined) seenAt.set(c.width, (known = new Map()));
    return known;
  });
  plan.rows.forEach((r, n) => {
    const row = firstRow + n;
    let lines = 1;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i];
      const v = r[c.key];
      put(`${columnNames[i]}${row}`, v, c.kind);
      if (typeof v === 'string') {
        let n = seen[i].get(v);
        if (n === undefined) seen[i].set(v, (n = lineCount(v, c.width, 1)));
        lines = Math.max(lines, n);
      }
    }
    if (lines > 1) rowHeights[row] = heightOf(lines);
  });
  let next = lastRow + 1;
  if (plan.rows.length === 0 && plan.emptyText) across(next++, plan.emptyText, 'empty');

  const layout: TableLayout<K> = {
    letter,
    firstRow,
    lastRow,
    totalsRow: next,
    range: (key) => `${letter(key)}${firstRow}:${letter(key)}${lastRow}`,
    sum: (key) => ({
      formula: `SUM(${layout.range(key)})`,
      result: plan.rows.reduce((s, r) => {
        const v = r[key];
        return s + (typeof v === 'number' ? v : 0);
      }, 0),
    }),
  };

  // Totals: the label over the columns before the first total. A table without rows has none: SUM(E7:E6)
  // would reach up into the header.
  if (plan.totals && plan.rows.length > 0) {
    const row = next++;
    const totals = plan.totals.cells(layout);
    const first = Math.max(
      1,
      columns.findIndex((c) => totals[c.key] !== undefined),
    );
    put(`A${row}`, plan.totals.label, 'totalText');
    for (let i = 1; i < columns.length; i++) {
      const c = columns[i];
      put(`${columnLetters(i)}${row}`, i < first ? null : totals[c.key], TOTAL_STYLE[c.kind]);
    }
    if (first > 1) merges.push(`A${row}:${columnLetters(first - 1)}${row}`);
  }
  if (plan.notes?.length) {
    next++;
    for (const line of plan.notes) across(next++, line, 'note', columns.length, 11);
  }

  const sheet: TemplateSheet = {
    name: plan.name,
    // The template renderer does not read the role; the template schema has no "summary" role to name.
    role: 'tasks',
    columnWidths: columns.map((c) => c.width),
    rowHeights,
    styles: STYLES,
    cells,
    merges,
    freeze: { rows: bottom, columns: plan.freezeColumns },
    validations: [],
    print: { orientation: 'landscape', paper: 'A4', repeatRows: [top, bottom], fitToWidth: true },
  };
  return { sheet, layout };
}
