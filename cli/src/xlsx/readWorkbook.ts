/**
 * Reads an .xlsx file with exceljs into the core's input shape: one SheetGrid per worksheet, cell values as the
 * user sees them (a formula's cached result, a rich text's text), number formats and merged ranges.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue, SheetGrid } from '../../../shared/src/table/grid';
import { csvGrid } from './readCsv';

export type WorkbookReadErrorCode = 'not-found' | 'not-xlsx' | 'unreadable';

type Lang = 'vi' | 'en';

/** Why a file could not be read; `message` is one line in Vietnamese, `messageIn('en')` gives the English one. */
export class WorkbookReadError extends Error {
  override readonly name = 'WorkbookReadError';

  constructor(
    readonly code: WorkbookReadErrorCode,
    /** The file as the user named it (basename in messages), or "" for a buffer. */
    readonly file: string,
    /** What more is known (empty file, old .xls …), so the message can say what to do. */
    readonly detail: ReadDetail = 'none',
    options?: { cause?: unknown },
  ) {
    super(readErrorMessage(code, file, detail, 'vi'), options);
  }

  messageIn(lang: Lang): string {
    return readErrorMessage(this.code, this.file, this.detail, lang);
  }
}

/** What more we know about the failure, so the one-line message can say what to do. */
export type ReadDetail =
  | 'none'
  | 'empty'
  | 'xls-or-encrypted'
  | 'directory'
  | 'permission'
  | 'no-worksheet'
  | 'ods'
  | 'csv-encoding';

export function readErrorMessage(
  code: WorkbookReadErrorCode,
  file: string,
  detail: ReadDetail,
  lang: Lang,
): string {
  const name = file ? basename(file) : lang === 'vi' ? 'Tệp' : 'The file';
  const vi = lang === 'vi';
  switch (detail) {
    case 'empty':
      return vi
        ? `${name}: tệp rỗng (0 byte), không phải tệp Excel .xlsx.`
        : `${name}: the file is empty (0 bytes), not an Excel .xlsx file.`;
    case 'xls-or-encrypted':
      return vi
        ? `${name}: tệp Excel cũ (.xls) hoặc có mật khẩu; hãy mở bằng Excel, bỏ mật khẩu và lưu lại dạng .xlsx.`
        : `${name}: an old Excel (.xls) or password-protected file; open it in Excel, remove the password and save as .xlsx.`;
    case 'directory':
      return vi ? `${name}: là thư mục, không phải tệp .xlsx.` : `${name}: is a folder, not an .xlsx file.`;
    case 'permission':
      return vi ? `${name}: không có quyền đọc tệp.` : `${name}: permission denied.`;
    case 'ods':
      return vi
        ? `${name}: tệp bảng tính OpenDocument (.ods, của LibreOffice Calc); hãy mở bằng LibreOffice Calc, chọn Tệp > Lưu thành, kiểu "Excel 2007-365 (.xlsx)", rồi kiểm tra tệp .xlsx đó.`
        : `${name}: an OpenDocument spreadsheet (.ods, LibreOffice Calc); open it in LibreOffice Calc, File > Save As, type "Excel 2007-365 (.xlsx)", then check that .xlsx file.`;
    case 'csv-encoding':
      return vi
        ? `${name}: tệp .csv không phải mã UTF-8; hãy lưu lại bằng "CSV UTF-8 (phân cách bằng dấu phẩy)" hoặc lưu thành .xlsx.`
        : `${name}: the .csv file is not UTF-8; save it again as "CSV UTF-8 (Comma delimited)" or as .xlsx.`;
    case 'no-worksheet':
      return vi
        ? `${name}: không có trang tính (sheet) nào; có phải tệp Excel .xlsx không?`
        : `${name}: contains no worksheet; is it an Excel .xlsx file?`;
    case 'none':
      break;
  }
  switch (code) {
    case 'not-found':
      return vi ? `${name}: không tìm thấy tệp (${file}).` : `${name}: file not found (${file}).`;
    case 'not-xlsx':
      return vi ? `${name}: không phải tệp Excel .xlsx.` : `${name}: not an Excel .xlsx file.`;
    case 'unreadable':
      return vi
        ? `${name}: tệp .xlsx bị hỏng hoặc không đọc được.`
        : `${name}: the .xlsx file is damaged or cannot be read.`;
  }
}

/** Reads every worksheet of the file. Rejects with WorkbookReadError only. */
export async function readWorkbook(path: string): Promise<SheetGrid[]> {
  if (/\.csv$/i.test(path)) return [await readCsvFile(path)];
  return gridsOf(await loadWorkbookFile(path));
}

/** A .csv file as one sheet (readCsv.ts); errors as for a workbook. */
async function readCsvFile(path: string): Promise<SheetGrid> {
  const grid = csvGrid(await readBytes(path), path);
  if (!grid) throw new WorkbookReadError('not-xlsx', path, 'csv-encoding');
  return grid;
}

/** Same as readWorkbook for bytes already in memory (uploads, tests). */
export async function readWorkbookBuffer(buf: Buffer, file = ''): Promise<SheetGrid[]> {
  return gridsOf(await loadWorkbookBuffer(buf, file));
}

/** Loads the file for reading or rewriting (writeHighlights shares it so both report the same errors). */
export async function loadWorkbookFile(path: string): Promise<ExcelJS.Workbook> {
  return loadWorkbookBuffer(await readBytes(path), path);
}

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
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

const ZIP_MAGIC = [0x50, 0x4b]; // "PK": every .xlsx is a zip package
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // OLE container: .xls, and also any password-protected .xlsx

function startsWith(buf: Buffer, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

export async function loadWorkbookBuffer(buf: Buffer, file = ''): Promise<ExcelJS.Workbook> {
  // Checked before exceljs so the user gets a reason instead of a zip library's error.
  if (buf.length === 0) throw new WorkbookReadError('not-xlsx', file, 'empty');
  if (startsWith(buf, CFB_MAGIC)) throw new WorkbookReadError('not-xlsx', file, 'xls-or-encrypted');
  if (!startsWith(buf, ZIP_MAGIC)) throw new WorkbookReadError('not-xlsx', file);
  // An OpenDocument package names its type in its first, uncompressed entry ("mimetype").
  if (buf.subarray(0, 256).includes('application/vnd.oasis.opendocument.spreadsheet'))
    throw new WorkbookReadError('not-xlsx', file, 'ods');
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own ArrayBuffer-like `Buffer`; a Node Buffer is what it reads at run time.
    await wb.xlsx.load(buf as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch (e) {
    throw new WorkbookReadError('unreadable', file, 'none', { cause: e });
  }
  // A zip that is not a workbook (.docx, .zip) loads without error but has no worksheet.
  if (wb.worksheets.length === 0) throw new WorkbookReadError('not-xlsx', file, 'no-worksheet');
  return wb;
}

function gridsOf(wb: ExcelJS.Workbook): SheetGrid[] {
  // exceljs loads worksheets only: chart sheets never reach `worksheets`.
  return wb.worksheets.map(gridOf);
}

function gridOf(ws: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const vals: CellValue[] = [];
    const fmts: (string | null)[] = [];
    let last = -1;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = plainValue(cell);
      vals[c - 1] = v;
      const fmt = cell.numFmt;
      fmts[c - 1] = fmt && fmt !== 'General' ? fmt : null;
      if (!isEmpty(v)) last = c - 1;
    });
    // Trailing cells that only carry formatting are not part of the used range.
    if (last < 0) return;
    values[r - 1] = fill(vals, last + 1, null);
    numberFormats[r - 1] = fill(fmts, last + 1, null);
  });
  // Rows with no value were never assigned: make them empty arrays, not holes.
  for (let i = 0; i < values.length; i++) {
    if (!values[i]) {
      values[i] = [];
      numberFormats[i] = [];
    }
  }
  return {
    name: ws.name,
    values,
    numberFormats,
    merges: [...(ws.model.merges ?? [])],
    origin: { row: 1, column: 1 },
  };
}

/** Copies the first `length` slots of a sparse array, holes filled with `blank`. */
function fill<T>(sparse: T[], length: number, blank: T): T[] {
  const out: T[] = new Array(length);
  for (let i = 0; i < length; i++) out[i] = i in sparse ? sparse[i] : blank;
  return out;
}

function isEmpty(v: CellValue): boolean {
  return v === null || v === undefined || v === '';
}

/** The value a user sees, as a plain CellValue. */
function plainValue(cell: ExcelJS.Cell): CellValue {
  // exceljs answers a merged cell's value with its master's; Excel and Sheets give it blank, and so do we.
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  return plain(cell.value);
}

function plain(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v !== 'object') return null;
  if ('richText' in v) return richText(v);
  if ('error' in v) return v.error;
  if ('formula' in v || 'sharedFormula' in v) {
    // A formula cell shows its last computed result; without one (never calculated) it shows nothing.
    const result = (v as ExcelJS.CellFormulaValue).result;
    return result === undefined ? null : plain(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in v) {
    // The text of a hyperlink can itself be rich text.
    const text = (v as { text?: unknown }).text;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object' && 'richText' in text)
      return richText(text as ExcelJS.CellRichTextValue);
    return (v as ExcelJS.CellHyperlinkValue).hyperlink ?? null;
  }
  return null;
}

function richText(v: ExcelJS.CellRichTextValue): string {
  return (v.richText ?? []).map((run) => run.text ?? '').join('');
}
