/**
 * A sheet as it crosses from a spreadsheet server to the pane (an Apps Script server call from the sidebar): JSON
 * only, so no Date (such a call refuses one), and number formats sent once each with an index per cell, since
 * Sheets reports "0.###############" for every cell left on automatic and that string would otherwise make up
 * most of the payload.
 */
import { isDateFormat } from '../table/numberFormat';
import type { CellValue, SheetGrid } from '../table/grid';

export type PlainCell = string | number | boolean | null;

export interface PackedGrid {
  name: string;
  values: PlainCell[][];
  /** The distinct number formats of the sheet. */
  formats: string[];
  /** Per cell, the index of its format in `formats`. */
  formatIndex: number[][];
  merges: string[];
  origin: { row: number; column: number };
}

/** What a server hands over: values as its API returns them (Sheets' getValues gives Date objects for dates). */
export interface HostSheet {
  name: string;
  values: unknown[][];
  numberFormats: (string | null | undefined)[][];
  merges: string[];
  origin: { row: number; column: number };
}

/** The format a date cell gets when the host reported it as automatic: the core reads numbers as days only then. */
export const TRANSFER_DATE_FORMAT = 'dd/mm/yyyy';

// "1899-12-30T00:00:00" is day 0 of both Excel's (from 1 March 1900 on) and Sheets' serial numbers.
const EPOCH = Date.UTC(1899, 11, 30);
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The serial number of a wall-clock date-time ("2025-06-30T18:00:00" → 45838.75), as the spreadsheet stores it:
 * the host formats a Date in the spreadsheet's own time zone (Utilities.formatDate), so the day is the one the
 * user typed whatever zone the script runs in. Null when the text is not such a date-time.
 */
export function serialFromLocalDateTime(text: string): number | null {
  const m = LOCAL.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1).map((x) => x ?? '0');
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (!Number.isFinite(ms)) return null;
  return (ms - EPOCH) / 86_400_000;
}

/** Works across JavaScript realms (a Date made by another frame or vm context fails `instanceof Date`). */
function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

function plain(v: unknown): PlainCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  return String(v);
}

/**
 * The host's sheet as JSON: each Date becomes its serial number, read through `localDateTime` (which formats a
 * Date as "yyyy-MM-ddTHH:mm:ss" in the spreadsheet's time zone; called once per distinct instant), and a date
 * cell the host reported without a date format gets one.
 */
export function packGrid(sheet: HostSheet, localDateTime: (d: Date) => string): PackedGrid {
  const serials = new Map<number, number | null>();
  const formats: string[] = [];
  const indexOf = new Map<string, number>();
  const formatId = (f: string): number => {
    let i = indexOf.get(f);
    if (i === undefined) {
      i = formats.length;
      formats.push(f);
      indexOf.set(f, i);
    }
    return i;
  };
  const values: PlainCell[][] = [];
  const formatIndex: number[][] = [];
  for (let r = 0; r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    const fRow = sheet.numberFormats[r] ?? [];
    const outRow: PlainCell[] = new Array(row.length);
    const outF: number[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      let format = fRow[c] ?? '';
      if (isDate(v)) {
        const t = v.getTime();
        let serial = serials.get(t);
        if (serial === undefined) {
          serial = Number.isFinite(t) ? serialFromLocalDateTime(localDateTime(v)) : null;
          serials.set(t, serial);
        }
        outRow[c] = serial;
        if (serial !== null && !isDateFormat(format)) format = TRANSFER_DATE_FORMAT;
      } else outRow[c] = plain(v);
      outF[c] = formatId(format);
    }
    values.push(outRow);
    formatIndex.push(outF);
  }
  return { name: sheet.name, values, formats, formatIndex, merges: sheet.merges, origin: sheet.origin };
}

/** The grid the core checks, from what crossed the wire. */
export function unpackGrid(packed: PackedGrid): SheetGrid {
  const numberFormats = packed.formatIndex.map((row) => row.map((i) => packed.formats[i] ?? ''));
  return {
    name: packed.name,
    values: packed.values as CellValue[][],
    numberFormats,
    merges: packed.merges,
    origin: packed.origin,
  };
}
