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
import { decodeEscapes, parseXml, type Tag } from './xml';
import { SheetRows, shown, type Range } from './sheetRows';
import type { SheetContent, SheetContext } from './sheetContent';

export type { SheetContent, SheetContext } from './sheetContent';

export { MAX_GRID_SLOTS, MAX_MERGE_STEPS } from './sheetRows';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/**
 * The characters the cells' text of one workbook may expand to, a shared string counted at every cell that uses
 * it. The file's size does not bound this: a 142 KB file holding one 50-million-character string used by 35 cells
 * is 1.75 billion characters once its cells are read, and every report, JSON or copy made of them would be more.
 * A ward's appendix is some thousands of characters; a province's 200,000-row sheet about 6 million.
 */
export const MAX_TEXT_CHARS = 50_000_000;

/** Excel counts days from 1900 or, in a 1904 workbook, 1462 days later. */
const DATE_1904_OFFSET = 1462;

const NONE = 0;
const V = 1; // inside the cell's <v>
const T = 2; // inside a <t> of the cell's <is>

export function parseSheet(xml: string, ctx: SheetContext): SheetContent {
  const { formats: styleFormats, dates: styleDates } = ctx.styles;
  const text = ctx.text ?? { chars: 0 };
  const grid = new SheetRows();
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
    grid.store(index, rowColumns, rowValues, rowFormats, tooLarge);
  }

  function tooLarge(ref: string, why: string): XlsxError {
    const cell = shown(ref);
    return new XlsxError('too-large', `${ctx.part}: ${why} (${cell})`, {
      sheet: ctx.sheet,
      part: ctx.part,
      cell,
    });
  }

  const content = grid.finish(merges, ctx);
  return uncalculated.length > 0 ? { ...content, uncalculated } : content;
}

/**
 * "x:c" → "c", as xml.ts's localName, kept here for the per-cell path: most names have no prefix, and the call
 * stays inside this module.
 */
function local(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
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
