/**
 * The web page's words: its own controls (the file, the sheet picker, the download, the row preview), and its
 * wording of a few pane keys, since here highlights go into a downloaded copy and templates are downloaded.
 */
import type { Lang } from '../index';
import { wordsOf } from '../text/fill';
import type { HostWords } from './pane';

export const HOST_WORDS: HostWords = {
  vi: {
    highlightLabel: 'Đánh dấu trong bản tải về',
    summaryHighlighted: 'Đã đánh dấu trong bản đã kiểm tra.',
    resultsEmpty: 'Chưa kiểm tra. Chọn tệp .xlsx hoặc .csv: cả tệp được kiểm tra ngay.',
    checkButton: 'Kiểm tra trang đã chọn',
    selectCellHint: 'Bấm vào một mục để xem dòng đó của trang tính.',
    templateIntro: 'Tải phụ lục mẫu về thành một tệp .xlsx mới.',
    insertButton: 'Tải mẫu',
    busyTemplate: 'Đang tạo tệp mẫu…',
    templateCreated: 'Đã tải về {names}.',
    clearActive: 'Trang tính đang chọn',
    itemsOmitted: '… và {n} mục nữa: bản đã kiểm tra (trang "Kết quả kiểm tra") có đủ.',
    kpisOmitted: '… và {n} chỉ tiêu nữa: bản đã kiểm tra (trang "Kết quả kiểm tra") có đủ.',
  },
  en: {
    highlightLabel: 'Highlight in the downloaded copy',
    summaryHighlighted: 'Highlighted in the checked copy.',
    resultsEmpty: 'Not checked yet. Choose an .xlsx or .csv file: the whole workbook is checked at once.',
    checkButton: 'Check the chosen sheet only',
    selectCellHint: 'Press an item to see its row of the sheet.',
    templateIntro: 'Download a standard appendix as a new .xlsx file.',
    insertButton: 'Download template',
    busyTemplate: 'Making the template file…',
    templateCreated: 'Downloaded {names}.',
    clearActive: 'Chosen sheet',
    itemsOmitted: '… and {n} more: the checked copy (sheet "Check results") has them all.',
    kpisOmitted:
      '… and {n} more {n, plural, one {indicator} other {indicators}}: the checked copy (sheet "Check results") has them all.',
  },
};

const VI = {
  fileHeading: 'Tệp cần kiểm tra',
  fileIntro: 'Tệp được đọc và kiểm tra ngay trên máy này, trong trình duyệt; không gửi đi đâu cả.',
  pickFile: 'Chọn tệp .xlsx hoặc .csv',
  dropHint: 'hoặc kéo thả tệp vào đây',
  sheetLabel: 'Trang tính cần kiểm tra',
  kindTasks: '{name} (bảng nhiệm vụ)',
  kindKpis: '{name} (bảng chỉ tiêu)',
  kindNone: '{name} (không có bảng)',
  loaded: 'Đã đọc {file}: {sheets} trang tính, {tables} bảng.',
  loading: 'Đang tải {file}… {pct}%',
  reading: 'Đang đọc các trang tính của {file}… {s} giây',
  scanning: 'Đang tìm bảng trong {file}…',
  downloadCopy: 'Tải bản đã kiểm tra',
  downloadHint:
    'Bản sao của tệp, tô màu các ô có vấn đề, ghi chú ở từng ô và thêm trang "Kết quả kiểm tra"; tệp gốc không bị thay đổi.',
  downloadNeedsCheck: 'Bấm "Kiểm tra" (có đánh dấu) trước khi tải bản đã kiểm tra.',
  downloadCsv: 'Tệp .csv không giữ được màu: hãy lưu tệp thành .xlsx để tải bản có đánh dấu.',
  busyCopy: 'Đang tạo bản đã kiểm tra…',
  copyDone: 'Đã tải về {file}.',
  copyFailed: 'Không tạo được bản đã kiểm tra. Hãy tải lại trang, chọn lại tệp rồi thử lại.',
  previewHeading: 'Dòng {row} của trang "{sheet}", ô {cell}',
  previewClose: 'Đóng',
  previewMarked: 'ô được chọn',
  noFile: 'Chưa có tệp: hãy chọn tệp .xlsx hoặc .csv trước.',
  failed: 'Không thực hiện được do một lỗi bất ngờ. Hãy tải lại trang, chọn lại tệp rồi thử lại.',
  fileGone: 'Tệp không còn trong trang (trang đã khởi động lại phần đọc tệp): hãy chọn lại tệp.',
  stopTime:
    '{file}: tệp quá lớn hoặc bị hỏng: {step} quá {s} giây vẫn chưa xong nên trang đã dừng lại. {advice}',
  stopMemory: '{file}: tệp quá lớn hoặc bị hỏng: trình duyệt không đủ bộ nhớ để {step}. {advice}',
  stopCrash:
    '{file}: không {step} được: phần đọc tệp của trang dừng bất thường, có thể do tệp quá lớn hoặc bị hỏng. {advice}',
  stepRead: 'đọc tệp',
  stepCheck: 'kiểm tra tệp',
  stepCopy: 'tạo bản đã kiểm tra',
  stepRow: 'hiện dòng của trang tính',
  theFile: 'Tệp',
  // The checked copy's name: "<file>.da-kiem-tra.xlsx".
  checkedSuffix: 'da-kiem-tra',
  advice:
    'Hãy mở tệp bằng Excel, xóa các dòng, cột và vùng gộp ô thừa (nhất là ở xa bảng), lưu thành một bản sao (.xlsx) rồi chọn bản sao đó ở đây.',
} as const;

export type WebKey = keyof typeof VI;

const EN: Record<WebKey, string> = {
  fileHeading: 'File to check',
  fileIntro: 'The file is read and checked on this computer, in the browser; nothing is sent anywhere.',
  pickFile: 'Choose an .xlsx or .csv file',
  dropHint: 'or drop the file here',
  sheetLabel: 'Sheet to check',
  kindTasks: '{name} (task list)',
  kindKpis: '{name} (KPI table)',
  kindNone: '{name} (no table)',
  loaded:
    'Read {file}: {sheets, plural, one {# sheet} other {# sheets}}, {tables, plural, one {# table} other {# tables}}.',
  loading: 'Loading {file}… {pct}%',
  reading: 'Reading the sheets of {file}… {s} s',
  scanning: 'Looking for tables in {file}…',
  downloadCopy: 'Download checked copy',
  downloadHint:
    'A copy of the file with the cells concerned highlighted, a note on each and a "Check results" sheet; the original is not changed.',
  downloadNeedsCheck: 'Press "Check" (with highlighting) before downloading the checked copy.',
  downloadCsv: 'A .csv cannot hold colours: save the file as .xlsx to download a highlighted copy.',
  busyCopy: 'Making the checked copy…',
  copyDone: 'Downloaded {file}.',
  copyFailed: 'The checked copy could not be made. Reload the page, choose the file again and try again.',
  previewHeading: 'Row {row} of sheet "{sheet}", cell {cell}',
  previewClose: 'Close',
  previewMarked: 'chosen cell',
  noFile: 'No file yet: choose an .xlsx or .csv file first.',
  failed:
    'That did not work: something unexpected went wrong. Reload the page, choose the file again and try again.',
  fileGone: 'The file is no longer in the page (its file reader was restarted): choose the file again.',
  stopTime:
    '{file}: the file is too large or damaged: {step} took more than {s} s, so the page stopped it. {advice}',
  stopMemory:
    '{file}: the file is too large or damaged: the browser did not have enough memory for {step}. {advice}',
  stopCrash:
    '{file}: {step} failed: the page’s file reader stopped unexpectedly, perhaps because the file is too large or damaged. {advice}',
  stepRead: 'reading it',
  stepCheck: 'checking it',
  stepCopy: 'making the checked copy',
  stepRow: 'showing the row',
  theFile: 'The file',
  checkedSuffix: 'checked',
  advice:
    'Open it in Excel, delete the surplus rows, columns and merged ranges (especially those far from the table), save a copy (.xlsx) and choose that copy here.',
};

const WORDS: Record<Lang, Record<WebKey, string>> = { vi: VI, en: EN };

export const w = wordsOf(WORDS);

export function isWebKey(s: string): s is WebKey {
  return Object.prototype.hasOwnProperty.call(VI, s);
}

export const WEB_WORDS = WORDS;
