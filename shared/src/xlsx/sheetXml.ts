/**
 * One worksheet part to the core's grid: cell values as the user sees them (a formula's cached result, a rich
 * text's text), their number formats, and the merged ranges as written. One streaming pass; memory follows the
 * cells that hold something, never the sheet's nominal size.
 *
 * Size policy: the grid is dense from A1 to the last cell with a value, row by row: each row as long as its own
 * last value, rows with none as empty arrays. Its cost is counted in slots (one per row, one per cell of each
 * row up to its last value) and a sheet over MAX_GRID_SLOTS stops with 'too-large' as soon as the count passes
 * it, before anything more is allocated. A stray value at XFD1048576 costs a million empty rows and one row of
 * 16,384 cells (about 1.06 million slots): it is read. A reference beyond Excel's own limits is 'too-large' too.
 */
import type { CellValue } from '../table/grid';
import { columnLetters } from '../table/grid';
import { XlsxError } from './errors';
import type { StyleTable } from './styles';
import { decodeEscapes, parseXml, type Tag } from './xml';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
export const MAX_GRID_SLOTS = 5_000_000;
/**
 * Work allowed for blanking the cells that merges cover (rows and cells visited). Merges as sheets have them
 * (small, not overlapping) cost about the cells they cover, far below; only merges overlapping one another or
 * thousands of sheet-tall ones over thousands of rows reach it.
 */
export const MAX_MERGE_STEPS = 20_000_000;

/**
 * The characters the cells' text of one workbook may expand to, a shared string counted at every cell that uses
 * it. The file's size does not bound this: a 142 KB file holding one 50-million-character string used by 35 cells
 * is 1.75 billion characters once its cells are read, and every report, JSON or copy made of them would be more.
 * A ward's appendix is some thousands of characters; a province's 200,000-row sheet about 6 million.
 */
export const MAX_TEXT_CHARS = 50_000_000;

/** Excel counts days from 1900 or, in a 1904 workbook, 1462 days later. */
const DATE_1904_OFFSET = 1462;

export interface SheetContext {
  /** The sheet's name, for errors. */
  sheet: string;
  part: string;
  /** null when the package has no shared strings part. */
  sharedStrings: readonly string[] | null;
  styles: StyleTable;
  date1904: boolean;
  /** The text read so far in this workbook (MAX_TEXT_CHARS); shared by its sheets. */
  text?: { chars: number };
}

export interface SheetContent {
  values: CellValue[][];
  numberFormats: (string | null)[][];
  /** "A1:G1" (top-left:bottom-right), in the order the file lists them. */
  merges: string[];
  /** Formula cells the file holds no result for (never calculated), at most 10,000. */
  uncalculated?: string[];
}

interface StoredRow {
  /** 1-based sheet row. */
  index: number;
  values: CellValue[];
  formats: (string | null)[];
}

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const NONE = 0;
const V = 1; // inside the cell's <v>
const T = 2; // inside a <t> of the cell's <is>

export function parseSheet(xml: string, ctx: SheetContext): SheetContent {
  const { formats: styleFormats, dates: styleDates } = ctx.styles;
  const text = ctx.text ?? { chars: 0 };
  const rows: StoredRow[] = [];
  const byIndex = new Map<number, StoredRow>();
  let inOrder = true;
  let slots = 0;
  let lastIndex = 0; // the largest row index stored
  const merges: Range[] = [];

  let depth = 0;
  let sheetDataDepth = 0; // depth of <sheetData> while inside it, else 0
  let mergeCellsDepth = 0;

  // The row being read.
  let rowDepth = 0;
  let rowIndex = 0; // its r, or 0 until known
  let prevRow = 0;
  let cellRowHint = 0; // the row of its first cell's r, for a row written without r
  let prevColumn = 0;
  let rowColumns: number[] = [];
  let rowValues: CellValue[] = [];
  let rowFormats: (string | null)[] = [];

  // The cell being read.
  let cellDepth = 0;
  let column = 0;
  let cellRef = '';
  let type = '';
  let style = 0;
  let hasV = false;
  let hasF = false;
  // Formula cells with no cached result (a file written by a program that does not calculate): "A5" …
  const uncalculated: string[] = [];
  let rowUncalculated: number[] = [];
  let v = '';
  let inline: string | null = null;
  let isDepth = 0;
  let phoneticDepth = 0;
  let capture = NONE;
  let captureDepth = 0;
  let buffer = '';

  parseXml(xml, ctx.part, {
    open(tag) {
      depth++;
      if (cellDepth !== 0) {
        openInCell(tag);
        return;
      }
      if (rowDepth !== 0) {
        if (depth === rowDepth + 1 && local(tag.name) === 'c') startCell(tag.attributes);
        return;
      }
      if (sheetDataDepth !== 0) {
        if (depth === sheetDataDepth + 1 && local(tag.name) === 'row') startRow(tag.attributes);
        return;
      }
      const name = local(tag.name);
      if (depth !== 2) {
        if (mergeCellsDepth !== 0 && depth === mergeCellsDepth + 1 && name === 'mergeCell') {
          const range = parseRange(tag.attributes.ref ?? '');
          if (range) merges.push(range);
        }
      } else if (name === 'sheetData') sheetDataDepth = depth;
      else if (name === 'mergeCells') mergeCellsDepth = depth;
    },
    text(chunk) {
      if (capture !== NONE) buffer += chunk;
    },
    close() {
      const d = depth--;
      if (cellDepth !== 0) {
        if (d === cellDepth) endCell();
        else if (d === captureDepth) {
          if (capture === V) v = buffer;
          else inline += decodeEscapes(buffer); // per <t>, as Excel escapes them
          capture = NONE;
          captureDepth = 0;
        } else if (d === phoneticDepth) phoneticDepth = 0;
        else if (d === isDepth) isDepth = 0;
        return;
      }
      if (rowDepth !== 0) {
        if (d === rowDepth) endRow();
        return;
      }
      if (d === sheetDataDepth) sheetDataDepth = 0;
      else if (d === mergeCellsDepth) mergeCellsDepth = 0;
    },
  });

  function openInCell(tag: Tag): void {
    const name = local(tag.name);
    if (depth === cellDepth + 1) {
      if (name === 'v') {
        hasV = true;
        beginCapture(V);
      } else if (name === 'f') {
        hasF = true;
      } else if (name === 'is') {
        isDepth = depth;
        inline = '';
      }
    } else if (isDepth !== 0 && phoneticDepth === 0 && capture === NONE) {
      // Plain (<is><t>) and rich (<is><r><t>) text; the <t> of a phonetic run (<rPh>) is not cell text.
      if (name === 't') beginCapture(T);
      else if (name === 'rPh') phoneticDepth = depth;
    }
  }

  function beginCapture(what: number): void {
    capture = what;
    captureDepth = depth;
    buffer = '';
  }

  function startRow(attributes: Record<string, string>): void {
    rowDepth = depth;
    const r = attributes.r;
    rowIndex = r === undefined ? 0 : rowNumber(r, `A${r}`);
    cellRowHint = 0;
    prevColumn = 0;
    rowColumns = [];
    rowValues = [];
    rowFormats = [];
    rowUncalculated = [];
  }

  function startCell(attributes: Record<string, string>): void {
    cellDepth = depth;
    const r = attributes.r;
    if (r === undefined) {
      column = prevColumn + 1;
      cellRef = '';
    } else {
      column = parseCellColumn(r);
      if (rowIndex === 0 && cellRowHint === 0) cellRowHint = parseCellRow(r);
      cellRef = r;
    }
    if (column > MAX_COLUMNS)
      throw tooLarge(
        cellRef || `${columnLetters(column - 1)}${rowIndex || prevRow + 1}`,
        "a column beyond Excel's last",
      );
    prevColumn = column;
    type = attributes.t ?? '';
    const s = attributes.s;
    style = s === undefined ? 0 : Number(s) | 0;
    hasV = false;
    hasF = false;
    v = '';
    inline = null;
    isDepth = 0;
    phoneticDepth = 0;
    capture = NONE;
    captureDepth = 0;
  }

  function endCell(): void {
    cellDepth = 0;
    const format = style >= 0 && style < styleFormats.length ? styleFormats[style] : null;
    let value = cellValue();
    if (hasF && !hasV && type !== 'inlineStr' && uncalculated.length + rowUncalculated.length < 10_000)
      rowUncalculated.push(column);
    if (ctx.date1904 && typeof value === 'number' && styleDates[style] === true) value += DATE_1904_OFFSET;
    else if (typeof value === 'string' && (text.chars += value.length) > MAX_TEXT_CHARS)
      throw new XlsxError(
        'too-large',
        `${ctx.part}: the cells' text expands to more than ${MAX_TEXT_CHARS} characters (${here()})`,
        { sheet: ctx.sheet, part: ctx.part, cell: here(), limit: 'text' },
      );
    // A cell with neither a value nor a format adds nothing the grid's blanks do not already say.
    if (value === null && format === null) return;
    rowColumns.push(column);
    rowValues.push(value);
    rowFormats.push(format);
  }

  /** The cached value as the user sees it; a formula never calculated (no <v>) shows nothing. */
  function cellValue(): CellValue {
    if (type === 'inlineStr') return inline ?? (hasV ? decodeEscapes(v) : null);
    if (!hasV) return null;
    switch (type) {
      case 's':
        return sharedString();
      case 'str':
        return decodeEscapes(v);
      case 'b': {
        const t = v.trim();
        return t === '' ? null : !(t === '0' || t === 'false');
      }
      case 'e':
        return v.trim() || null;
      case 'd':
        return v.trim() === '' ? null : isoDate(v.trim());
      default: {
        const t = v.trim();
        if (t === '') return null;
        const n = Number(t);
        // A number cell whose text is no number: the text, so that the check can point at it.
        return Number.isFinite(n) ? n : t;
      }
    }
  }

  function sharedString(): CellValue {
    const t = v.trim();
    if (t === '') return null;
    const strings = ctx.sharedStrings;
    if (strings === null)
      throw new XlsxError(
        'missing-shared-strings',
        `${ctx.part}: cell ${here()} uses shared strings, but the package has none`,
        { sheet: ctx.sheet, part: ctx.part, cell: here() },
      );
    const i = Number(t);
    if (!Number.isInteger(i) || i < 0 || i >= strings.length)
      throw new XlsxError(
        'unreadable',
        `${ctx.part}: cell ${here()} names shared string ${t}, which is not there`,
        {
          sheet: ctx.sheet,
          part: ctx.part,
          cell: here(),
        },
      );
    return strings[i];
  }

  function here(): string {
    return shown(cellRef) || `${columnLetters(column - 1)}${rowIndex || cellRowHint || prevRow + 1}`;
  }

  function endRow(): void {
    rowDepth = 0;
    const index = rowIndex || cellRowHint || prevRow + 1;
    if (index > MAX_ROWS) throw tooLarge(`A${index}`, `row ${index} beyond Excel's last`);
    for (const c of rowUncalculated) uncalculated.push(`${columnLetters(c - 1)}${index}`);
    prevRow = index;
    let last = 0; // 1-based column of the row's last value
    for (let i = 0; i < rowColumns.length; i++)
      if (!isEmpty(rowValues[i]) && rowColumns[i] > last) last = rowColumns[i];
    const existing = byIndex.get(index);
    // Cells that only carry formatting after the last value are not part of the used range.
    if (last === 0 && !existing) return;
    const length = Math.max(last, existing ? existing.values.length : 0);
    if (
      slots + length - (existing ? existing.values.length : 0) + Math.max(lastIndex, index) >
      MAX_GRID_SLOTS
    )
      throw tooLarge(`${columnLetters(length - 1)}${index}`, 'more cells than the reader holds');
    const values: CellValue[] = new Array<CellValue>(length).fill(null);
    const formats: (string | null)[] = new Array<string | null>(length).fill(null);
    if (existing) {
      // The same row written twice: the later cells win, the earlier ones stay.
      for (let c = 0; c < existing.values.length; c++) {
        values[c] = existing.values[c];
        formats[c] = existing.formats[c];
      }
    }
    for (let i = 0; i < rowColumns.length; i++) {
      const c = rowColumns[i] - 1;
      if (c >= length) continue;
      values[c] = rowValues[i];
      formats[c] = rowFormats[i];
    }
    const row = trimmed({ index, values, formats });
    slots += row.values.length - (existing ? existing.values.length : 0);
    if (existing) {
      existing.values = row.values;
      existing.formats = row.formats;
    } else {
      if (index < lastIndex) inOrder = false;
      rows.push(row);
      byIndex.set(index, row);
    }
    if (index > lastIndex) lastIndex = index;
  }

  function tooLarge(ref: string, why: string): XlsxError {
    const cell = shown(ref);
    return new XlsxError('too-large', `${ctx.part}: ${why} (${cell})`, {
      sheet: ctx.sheet,
      part: ctx.part,
      cell,
    });
  }

  if (!inOrder) rows.sort((a, b) => a.index - b.index);
  blankCovered(rows, merges, ctx);
  return uncalculated.length > 0 ? { ...assemble(rows, merges), uncalculated } : assemble(rows, merges);
}

/**
 * Cells inside a merge other than its top-left read blank, as Excel and Sheets show them, even when the file
 * still holds their old values. Only the cells present are visited: rows are found by binary search and each
 * row only as far as it is long, so a merge down to row 1,048,576 costs what the sheet really holds.
 */
function blankCovered(rows: StoredRow[], merges: Range[], ctx: SheetContext): void {
  let steps = 0;
  const changed = new Set<StoredRow>();
  for (const m of merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    for (let i = firstAtOrAfter(rows, m.top); i < rows.length && rows[i].index <= m.bottom; i++) {
      const row = rows[i];
      // Ternaries, not Math.min/max: a global's lookup is slow where the code runs in a vm context (Jest).
      const end = m.right < row.values.length ? m.right : row.values.length;
      steps += end >= m.left ? end - m.left + 2 : 1;
      if (steps > MAX_MERGE_STEPS) {
        const merge = rangeText(m);
        throw new XlsxError('too-large', `${ctx.part}: merged ranges over too many cells (${merge} …)`, {
          sheet: ctx.sheet,
          part: ctx.part,
          merge,
        });
      }
      for (let c = m.left - 1; c < end; c++) {
        if (row.index === m.top && c === m.left - 1) continue;
        if (row.values[c] !== null) {
          row.values[c] = null;
          changed.add(row);
        }
      }
    }
  }
  for (const row of changed) {
    const t = trimmed(row);
    row.values = t.values;
    row.formats = t.formats;
  }
}

/** The row without its trailing blank cells (formats cut at the same place). */
function trimmed(row: StoredRow): StoredRow {
  let n = row.values.length;
  while (n > 0 && isEmpty(row.values[n - 1])) n--;
  if (n === row.values.length) return row;
  return { index: row.index, values: row.values.slice(0, n), formats: row.formats.slice(0, n) };
}

function assemble(rows: StoredRow[], merges: Range[]): SheetContent {
  let lastRow = 0;
  for (const row of rows) if (row.values.length > 0 && row.index > lastRow) lastRow = row.index;
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  let i = 0;
  for (let r = 1; r <= lastRow; r++) {
    while (i < rows.length && rows[i].index < r) i++;
    const row = i < rows.length && rows[i].index === r ? rows[i] : undefined;
    // Rows with no value are empty arrays, not holes: every host hands the core a full array of rows.
    values.push(row ? row.values : []);
    numberFormats.push(row ? row.formats : []);
  }
  return {
    values,
    numberFormats,
    merges: merges.map(rangeText),
  };
}

function rangeText(m: Range): string {
  return `${columnLetters(m.left - 1)}${m.top}:${columnLetters(m.right - 1)}${m.bottom}`;
}

function firstAtOrAfter(rows: StoredRow[], index: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid].index < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * "x:c" → "c", as xml.ts's localName, kept here for the per-cell path: most names have no prefix, and the call
 * stays inside this module.
 */
function local(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** A reference as messages quote it: a hostile one may be any length. */
function shown(ref: string): string {
  return ref.length > 24 ? `${ref.slice(0, 24)}…` : ref;
}

function isEmpty(v: CellValue): boolean {
  return v === null || v === undefined || v === '';
}

/** A t="d" cell: an ISO 8601 date-time as typed, held in a Date's UTC fields as for every date cell. */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;

function isoDate(text: string): CellValue {
  const m = ISO.exec(text);
  if (!m) return text;
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  const d = new Date(Date.UTC(2000, 0, 1, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms));
  // setUTCFullYear: Date.UTC would read years 0–99 as 1900–1999.
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(d.getTime()) ? d : text;
}

/** The 1-based row of a reference; references beyond Excel's grid are refused before anything is allocated. */
function rowNumber(digits: string, ref: string): number {
  const n = Number(digits);
  if (!Number.isInteger(n) || n < 1 || digits.trim() !== digits || !/^\d+$/.test(digits))
    throw new XlsxError('unreadable', `row reference "${shown(ref)}" is not a row number`, {
      cell: shown(ref),
    });
  if (n > MAX_ROWS)
    throw new XlsxError('too-large', `row ${shown(ref)} beyond Excel's last`, { cell: shown(ref) });
  return n;
}

/** The 1-based column of "B7" (the letters); a reference that is none is damage. */
function parseCellColumn(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower case
    if (code < 97 || code > 122) break;
    n = n * 26 + (code - 96);
    // Stop counting once past Excel's last column: the caller reports it, and a long run of letters stays small.
    if (n > MAX_COLUMNS) return MAX_COLUMNS + 1;
  }
  let digits = 0;
  for (let j = i; j < ref.length; j++) {
    const code = ref.charCodeAt(j);
    if (code < 48 || code > 57) break;
    digits++;
  }
  if (i === 0 || digits === 0 || i + digits !== ref.length)
    throw new XlsxError('unreadable', `cell reference "${shown(ref)}" is not one`, { cell: shown(ref) });
  return n;
}

function parseCellRow(ref: string): number {
  let i = 0;
  while (i < ref.length && (ref.charCodeAt(i) | 0x20) >= 97 && (ref.charCodeAt(i) | 0x20) <= 122) i++;
  return rowNumber(ref.slice(i), ref);
}

const RANGE_CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** A merge's ref ("B3:C7", or "B3" alone) within Excel's grid; anything else is dropped, as it shows nothing. */
function parseRange(ref: string): Range | null {
  const [from, to = from, extra] = ref.trim().split(':');
  if (extra !== undefined) return null;
  const a = RANGE_CELL.exec(from);
  const b = RANGE_CELL.exec(to);
  if (!a || !b) return null;
  const cols = [lettersToColumn(a[1]), lettersToColumn(b[1])];
  const rws = [Number(a[2]), Number(b[2])];
  if (cols.some((c) => c < 1 || c > MAX_COLUMNS) || rws.some((r) => r < 1 || r > MAX_ROWS)) return null;
  return {
    top: Math.min(rws[0], rws[1]),
    bottom: Math.max(rws[0], rws[1]),
    left: Math.min(cols[0], cols[1]),
    right: Math.max(cols[0], cols[1]),
  };
}

function lettersToColumn(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 0x20) - 96);
  return n;
}
