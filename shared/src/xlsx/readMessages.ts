/**
 * Why a workbook cannot be read, in one line in the user's words: the command line's messages, pure (no Node
 * API), so the web page says exactly what `cchc validate` says. The CLI adds the file's basename
 * (cli/src/xlsx/readWorkbook.ts); the page passes the picked file's name.
 */
import type { XlsxError, XlsxErrorCode } from './errors';
import { MAX_TEXT_CHARS } from './sheetXml';

/** The text bound in words: "50 triệu" / "50 million". */
const TEXT_BOUND_VI = `${MAX_TEXT_CHARS / 1_000_000} triệu`;
const TEXT_BOUND_EN = `${MAX_TEXT_CHARS / 1_000_000} million`;

export type WorkbookReadErrorCode = 'not-found' | 'not-xlsx' | 'unreadable';

type Lang = 'vi' | 'en';

/** The sheet and cell a message can name (a sheet that is too large, a sheet whose data is missing). */
export interface ReadWhere {
  sheet?: string;
  cell?: string;
  /** A merged range ("A1:XFD1048576"). */
  merge?: string;
  /** A part of the package ("xl/worksheets/sheet1.xml"), for a package stored inconsistently. */
  part?: string;
  /** 'text': the bound passed is the characters the cells' text expands to (MAX_TEXT_CHARS). */
  limit?: 'text';
}

/** What more we know about the failure, so the one-line message can say what to do. */
export type ReadDetail =
  | 'none'
  | 'empty'
  | 'xls-or-encrypted'
  | 'directory'
  /** A FIFO, a device or a socket: never read (a read could block for ever or never end). */
  | 'not-regular'
  | 'permission'
  | 'no-worksheet'
  | 'ods'
  | 'csv-encoding'
  /** Beyond Excel's grid or the reader's bounds (where.sheet, and where.cell or where.merge, when known). */
  | 'too-large'
  /** A sheet the workbook lists whose content is not in the file (where.sheet). */
  | 'missing-part'
  /** Cells whose text lives in a shared-strings part the file lacks. */
  | 'missing-shared-strings'
  /** Two entries of one part name in the zip (where.part). */
  | 'duplicate-part';

/** What Excel asks when it opens a damaged file, and what to answer: the way to a file we can read. */
const REPAIR_VI =
  'hãy mở tệp bằng Excel, chọn "Có" khi Excel hỏi có khôi phục nội dung không, lưu lại rồi kiểm tra lại.';
const REPAIR_EN =
  'open it in Excel, answer "Yes" when Excel offers to recover the content, save it and check it again.';

/**
 * The one line saying why a file cannot be read. `file` is the file as the user named it ("" for a buffer);
 * `shown` is what the line starts with (the CLI passes the path's basename), null for "Tệp" / "The file".
 */
export function readErrorText(
  code: WorkbookReadErrorCode,
  file: string,
  shown: string | null,
  detail: ReadDetail,
  lang: Lang,
  where: ReadWhere = {},
): string {
  const name = shown ?? (lang === 'vi' ? 'Tệp' : 'The file');
  const vi = lang === 'vi';
  const sheet = where.sheet === undefined ? '' : oneLine(where.sheet);
  switch (detail) {
    case 'empty':
      return vi
        ? `${name}: tệp rỗng (0 byte), không có gì để kiểm tra; hãy chọn lại đúng tệp (có thể tệp chưa được lưu hoặc chưa tải về xong).`
        : `${name}: the file is empty (0 bytes), nothing to check; choose the right file again (it may not have been saved, or not finished downloading).`;
    case 'xls-or-encrypted':
      return vi
        ? `${name}: tệp Excel cũ (.xls) hoặc có mật khẩu; hãy mở bằng Excel, bỏ mật khẩu và lưu lại dạng .xlsx.`
        : `${name}: an old Excel (.xls) or password-protected file; open it in Excel, remove the password and save as .xlsx.`;
    case 'directory':
      return vi ? `${name}: là thư mục, không phải tệp .xlsx.` : `${name}: is a folder, not an .xlsx file.`;
    case 'not-regular':
      return vi
        ? `${name}: không phải tệp thông thường (là ống dẫn FIFO, thiết bị hoặc socket), không đọc; hãy chỉ tới tệp .xlsx.`
        : `${name}: not a regular file (a FIFO, a device or a socket), not read; name an .xlsx file.`;
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
        ? `${name}: không có trang tính (sheet) nào; hãy xem đã chọn đúng tệp phụ lục chưa, hoặc mở tệp bằng Excel rồi lưu lại thành .xlsx.`
        : `${name}: contains no worksheet; check that this is the appendix file, or open it in Excel and save it as .xlsx.`;
    case 'too-large':
      if (!sheet)
        return vi
          ? `${name}: tệp quá lớn, không kiểm tra được.`
          : `${name}: the file is too large to be checked.`;
      if (where.limit === 'text')
        return vi
          ? `${name}: trang tính "${sheet}" quá lớn, không kiểm tra được: chữ trong các ô dài quá ${TEXT_BOUND_VI} ký tự (tới ô ${where.cell ?? '?'}), thường do một ô rất dài được chép ra nhiều ô; hãy xóa bớt nội dung thừa rồi lưu lại.`
          : `${name}: sheet "${sheet}" is too large to be checked: its cells' text runs past ${TEXT_BOUND_EN} characters (at cell ${where.cell ?? '?'}), usually one very long text repeated in many cells; delete the surplus text and save it again.`;
      if (where.cell)
        return vi
          ? `${name}: trang tính "${sheet}" quá lớn, không kiểm tra được: có ô được dùng tới tận ${where.cell}; hãy xóa các hàng, cột thừa ở xa bảng rồi lưu lại.`
          : `${name}: sheet "${sheet}" is too large to be checked: cells are used as far as ${where.cell}; delete the stray rows and columns far from the table and save it again.`;
      if (where.merge)
        return vi
          ? `${name}: trang tính "${sheet}" quá lớn, không kiểm tra được: các vùng gộp ô quá lớn hoặc quá nhiều (như ${where.merge}); hãy bỏ gộp các vùng thừa rồi lưu lại.`
          : `${name}: sheet "${sheet}" is too large to be checked: its merged ranges are too large or too many (such as ${where.merge}); unmerge the stray ones and save it again.`;
      return vi
        ? `${name}: trang tính "${sheet}" quá lớn, không kiểm tra được.`
        : `${name}: sheet "${sheet}" is too large to be checked.`;
    case 'missing-part':
      return vi
        ? `${name}: tệp bị hỏng, thiếu nội dung của trang tính "${sheet}"; ${REPAIR_VI}`
        : `${name}: the file is damaged, the content of sheet "${sheet}" is missing; ${REPAIR_EN}`;
    case 'missing-shared-strings':
      return vi
        ? `${name}: tệp bị hỏng, thiếu phần chứa chữ của các ô (sharedStrings.xml); ${REPAIR_VI}`
        : `${name}: the file is damaged, the part that holds the cells' text (sharedStrings.xml) is missing; ${REPAIR_EN}`;
    case 'duplicate-part':
      return vi
        ? `${name}: tệp bị hỏng: có hai phần cùng tên ${oneLine(where.part ?? '')} bên trong, mỗi chương trình có thể thấy một nội dung khác; ${REPAIR_VI}`
        : `${name}: the file is damaged: it holds two parts named ${oneLine(where.part ?? '')}, which programs may read differently; ${REPAIR_EN}`;
    case 'none':
      break;
  }
  switch (code) {
    case 'not-found':
      return vi ? `${name}: không tìm thấy tệp (${file}).` : `${name}: file not found (${file}).`;
    case 'not-xlsx':
      // The page and the command line also take .csv: say so, and how to get an .xlsx from what it is.
      return vi
        ? `${name}: không phải tệp Excel .xlsx hay .csv; hãy mở tệp bằng Excel hoặc LibreOffice Calc rồi lưu lại thành .xlsx.`
        : `${name}: not an Excel .xlsx or .csv file; open it in Excel or LibreOffice Calc and save it as .xlsx.`;
    case 'unreadable':
      return vi
        ? `${name}: tệp .xlsx bị hỏng hoặc không đọc được; hãy mở tệp bằng Excel và lưu một bản sao (Tệp > Lưu thành), rồi kiểm tra bản sao đó.`
        : `${name}: the .xlsx file is damaged or cannot be read; open it in Excel and save a copy (File > Save As), then check that copy.`;
  }
}

/**
 * A sheet name inside a one-line message: line breaks become spaces and a long name is cut. Other control
 * characters are left to the terminal's escaping (visible.ts), as for cell text.
 */
function oneLine(text: string): string {
  const flat = text.replace(/[\r\n\v\f\u0085\u2028\u2029]+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 60)}…` : flat;
}

/** The reader's codes as the user's reasons. */
export const READ_ERRORS: Record<XlsxErrorCode, [WorkbookReadErrorCode, ReadDetail]> = {
  empty: ['not-xlsx', 'empty'],
  'xls-or-encrypted': ['not-xlsx', 'xls-or-encrypted'],
  'not-zip': ['not-xlsx', 'none'],
  ods: ['not-xlsx', 'ods'],
  // A zip that is not a workbook (.docx, .zip) and a workbook of chart sheets only: nothing to check either way.
  'not-workbook': ['not-xlsx', 'no-worksheet'],
  'no-worksheet': ['not-xlsx', 'no-worksheet'],
  unreadable: ['unreadable', 'none'],
  'too-large': ['unreadable', 'too-large'],
  'missing-part': ['unreadable', 'missing-part'],
  'missing-shared-strings': ['unreadable', 'missing-shared-strings'],
  'duplicate-part': ['unreadable', 'duplicate-part'],
};

/** What of the reader's error a message may name: every host passes the same fields. */
export function readWhereOf(e: XlsxError): ReadWhere {
  const { sheet, cell, merge, part, limit } = e.where;
  return { sheet, cell, merge, part, limit };
}
