/**
 * Reads an .xlsx file into the core's input shape (one SheetGrid per worksheet) with the core's own reader
 * (shared/src/xlsx), and says why in the user's words when a file cannot be read. exceljs stays here only to load
 * a workbook for rewriting (writeHighlights.ts), behind the same first checks.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { oneLine } from '../visible';
import type { SheetGrid } from '../../../shared/src/table/grid';
import { readXlsxContent, sniffPackage, XlsxError } from '../../../shared/src/xlsx';
import { csvGrid } from './readCsv';
import {
  READ_ERRORS,
  readErrorText,
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
  return contentOf(await readBytes(path), path);
}

/** A .csv file as one sheet (readCsv.ts); errors as for a workbook. */
async function readCsvFile(path: string): Promise<SheetGrid> {
  const grid = csvGrid(await readBytes(path), path);
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
    const { sheets, keywords } = readXlsxContent(buf);
    return { grids: sheets, keywords };
  } catch (e) {
    if (e instanceof XlsxError) throw readErrorOf(e, file);
    throw new WorkbookReadError('unreadable', file, 'none', { cause: e });
  }
}

function readErrorOf(e: XlsxError, file: string): WorkbookReadError {
  const [code, detail] = READ_ERRORS[e.code];
  const where = { sheet: e.where.sheet, cell: e.where.cell, merge: e.where.merge };
  return new WorkbookReadError(code, file, detail, { cause: e, where });
}

async function readBytes(path: string): Promise<Buffer> {
  try {
    // Read in one blocking call: a batch reads each file in a worker with nothing else to do meanwhile, and a
    // round trip through libuv's thread pool left that worker idle for an eighth of its time.
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new WorkbookReadError('not-found', path, 'none', { cause: e });
    if (code === 'EISDIR') throw new WorkbookReadError('unreadable', path, 'directory', { cause: e });
    if (code === 'EACCES' || code === 'EPERM')
      throw new WorkbookReadError('unreadable', path, 'permission', { cause: e });
    throw new WorkbookReadError('unreadable', path, 'none', { cause: e });
  }
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
