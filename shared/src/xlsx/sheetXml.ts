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
import { decodeEscapes } from './xml';
import { attributeText, characterData, END, OPEN, TEXT, XmlScanner } from './read/scanner';
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

export function parseSheet(bytes: Uint8Array, ctx: SheetContext): SheetContent {
  const { formats: styleFormats, dates: styleDates } = ctx.styles;
  const text = ctx.text ?? { chars: 0 };
  const grid = new SheetRows();
  const merges: Range[] = [];
  const x = new XmlScanner(bytes, ctx.part, true);
  const b = x.bytes;
  const attrs = x.attrs;

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

  // The cell being read. Its r and its <v> stay byte ranges until something needs them as text.
  let cellDepth = 0;
  let column = 0;
  let refAt = -1; // the r attribute's value start, -1 for a cell without r
  let refEnd = 0;
  let refPlain = true;
  let type = '';
  let style = 0;
  let hasV = false;
  let hasF = false;
  // Formula cells with no cached result (a file written by a program that does not calculate): "A5" …
  const uncalculated: string[] = [];
  let rowUncalculated: number[] = [];
  let vAt = -1;
  let vEnd = 0;
  let vPlain = true;
  let vText = null as string | null;
  let inline = null as string | null; // (set in the helpers below, which the loop's narrowing does not see)
  let isDepth = 0;
  let phoneticDepth = 0;
  let capture = NONE;
  let captureDepth = 0;
  // What is captured: one text range (the usual case), or the text once a second piece (a comment, CDATA) came.
  let capAt = -1;
  let capEnd = 0;
  let capPlain = true;
  let capText = null as string | null;

  for (let token = x.next(); token !== END; token = x.next()) {
    if (token === TEXT) {
      if (capture !== NONE) {
        if (capAt < 0 && capText === null) {
          capAt = x.textStart;
          capEnd = x.textEnd;
          capPlain = x.textPlain;
        } else capText = captured() + x.text();
      }
      continue;
    }
    const depth = x.depth;
    if (token === OPEN) {
      if (cellDepth !== 0) openInCell(depth);
      else if (rowDepth !== 0) {
        if (depth === rowDepth + 1 && x.isLocal('c')) startCell(depth);
      } else if (sheetDataDepth !== 0) {
        if (depth === sheetDataDepth + 1 && x.isLocal('row')) startRow(depth);
      } else if (depth !== 2) {
        if (mergeCellsDepth !== 0 && depth === mergeCellsDepth + 1 && x.isLocal('mergeCell')) {
          const range = parseRange(x.valueOf('ref') ?? '');
          if (range) merges.push(range);
        }
      } else if (x.isLocal('sheetData')) sheetDataDepth = depth;
      else if (x.isLocal('mergeCells')) mergeCellsDepth = depth;
      continue;
    }
    // CLOSE
    if (cellDepth !== 0) {
      if (depth === cellDepth) endCell();
      else if (depth === captureDepth) {
        if (capture === V) {
          vAt = capAt;
          vEnd = capEnd;
          vPlain = capPlain;
          vText = capText;
        } else inline += decodeEscapes(captured()); // per <t>, as Excel escapes them
        capture = NONE;
        captureDepth = 0;
      } else if (depth === phoneticDepth) phoneticDepth = 0;
      else if (depth === isDepth) isDepth = 0;
    } else if (rowDepth !== 0) {
      if (depth === rowDepth) endRow();
    } else if (depth === sheetDataDepth) sheetDataDepth = 0;
    else if (depth === mergeCellsDepth) mergeCellsDepth = 0;
  }

  function captured(): string {
    return capText ?? (capAt < 0 ? '' : characterData(b, capAt, capEnd, capPlain));
  }

  function openInCell(depth: number): void {
    if (depth === cellDepth + 1) {
      if (x.isLocal('v')) {
        hasV = true;
        beginCapture(V, depth);
      } else if (x.isLocal('f')) {
        hasF = true;
      } else if (x.isLocal('is')) {
        isDepth = depth;
        inline = '';
      }
    } else if (isDepth !== 0 && phoneticDepth === 0 && capture === NONE) {
      // Plain (<is><t>) and rich (<is><r><t>) text; the <t> of a phonetic run (<rPh>) is not cell text.
      if (x.isLocal('t')) beginCapture(T, depth);
      else if (x.isLocal('rPh')) phoneticDepth = depth;
    }
  }

  function beginCapture(what: number, depth: number): void {
    capture = what;
    captureDepth = depth;
    capAt = -1;
    capText = null;
  }

  function startRow(depth: number): void {
    rowDepth = depth;
    const r = x.attr('r');
    rowIndex = r < 0 ? 0 : plainNumber(r, MAX_ROWS);
    if (rowIndex === 0 && r >= 0) {
      const digits = x.value(r);
      rowIndex = rowNumber(digits, `A${digits}`);
    }
    cellRowHint = 0;
    prevColumn = 0;
    rowColumns = [];
    rowValues = [];
    rowFormats = [];
    rowUncalculated = [];
  }

  /** Attribute `a`'s value as a number when it is plain digits (1 ≤ n ≤ max), else 0: the caller reads it as text. */
  function plainNumber(a: number, max: number): number {
    const s = attrs[a + 2];
    const e = attrs[a + 3];
    if (attrs[a + 4] !== 1 || e === s || e - s > 9) return 0;
    let n = 0;
    for (let k = s; k < e; k++) {
      const c = b[k] - 0x30;
      if (c < 0 || c > 9) return 0;
      n = n * 10 + c;
    }
    return n >= 1 && n <= max ? n : 0;
  }

  function startCell(depth: number): void {
    cellDepth = depth;
    const r = x.attr('r');
    if (r < 0) {
      column = prevColumn + 1;
      refAt = -1;
    } else {
      refAt = attrs[r + 2];
      refEnd = attrs[r + 3];
      refPlain = attrs[r + 4] === 1;
      column = refPlain ? referenceColumn(b, refAt, refEnd) : -1;
      // Not letters then digits (or not plain bytes): the text reading, which also says what is wrong.
      if (column < 0) column = parseCellColumn(cellRef());
      if (rowIndex === 0 && cellRowHint === 0) cellRowHint = parseCellRow(cellRef());
    }
    if (column > MAX_COLUMNS)
      throw tooLarge(
        cellRef() || `${columnLetters(column - 1)}${rowIndex || prevRow + 1}`,
        "a column beyond Excel's last",
      );
    prevColumn = column;
    const t = x.attr('t');
    type = t < 0 ? '' : attrs[t + 3] - attrs[t + 2] === 1 && b[attrs[t + 2]] === 0x73 ? 's' : x.value(t);
    const s = x.attr('s');
    style = s < 0 ? 0 : plainNumber(s, 999_999_999) || Number(x.value(s)) | 0;
    hasV = false;
    hasF = false;
    vAt = -1;
    vText = null;
    inline = null;
    isDepth = 0;
    phoneticDepth = 0;
    capture = NONE;
    captureDepth = 0;
  }

  function cellRef(): string {
    return refAt < 0 ? '' : attributeText(b, refAt, refEnd, refPlain);
  }

  function vString(): string {
    return vText ?? (vAt < 0 ? '' : characterData(b, vAt, vEnd, vPlain));
  }

  /** The <v> as a whole number when it is plain digits (at most 15), else -1. */
  function vDigits(): number {
    if (vText !== null || vAt < 0 || !vPlain || vEnd === vAt || vEnd - vAt > 15) return -1;
    let n = 0;
    for (let k = vAt; k < vEnd; k++) {
      const c = b[k] - 0x30;
      if (c < 0 || c > 9) return -1;
      n = n * 10 + c;
    }
    return n;
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
    if (type === 'inlineStr') return inline ?? (hasV ? decodeEscapes(vString()) : null);
    if (!hasV) return null;
    switch (type) {
      case 's':
        return sharedString();
      case 'str':
        return decodeEscapes(vString());
      case 'b': {
        const t = vString().trim();
        return t === '' ? null : !(t === '0' || t === 'false');
      }
      case 'e':
        return vString().trim() || null;
      case 'd': {
        const t = vString().trim();
        return t === '' ? null : isoDate(t);
      }
      default: {
        const whole = vDigits();
        if (whole >= 0) return whole;
        const t = vString().trim();
        if (t === '') return null;
        const n = Number(t);
        // A number cell whose text is no number: the text, so that the check can point at it.
        return Number.isFinite(n) ? n : t;
      }
    }
  }

  function sharedString(): CellValue {
    const strings = ctx.sharedStrings;
    const whole = vDigits();
    if (strings !== null && whole >= 0 && whole < strings.length) return strings.get(whole);
    const t = vString().trim();
    if (t === '') return null;
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
    return strings.get(i);
  }

  function here(): string {
    return shown(cellRef()) || `${columnLetters(column - 1)}${rowIndex || cellRowHint || prevRow + 1}`;
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

/**
 * parseCellColumn on the bytes of a plain r: the column when they are letters then digits, else -1 (the caller
 * reads the text, which says what is wrong). Past Excel's last column it stops as parseCellColumn does.
 */
function referenceColumn(b: Uint8Array, s: number, e: number): number {
  let n = 0;
  let i = s;
  for (; i < e; i++) {
    const code = b[i] | 0x20;
    if (code < 97 || code > 122) break;
    n = n * 26 + (code - 96);
    if (n > MAX_COLUMNS) return MAX_COLUMNS + 1;
  }
  if (i === s || i === e) return -1;
  for (let j = i; j < e; j++) if (b[j] < 48 || b[j] > 57) return -1;
  return n;
}

function parseCellRow(ref: string): number {
  let i = 0;
  while (i < ref.length && (ref.charCodeAt(i) | 0x20) >= 97 && (ref.charCodeAt(i) | 0x20) <= 122) i++;
  return rowNumber(ref.slice(i), ref);
}

/** A merge's ref ("B3:C7", or "B3" alone) within Excel's grid; anything else is dropped, as it shows nothing. */
function parseRange(ref: string): Range | null {
  const text = ref.trim();
  const colon = text.indexOf(':');
  const from = colon < 0 ? text : text.slice(0, colon);
  const to = colon < 0 ? text : text.slice(colon + 1);
  if (to.includes(':')) return null;
  const a = rangeCell(from);
  const b = rangeCell(to);
  if (!a || !b) return null;
  const cols = [a[1], b[1]];
  const rws = [a[0], b[0]];
  if (cols.some((c) => c < 1 || c > MAX_COLUMNS) || rws.some((r) => r < 1 || r > MAX_ROWS)) return null;
  return {
    top: Math.min(rws[0], rws[1]),
    bottom: Math.max(rws[0], rws[1]),
    left: Math.min(cols[0], cols[1]),
    right: Math.max(cols[0], cols[1]),
  };
}

/** One end of a merge, `$?letters{1,3}$?digits{1,7}` (no regular expression: a sheet may hold thousands). */
function rangeCell(cell: string): [row: number, column: number] | null {
  let i = cell.charCodeAt(0) === 0x24 ? 1 : 0;
  let column = 0;
  const letters = i;
  for (; i < cell.length && i - letters < 4; i++) {
    const c = cell.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    column = column * 26 + (c - 96);
  }
  if (i === letters || i - letters > 3) return null;
  if (cell.charCodeAt(i) === 0x24) i++;
  let row = 0;
  const digits = i;
  for (; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  return i === digits || i - digits > 7 ? null : [row, column];
}
