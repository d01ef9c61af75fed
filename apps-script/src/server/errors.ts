import { ERROR_PREFIX, type ServerErrorCode } from '../protocol';

/** An error the sidebar words itself (see ../sidebar/explainError.ts); `detail` is data, e.g. a sheet name. */
export function serverError(code: ServerErrorCode, detail = ''): Error {
  return new Error(`${ERROR_PREFIX}${code}${detail ? ' ' + detail : ''}`);
}

/** The sheet of that name, or an error the user understands (it was renamed or deleted since the check). */
export function sheetNamed(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string) {
  if (typeof name !== 'string') throw serverError('bad-argument', 'sheet');
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw serverError('sheet-missing', name);
  return sheet;
}
