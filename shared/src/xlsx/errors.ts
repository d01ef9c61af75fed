/**
 * Why a package could not be read as a workbook. The code is for hosts to pick their own wording; the message is
 * a short English line for logs and developers, never shown to ward staff as is.
 */

export type XlsxErrorCode =
  /** Zero bytes. */
  | 'empty'
  /** An OLE container: an old .xls, or an .xlsx saved with a password (Excel encrypts it into one). */
  | 'xls-or-encrypted'
  /** Not a zip package at all (a text file renamed .xlsx, …). */
  | 'not-zip'
  /** An OpenDocument spreadsheet (.ods). */
  | 'ods'
  /** A zip that holds no spreadsheet workbook (.docx, a plain .zip, .xlsb). */
  | 'not-workbook'
  /** A workbook whose sheets are all chart or dialog sheets. */
  | 'no-worksheet'
  /** Damaged: a zip or XML error, a cell reference that is not one, a shared string that does not exist. */
  | 'unreadable'
  /** Beyond Excel's limits or this reader's bounds (see MAX_GRID_SLOTS, MAX_PART_BYTES). */
  | 'too-large'
  /** A sheet named in workbook.xml whose part is not in the package. */
  | 'missing-part'
  /** Cells that point into the shared strings of a package that has none. */
  | 'missing-shared-strings'
  /** Two zip entries of one part name: readers differ on which one is the workbook. */
  | 'duplicate-part';

/** Where in the package the problem is, as far as it is known. */
export interface XlsxErrorWhere {
  /** The sheet's name as the workbook gives it. */
  sheet?: string;
  /** The part's path inside the package ("xl/worksheets/sheet1.xml"). */
  part?: string;
  /** An A1 reference (or what stood in its place) of the cell concerned. */
  cell?: string;
  /** The merged range concerned ("A1:XFD1048576"). */
  merge?: string;
  /** Which bound a 'too-large' passed, where it is not the grid's: the characters the cells' text expands to. */
  limit?: 'text';
}

export class XlsxError extends Error {
  override readonly name = 'XlsxError';

  constructor(
    readonly code: XlsxErrorCode,
    message: string,
    readonly where: XlsxErrorWhere = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
