/**
 * Reads an .xlsx file into the core's input shape (one SheetGrid per worksheet) with the core's own reader
 * (shared/src/xlsx), and says why in the user's words when a file cannot be read. exceljs stays here only to load
 * a workbook for rewriting (writeHighlights.ts), behind the same first checks.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { oneLine } from '../visible';
import type { SheetGrid } from '../../../shared/src/table/grid';
import { readXlsxContent, sniffPackage, XlsxError } from '../../../shared/src/xlsx';
import { csvGrid } from './readCsv';
import { zlibInflateRaw } from './zlibInflate';
import {
  READ_ERRORS,
  readErrorText,
  readWhereOf,
  type ReadDetail,
  type ReadWhere,
  type WorkbookReadErrorCode,
} from '../../../shared/src/xlsx/readMessages';

// The messages live in the core (shared by the web page); these names stay importable from here.
export type { ReadDetail, ReadWhere, WorkbookReadErrorCode };

type Lang = 'vi' | 'en';

/** Why a file could not be read; `message` is one line in Vietnamese, `messageIn('en')` gives the English one. */
export class WorkbookReadError extends Error {
  override readonly name = 'WorkbookReadError';
  readonly where: ReadWhere;

  constructor(
    readonly code: WorkbookReadErrorCode,
    /** The file as the user named it (basename in messages), or "" for a buffer. */
    readonly file: string,
    /** What more is known (empty file, old .xls …), so the message can say what to do. */
    readonly detail: ReadDetail = 'none',
    options?: { cause?: unknown; where?: ReadWhere },
  ) {
    super(readErrorMessage(code, file, detail, 'vi', options?.where), options);
    this.where = options?.where ?? {};
  }

  messageIn(lang: Lang): string {
    return readErrorMessage(this.code, this.file, this.detail, lang, this.where);
  }
}

export function readErrorMessage(
  code: WorkbookReadErrorCode,
  file: string,
  detail: ReadDetail,
  lang: Lang,
  where: ReadWhere = {},
): string {
  return readErrorText(code, file, file ? oneLine(basename(file)) : null, detail, lang, where);
}

/** Reads every worksheet of the file. Rejects with WorkbookReadError only. */
export async function readWorkbook(path: string): Promise<SheetGrid[]> {
  return (await readWorkbookContent(path)).grids;
}

/** The worksheets and the document's keywords ('' for a .csv or a package without them). */
export async function readWorkbookContent(path: string): Promise<{ grids: SheetGrid[]; keywords: string }> {
  if (/\.csv$/i.test(path)) return { grids: [await readCsvFile(path)], keywords: '' };
  return contentOf(readBytes(path), path);
}

/** A .csv file as one sheet (readCsv.ts); errors as for a workbook. */
async function readCsvFile(path: string): Promise<SheetGrid> {
  const grid = csvGrid(readBytes(path), path);
  if (!grid) throw new WorkbookReadError('not-xlsx', path, 'csv-encoding');
  return grid;
}

/** Same as readWorkbook for bytes already in memory (uploads, tests). */
export async function readWorkbookBuffer(buf: Buffer, file = ''): Promise<SheetGrid[]> {
  return gridsOf(buf, file);
}

function gridsOf(buf: Buffer, file: string): SheetGrid[] {
  return contentOf(buf, file).grids;
}

function contentOf(buf: Buffer, file: string): { grids: SheetGrid[]; keywords: string } {
  checkPackage(buf, file);
  try {
    const { sheets, keywords } = readXlsxContent(buf, { inflateRaw: zlibInflateRaw });
    return { grids: sheets, keywords };
  } catch (e) {
    if (e instanceof XlsxError) throw readErrorOf(e, file);
    throw new WorkbookReadError('unreadable', file, 'none', { cause: e });
  }
}

function readErrorOf(e: XlsxError, file: string): WorkbookReadError {
  const [code, detail] = READ_ERRORS[e.code];
  return new WorkbookReadError(code, file, detail, { cause: e, where: readWhereOf(e) });
}

/**
 * The bytes of a regular file, or a WorkbookReadError at once. A FIFO, a device or a socket named among the files
 * (`cchc validate wards/*.xlsx` passes whatever matches) is refused before a byte is read: reading a FIFO with no
 * writer blocks the thread for ever (no time limit can stop a blocked read), and /dev/zero never ends. The open is
 * non-blocking so that even opening a FIFO returns; the size is the one fstat gives, read in full and no more.
 */
export function readBytes(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw openError(e, path);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new WorkbookReadError('unreadable', path, 'directory');
    if (!st.isFile()) throw new WorkbookReadError('unreadable', path, 'not-regular');
    if (st.size > MAX_FILE_BYTES) throw new WorkbookReadError('unreadable', path, 'too-large');
    // One blocking read: a batch reads each file in a worker with nothing else to do meanwhile, and a round trip
    // through libuv's thread pool left that worker idle for an eighth of its time.
    const buf = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, got);
      if (n === 0) break; // the file was cut short meanwhile: what is there is read, and judged
      got += n;
    }
    return got === buf.length ? buf : buf.subarray(0, got);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw openError(e, path);
  } finally {
    closeSync(fd);
  }
}

/** An .xlsx larger than this on disk is refused unread; the reader's inflation bounds are 512 MB in all. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

function openError(e: unknown, path: string): WorkbookReadError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new WorkbookReadError('not-found', path, 'none', { cause: e });
  if (code === 'EISDIR') return new WorkbookReadError('unreadable', path, 'directory', { cause: e });
  if (code === 'EACCES' || code === 'EPERM')
    return new WorkbookReadError('unreadable', path, 'permission', { cause: e });
  return new WorkbookReadError('unreadable', path, 'none', { cause: e });
}

/**
 * The checks on the first bytes, so that the user gets a reason (empty, old .xls or password-protected, not a
 * zip, .ods) instead of a zip library's error.
 */
function checkPackage(buf: Uint8Array, file: string): void {
  const kind = sniffPackage(buf);
  if (kind === 'zip') return;
  throw new WorkbookReadError('not-xlsx', file, kind === 'not-zip' ? 'none' : kind);
}
