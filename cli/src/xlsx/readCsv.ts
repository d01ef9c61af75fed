/**
 * A .csv file as one sheet named after the file. The parsing is the core's (shared/src/xlsx/csv.ts), shared with
 * the web page; only the file's name comes from here.
 */
import { basename, extname } from 'node:path';
import type { SheetGrid } from '../../../shared/src/table/grid';
import { csvSheet } from '../../../shared/src/xlsx/csv';

export { detectDelimiter, parseCsv } from '../../../shared/src/xlsx/csv';

/** The file's text as one grid named after the file; null when the bytes are not UTF-8. */
export function csvGrid(bytes: Buffer, file: string): SheetGrid | null {
  return csvSheet(bytes, basename(file, extname(file)));
}
