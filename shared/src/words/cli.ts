/**
 * The command line's words, in Vietnamese and English, side by side: the text report and the batch table
 * (cli/src/textReport.ts), the commands' errors and closing lines, the write errors, the progress line and the
 * help. Finding titles, statuses and messages are worded by the report's own catalogue (report/messages.ts), a
 * file that cannot be read by the reader's (xlsx/readMessages.ts), the summary workbook by summary/words.ts.
 * Placeholders are written {name}; a count's plural forms {n, plural, one {# error} other {# errors}}
 * (text/fill.ts). Text that only lines up output (indentation, " · " between parts, the final newline) stays
 * with the code that lays it out.
 */
import type { Lang } from '../index';
import { wordsOf, type FillParams } from '../text/fill';

const VI = {
  // The report of one file (validate --format text).
  reportFile: 'Tệp: {file}   tính đến ngày {asOf}',
  lateCheck: 'Lưu ý: kế hoạch năm {year}, đánh giá đến ngày {asOf}.',
  sheetNoTable: 'Trang "{sheet}": không có bảng nhiệm vụ hay chỉ tiêu',
  sheetTaskList: 'Trang "{sheet}": bảng nhiệm vụ năm {year}, dòng tiêu đề {row}',
  sheetKpiTable: 'Trang "{sheet}": bảng chỉ tiêu năm {year}, dòng tiêu đề {row}',
  kpiHeading: 'Mức đạt chỉ tiêu',
  kpiColNo: 'STT',
  kpiColIndicator: 'Chỉ tiêu',
  kpiColTarget: 'Mục tiêu',
  kpiColResult: 'Kết quả',
  kpiColStatus: 'Đánh giá',
  areaHeading: 'Theo lĩnh vực',
  areaColArea: 'Lĩnh vực',
  areaColGroup: 'Nhóm',
  areaColName: 'Tên',
  areaColTasks: 'Nhiệm vụ',
  areaColDone: 'Hoàn thành',
  areaColOverdue: 'Quá hạn',
  areaColKpis: 'Chỉ tiêu',
  areaTaskTotal: 'Tổng: {n} nhiệm vụ',
  areaKpiTotal: 'Tổng: {n} chỉ tiêu',
  conclusion: 'Kết luận: {parts}.',
  conclusionErrors: '{n} lỗi cần sửa',
  conclusionNoErrors: 'không có lỗi',
  conclusionMissed: '{n} chỉ tiêu chưa đạt',
  conclusionOverdue: '{n} nhiệm vụ quá hạn',

  // One line per file (several files, or --format summary).
  batchHeading: 'Tổng hợp ({n} tệp):',
  batchColFile: 'Tệp',
  batchColErrors: 'Lỗi',
  batchColWarnings: 'Cảnh báo',
  batchColOverdue: 'Nhiệm vụ quá hạn',
  batchColMissed: 'Chỉ tiêu chưa đạt',
  batchColResult: 'Kết luận',
  batchUnreadable: 'Không đọc được',
  batchNoErrors: 'Không có lỗi',
  batchErrors: 'Có lỗi',
  batchNoTable: 'Không có bảng',
  batchTotals:
    'Không có lỗi: {valid}/{files} tệp đọc được · Lỗi: {errors} · Cảnh báo: {warnings} · ' +
    'Nhiệm vụ quá hạn: {overdue}/{tasks} · Chỉ tiêu chưa đạt: {missed}/{kpis}',
  batchTotalsUnreadable: 'Không đọc được: {n}',

  // The command line as written: commands, options and their values.
  unknownCommand: 'Lệnh không rõ: {command}',
  unknownOption: 'Tùy chọn không rõ: {option} (xem "{help}")',
  optionNeedsValue: 'Thiếu giá trị sau {option} (xem "{help}")',
  invalidOption: 'Tùy chọn không hợp lệ: {detail} (xem "cchc help")',
  couldNotFinish: 'Không thực hiện được: {detail}',
  langValues: '--lang nhận vi hoặc en',
  invalidYear: 'Năm không hợp lệ: {year}',
  invalidDate: 'Ngày không hợp lệ: {date} (dùng YYYY-MM-DD hoặc dd/mm/yyyy)',
  periodOrAsOf: 'Chọn một trong hai: --period (ngày chốt số liệu của kỳ) hoặc --as-of (một ngày).',
  invalidPeriod: 'Kỳ báo cáo không hợp lệ: {period} (q1, h1, q3, year)',
  cutoffsFormat: '--cutoffs dạng q1=09/03,h1=09/06,q3=09/09,year=09/12',

  // validate.
  nameFileToCheck: 'Cần tên tệp .xlsx cần kiểm tra.',
  formatValues: '--format nhận text, json hoặc summary',
  outOneFileOnly: '--out chỉ dùng với một tệp.',
  outNotCsv:
    '--out ghi bản sao .xlsx có đánh dấu: tệp .csv không giữ được màu; hãy lưu tệp thành .xlsx trước.',
  outIsInput: 'Không ghi đè tệp gốc: chọn tên khác cho --out.',
  highlightedCopy: 'Bản đã đánh dấu: {file}',
  jsonTooLarge:
    '{file}: báo cáo quá lớn để ghi ra JSON, đã bỏ khỏi kết quả; hãy xem bằng --format text hoặc --format summary.',
  copyIsInput: 'Không ghi đè tệp gốc {file}: chọn tên khác cho bản đã đánh dấu.',
  couldNotCheck: '{file}: không kiểm tra được ({detail}).',

  // template.
  chooseTemplate: 'Chọn mẫu: tasks, kpis, units hoặc all.',
  nameTemplateFile: 'Cần tên tệp sẽ tạo: -o tệp.xlsx',
  created: 'Đã tạo {file}',

  // demo.
  demoDone:
    'Đã chạy xong bản mẫu. Mở {file} để xem các ô được đánh dấu (bản mẫu cố ý có lỗi: lệnh "cchc validate" trả mã thoát {code} với tệp này; bản chạy thử vẫn kết thúc với mã 0).',

  // summary.
  nameWardFiles: 'Cần tệp hoặc thư mục các tệp của đơn vị.',
  nameSummaryFile: 'Cần tên tệp tổng hợp: --out tong-hop.xlsx',
  outWritesXlsx: '--out ghi tệp .xlsx',
  htmlWritesHtml: '--html ghi tệp .html',
  outAndHtmlDiffer: '--out và --html phải là hai tệp khác nhau.',
  outputIsInput: 'Không ghi đè tệp đầu vào: chọn tên khác cho {file}.',
  outputIsWardFile:
    '{file} là một tệp của đơn vị trong thư mục đang tổng hợp: không ghi đè; chọn tên khác hoặc ghi ra thư mục khác.',
  noInputFiles: 'Không có tệp .xlsx hoặc .csv nào trong các thư mục đã cho.',
  folderUnreadable:
    '{folder}: không đọc được thư mục (không có quyền?); các tệp trong đó không được tổng hợp.',
  summaryOfCchc: '{file}: tệp tổng hợp do cchc ghi, không phải tệp của đơn vị; bỏ qua.',
  nothingRead: 'Không đọc được tệp nào: không ghi tệp tổng hợp.',
  summarised: 'Đã tổng hợp {read}/{files} tệp của {units} đơn vị.',
  summarisedSomeUnreadable:
    'Đã tổng hợp {read}/{files} tệp của {units} đơn vị; {unreadable} tệp không đọc được.',
  summaryCounts:
    'Nhiệm vụ: {tasks}, hoàn thành {done}, quá hạn {overdue}. Chỉ tiêu: đạt {met}, không đạt {missed}, ' +
    'chưa có số liệu {noData}; tỷ lệ đạt {rate}.',
  summaryErrors: 'Lỗi: {errors} ở {files} tệp; cảnh báo: {warnings}.',
  unitsSentTwice: 'Đơn vị gửi nhiều tệp (đều được tính): {units}.',
  written: 'Đã ghi: {files}',

  // Files the command writes (--out, --html, template -o).
  outIsFolder: '{file} là thư mục; hãy ghi cả tên tệp, ví dụ {folder}/ket-qua.xlsx.',
  outNotRegularFile: '{file} không phải là một tệp thông thường; hãy ghi ra một tệp .xlsx.',
  outExists: 'Tệp {file} đã có; thêm --force để ghi đè.',
  outNoFolder: 'Không có thư mục {folder} để ghi {file}.',
  writeAppeared: 'Tệp {file} vừa được tạo; thêm --force để ghi đè.',
  writeNoPermission: 'Không có quyền ghi {file}.',
  writeDiskFull: 'Đĩa đã đầy, không ghi được {file}.',
  writeBusy: '{file} đang mở trong chương trình khác; hãy đóng tệp rồi chạy lại.',
  writeFailed: 'Không ghi được {file}.',

  // A file its worker could not finish, and the progress line of a long batch.
  limitMemory:
    '{file}: tệp quá lớn hoặc có vùng gộp ô bất thường (vượt giới hạn bộ nhớ khi đọc); hãy mở tệp, xóa các dòng, cột và vùng gộp ô thừa rồi lưu lại.',
  limitTime:
    '{file}: tệp quá lớn hoặc có vùng gộp ô bất thường (đọc quá thời gian cho phép); hãy mở tệp, xóa các dòng, cột và vùng gộp ô thừa rồi lưu lại.',
  limitCrash: '{file}: không kiểm tra được tệp này (chương trình đọc tệp dừng bất thường).',
  progressRead: 'Đã đọc {done}/{total} tệp',
  progressLeft: 'còn khoảng {seconds} giây',

  // Help: cchc help, and each command's --help.
  usage: `Cách dùng:
  cchc validate <tệp.xlsx> [tệp khác …] [--year Y] [--as-of YYYY-MM-DD] [--period q1|h1|q3|year]
                [--cutoffs q1=dd/mm,…] [--lang vi|en] [--format text|json|summary] [--out bản-đã-đánh-dấu.xlsx] [--force]
  cchc template tasks|kpis|units|all -o tệp.xlsx [--year Y] [--unit "Phường 5"] [--doc "36/KH-UBND ngày 12/02/2026"]
                [--lang vi|en] [--examples] [--force]
  cchc summary  <tệp hoặc thư mục …> --out tong-hop.xlsx [--html tong-hop.html] [--as-of …|--period …] [--lang vi|en]
                tổng hợp tệp của nhiều đơn vị (xem "cchc summary --help")
  cchc demo     kiểm tra phụ lục mẫu kèm theo và ghi bản đã đánh dấu vào out/
  cchc --version (-V)
                in phiên bản đang dùng: {product} {version}
Mã thoát: 0 không có lỗi, 1 có lỗi, 2 không đọc được tệp.
`,
  usageValidate: `Cách dùng: cchc validate <tệp.xlsx> [tệp khác …] [tùy chọn]
Kiểm tra bảng nhiệm vụ và bảng chỉ tiêu của từng tệp; đường dẫn tính từ thư mục đang đứng.
  --as-of YYYY-MM-DD     đánh giá đến ngày đó (cũng nhận dd/mm/yyyy); mặc định hôm nay
  --period q1|h1|q3|year đánh giá đến ngày chốt số liệu của kỳ (14/3, 14/6, 14/9, 14/12); không dùng cùng --as-of
  --cutoffs q1=09/03,…   ngày chốt số liệu riêng của kế hoạch
  --year Y               năm kế hoạch; mặc định đọc từ tiêu đề bảng
  --lang vi|en           ngôn ngữ của báo cáo
  --format text|json|summary   cho người đọc; JSON; một dòng mỗi tệp
  --out bản.xlsx         ghi thêm bản sao có đánh dấu (một tệp); --force để ghi đè tệp đã có
Mã thoát: 0 không có lỗi, 1 có lỗi, 2 không đọc được tệp hoặc lệnh sai.
`,
  usageSummary: `Cách dùng: cchc summary <tệp hoặc thư mục …> --out tong-hop.xlsx [--html tong-hop.html] [tùy chọn]
Tổng hợp tệp phụ lục của nhiều đơn vị (cấp tỉnh): mỗi thư mục được đọc cả các thư mục con, lấy các tệp .xlsx và
.csv (bỏ qua tệp ẩn và tệp tạm ~$…). Tệp không đọc được có một dòng lý do, các tệp khác vẫn được tổng hợp; tệp gốc
không bị thay đổi. Đọc song song trên mọi nhân của máy.
  -o, --out tong-hop.xlsx  bảng tổng hợp: Tổng hợp, Theo chỉ tiêu, Theo lĩnh vực, Lỗi (in A4 ngang)
  --html tong-hop.html     báo cáo một trang có biểu đồ, mở bằng trình duyệt và in được
  --as-of YYYY-MM-DD     đánh giá đến ngày đó; --period q1|h1|q3|year: đến ngày chốt số liệu của kỳ
  --cutoffs q1=09/03,…   ngày chốt số liệu riêng; --year Y: năm kế hoạch
  --lang vi|en           ngôn ngữ của bảng tổng hợp và báo cáo
  --force                ghi đè tệp tổng hợp đã có
Mã thoát: 0 đọc được mọi tệp và không có lỗi, 1 có lỗi hoặc có tệp không đọc được, 2 không đọc được tệp nào hoặc
không ghi được tệp tổng hợp.
`,
  usageTemplate: `Cách dùng: cchc template tasks|kpis|units|all -o tệp.xlsx [tùy chọn]
Tạo phụ lục mẫu trống; không ghi đè tệp đã có.
  -o, --out tệp.xlsx     tệp sẽ tạo; --force để ghi đè
  --year Y               năm kế hoạch; mặc định năm nay
  --unit "Phường 5"      tên đơn vị
  --doc "36/KH-UBND ngày 12/02/2026"   số, ngày kế hoạch
  --examples             điền chỉ tiêu mẫu lấy từ các kế hoạch thật
  --lang vi|en           ngôn ngữ của mẫu
`,
} as const;

export type CliKey = keyof typeof VI;

const EN: Record<CliKey, string> = {
  // The report of one file (validate --format text).
  reportFile: 'File: {file}   as of {asOf}',
  lateCheck: 'Note: a plan for {year}, judged as of {asOf}.',
  sheetNoTable: 'Sheet "{sheet}": no task list or KPI table',
  sheetTaskList: 'Sheet "{sheet}": task list for {year}, header row {row}',
  sheetKpiTable: 'Sheet "{sheet}": KPI table for {year}, header row {row}',
  kpiHeading: 'KPI attainment',
  kpiColNo: 'No.',
  kpiColIndicator: 'Indicator',
  kpiColTarget: 'Target',
  kpiColResult: 'Result',
  kpiColStatus: 'Status',
  areaHeading: 'By area',
  areaColArea: 'Area',
  areaColGroup: 'Group',
  areaColName: 'Name',
  areaColTasks: 'Tasks',
  areaColDone: 'Done',
  areaColOverdue: 'Overdue',
  areaColKpis: 'KPIs',
  areaTaskTotal: 'Total: {n, plural, one {# task} other {# tasks}}',
  areaKpiTotal: 'Total: {n, plural, one {# KPI} other {# KPIs}}',
  conclusion: 'Result: {parts}.',
  conclusionErrors: '{n, plural, one {# error to fix} other {# errors to fix}}',
  conclusionNoErrors: 'no errors',
  conclusionMissed: '{n, plural, one {# target missed} other {# targets missed}}',
  conclusionOverdue: '{n, plural, one {# task overdue} other {# tasks overdue}}',

  // One line per file (several files, or --format summary).
  batchHeading: 'Summary ({n, plural, one {# file} other {# files}}):',
  batchColFile: 'File',
  batchColErrors: 'Errors',
  batchColWarnings: 'Warnings',
  batchColOverdue: 'Tasks overdue',
  batchColMissed: 'KPIs missed',
  batchColResult: 'Result',
  batchUnreadable: 'Unreadable',
  batchNoErrors: 'No errors',
  batchErrors: 'Errors',
  batchNoTable: 'No table',
  batchTotals:
    'No errors: {valid}/{files} readable files · Errors: {errors} · Warnings: {warnings} · ' +
    'Tasks overdue: {overdue}/{tasks} · KPIs missed: {missed}/{kpis}',
  batchTotalsUnreadable: 'Unreadable: {n}',

  // The command line as written: commands, options and their values.
  unknownCommand: 'Unknown command: {command}',
  unknownOption: 'Unknown option: {option} (see "{help}")',
  optionNeedsValue: '{option} needs a value (see "{help}")',
  invalidOption: 'Invalid option: {detail} (see "cchc help")',
  couldNotFinish: 'Could not finish: {detail}',
  langValues: '--lang takes vi or en',
  invalidYear: 'Invalid year: {year}',
  invalidDate: 'Invalid date: {date} (use YYYY-MM-DD or dd/mm/yyyy)',
  periodOrAsOf: 'Choose one: --period (the period’s cut-off) or --as-of (a date).',
  invalidPeriod: 'Invalid period: {period} (q1, h1, q3, year)',
  cutoffsFormat: '--cutoffs looks like q1=09/03,h1=09/06,q3=09/09,year=09/12',

  // validate.
  nameFileToCheck: 'Name the .xlsx file to check.',
  formatValues: '--format takes text, json or summary',
  outOneFileOnly: '--out works with one file only.',
  outNotCsv:
    '--out writes a highlighted .xlsx copy: a .csv cannot hold colours; save the file as .xlsx first.',
  outIsInput: 'The input is never overwritten: choose another --out name.',
  highlightedCopy: 'Highlighted copy: {file}',
  jsonTooLarge:
    '{file}: the report is too large to be written as JSON and was left out; see it with --format text or --format summary.',
  copyIsInput: 'The input {file} is never overwritten: choose another name for the copy.',
  couldNotCheck: '{file}: could not be checked ({detail}).',

  // template.
  chooseTemplate: 'Choose a template: tasks, kpis, units or all.',
  nameTemplateFile: 'Name the file to create: -o file.xlsx',
  created: 'Created {file}',

  // demo.
  demoDone:
    'Demo done. Open {file} to see the highlighted cells (the sample has deliberate errors: "cchc validate" exits with {code} on it; the demo itself ends with 0).',

  // summary.
  nameWardFiles: 'Name the ward files or the folder holding them.',
  nameSummaryFile: 'Name the summary: --out summary.xlsx',
  outWritesXlsx: '--out writes an .xlsx file',
  htmlWritesHtml: '--html writes an .html file',
  outAndHtmlDiffer: '--out and --html must be two files.',
  outputIsInput: 'An input is never overwritten: choose another name than {file}.',
  outputIsWardFile:
    "{file} is a ward's file in a folder being summarised: it is never overwritten; choose another name or folder.",
  noInputFiles: 'There is no .xlsx or .csv file in the folders given.',
  folderUnreadable: '{folder}: the folder cannot be read (no permission?); its files are not in the summary.',
  summaryOfCchc: "{file}: a summary written by cchc, not a ward's file; left out.",
  nothingRead: 'No file could be read: no summary was written.',
  summarised:
    'Summarised {read}/{files, plural, one {# file} other {# files}} from {units, plural, one {# unit} other {# units}}.',
  summarisedSomeUnreadable:
    'Summarised {read}/{files, plural, one {# file} other {# files}} from {units, plural, one {# unit} other {# units}}; {unreadable} could not be read.',
  summaryCounts:
    'Tasks: {tasks}, done {done}, overdue {overdue}. Indicators: met {met}, missed {missed}, ' +
    'no data {noData}; attainment {rate}.',
  summaryErrors: 'Errors: {errors} in {files, plural, one {# file} other {# files}}; warnings: {warnings}.',
  unitsSentTwice: 'Units that sent more than one file (all counted): {units}.',
  written: 'Written: {files}',

  // Files the command writes (--out, --html, template -o).
  outIsFolder: '{file} is a folder; name the file too, e.g. {folder}/result.xlsx.',
  outNotRegularFile: '{file} is not a regular file; write to a file.',
  outExists: '{file} exists; add --force to overwrite it.',
  outNoFolder: 'There is no folder {folder} to write {file} in.',
  writeAppeared: '{file} appeared meanwhile; add --force to overwrite it.',
  writeNoPermission: 'No permission to write {file}.',
  writeDiskFull: 'The disk is full; {file} was not written.',
  writeBusy: '{file} is open in another program; close it and run again.',
  writeFailed: 'Could not write {file}.',

  // A file its worker could not finish, and the progress line of a long batch.
  limitMemory:
    '{file}: the file is too large or has an abnormal merged range (it exceeded the memory limit while being read); open it, delete the surplus rows, columns and merges, and save it again.',
  limitTime:
    '{file}: the file is too large or has an abnormal merged range (reading it took too long); open it, delete the surplus rows, columns and merges, and save it again.',
  limitCrash: '{file}: this file could not be checked (the reader stopped unexpectedly).',
  progressRead: 'Read {done}/{total} files',
  progressLeft: 'about {seconds} s left',

  // Help: cchc help, and each command's --help.
  usage: `Usage:
  cchc validate <file.xlsx> [more files …] [--year Y] [--as-of YYYY-MM-DD] [--period q1|h1|q3|year]
                [--cutoffs q1=dd/mm,…] [--lang vi|en] [--format text|json|summary] [--out checked.xlsx] [--force]
  cchc template tasks|kpis|units|all -o file.xlsx [--year Y] [--unit "Ward 5"] [--doc "36/KH-UBND of 12/02/2026"]
                [--lang vi|en] [--examples] [--force]
  cchc summary  <files or folders …> --out summary.xlsx [--html summary.html] [--as-of …|--period …] [--lang vi|en]
                consolidates many units' files (see "cchc summary --help")
  cchc demo     checks the bundled sample appendix and writes a highlighted copy to out/
  cchc --version (-V)
                prints the version in use: {product} {version}
Exit codes: 0 no errors, 1 errors found, 2 the file cannot be read.
`,
  usageValidate: `Usage: cchc validate <file.xlsx> [more files …] [options]
Checks the task lists and KPI tables of each file; paths are taken from the folder you are in.
  --as-of YYYY-MM-DD     judge as of that day (dd/mm/yyyy also accepted); default today
  --period q1|h1|q3|year judge as of the period's data cut-off (14/3, 14/6, 14/9, 14/12); not with --as-of
  --cutoffs q1=09/03,…   a plan's own cut-off dates
  --year Y               plan year; by default read from the table's title
  --lang vi|en           language of the report
  --format text|json|summary   for people; JSON; one line per file
  --out copy.xlsx        also write a highlighted copy (one file); --force to replace an existing one
Exit codes: 0 no errors, 1 errors found, 2 a file cannot be read or the command is wrong.
`,
  usageSummary: `Usage: cchc summary <files or folders …> --out summary.xlsx [--html summary.html] [options]
Consolidates many units' appendix files (province level): folders are read with their subfolders for .xlsx and
.csv files (hidden and ~$… temporary files skipped). A file that cannot be read gets one line saying why and the
rest is summarised; the input files are never changed. Files are read in parallel on every core.
  -o, --out summary.xlsx   the summary workbook: Summary, By indicator, By area, Errors (prints on A4 landscape)
  --html summary.html      a one-page report with charts, to open in a browser and print
  --as-of YYYY-MM-DD     judge as of that day; --period q1|h1|q3|year: as of the period's data cut-off
  --cutoffs q1=09/03,…   a plan's own cut-off dates; --year Y: plan year
  --lang vi|en           language of the workbook and the report
  --force                replace an existing summary
Exit codes: 0 every file read and no errors, 1 errors or files that cannot be read, 2 no file could be read or the
summary cannot be written.
`,
  usageTemplate: `Usage: cchc template tasks|kpis|units|all -o file.xlsx [options]
Creates a blank standard appendix; never overwrites an existing file.
  -o, --out file.xlsx    the file to create; --force to replace it
  --year Y               plan year; default this year
  --unit "Ward 5"        the unit's name
  --doc "36/KH-UBND of 12/02/2026"   the plan's number and date
  --examples             fill in example targets taken from real plans
  --lang vi|en           language of the template
`,
};

export const CLI_WORDS: Record<Lang, Record<CliKey, string>> = { vi: VI, en: EN };

/** The command line's text for `key` in `lang`, placeholders filled. */
export const cliText = wordsOf(CLI_WORDS);

/** cliText with the language bound: what each command and report section words its lines with. */
export function cliWords(lang: Lang): (key: CliKey, params?: FillParams) => string {
  return (key, params) => cliText(lang, key, params);
}
