import { basename, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Lang, Report } from '../../shared/src/index';
import { PRODUCT, VERSION } from '../../shared/src/version';
import { defaultIo, EXIT, type Io } from './io';
import { renderBatchSummary, renderText, type BatchEntry } from './textReport';
import { WorkbookReadError } from './xlsx/readWorkbook';
import { runFiles } from './batch/runFiles';
import type { FileJob } from './batch/job';
import { runDemo } from './demo';
import { writeJsonItems } from './jsonStream';
import { summaryCommand } from './summary/command';
import { oneLine, visible } from './visible';
import { OutPathError, checkOutPath, sameFile, tempPathFor, writeWhole } from './outPath';
import { trackTemp, untrackTemp } from './tempFiles';
import { buildTemplate } from '../../shared/src/templates/build';
import { templateKinds, templateParamsFromForm, type TemplateChoice } from '../../shared/src/hosts/checkForm';
import { renderWorkbook } from './templates/renderWorkbook';
import {
  argLang,
  baseDir,
  checkOptionsFrom,
  commonFolder,
  langOption,
  parseCommand,
  say,
  UsageError,
  wantsHelp,
  type Command,
} from './args';

export { EXIT, type Io } from './io';

export async function main(argv: string[], given: Io = defaultIo): Promise<number> {
  // Everything printed passes through visible(): cell text can hold terminal escape sequences.
  const io: Io = { ...given, out: (s) => given.out(visible(s)), err: (s) => given.err(visible(s)) };
  const [command, ...rest] = argv;
  const lang: Lang = argv.includes('--lang') && argv[argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'vi';
  try {
    switch (command) {
      case 'validate':
        return await validate(rest, io);
      case 'demo':
        return await runDemo(rest, io, validate);
      case 'template':
        return await template(rest, io);
      case 'summary':
        return await summaryCommand(rest, io, (l) => usage(l, 'summary'));
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(usage(lang));
        return EXIT.ok;
      // One line, the same in both languages, for a province to ask which build a ward ran.
      case '--version':
      case '-V':
        io.out(`${PRODUCT} ${VERSION}\n`);
        return EXIT.ok;
      default:
        io.err(say(lang, `Lệnh không rõ: ${command}`, `Unknown command: ${command}`) + '\n' + usage(lang));
        return EXIT.unusable;
    }
  } catch (e) {
    // One clear line for the user, never a stack trace.
    io.err(errorLine(e, lang) + '\n');
    return EXIT.unusable;
  }
}

async function validate(args: string[], io: Io): Promise<number> {
  const lang0 = argLang(args);
  if (wantsHelp(args)) {
    io.out(usage(lang0, 'validate'));
    return EXIT.ok;
  }
  const parsed = parseCommand('validate', lang0, () =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        year: { type: 'string' },
        'as-of': { type: 'string' },
        period: { type: 'string' },
        cutoffs: { type: 'string' },
        lang: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean' },
      },
    }),
  );
  const values = parsed.values;
  const base = baseDir();
  // An empty argument (a script's unset variable) names no file; resolved, it would name the current folder.
  const positionals = parsed.positionals.filter((p) => p.trim() !== '').map((p) => resolve(base, p));
  const lang = langOption(values.lang);
  const t = (vi: string, en: string) => say(lang, vi, en);
  if (positionals.length === 0)
    throw new UsageError(t('Cần tên tệp .xlsx cần kiểm tra.', 'Name the .xlsx file to check.'));
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'summary')
    throw new UsageError(t('--format nhận text, json hoặc summary', '--format takes text, json or summary'));
  if (values.out !== undefined && positionals.length > 1) {
    throw new UsageError(t('--out chỉ dùng với một tệp.', '--out works with one file only.'));
  }

  const options = checkOptionsFrom(values, lang, io.today());
  const outPath = values.out === undefined ? undefined : resolve(base, values.out);
  if (outPath !== undefined && /\.csv$/i.test(positionals[0] ?? '')) {
    throw new UsageError(
      t(
        '--out ghi bản sao .xlsx có đánh dấu: tệp .csv không giữ được màu; hãy lưu tệp thành .xlsx trước.',
        '--out writes a highlighted .xlsx copy: a .csv cannot hold colours; save the file as .xlsx first.',
      ),
    );
  }
  if (outPath !== undefined) {
    // Also through a symbolic or hard link: the copy would be written over the very file being read.
    if (sameFile(outPath, positionals[0])) {
      throw new UsageError(
        t(
          'Không ghi đè tệp gốc: chọn tên khác cho --out.',
          'The input is never overwritten: choose another --out name.',
        ),
      );
    }
    checkOutPath(outPath, values.force ?? false, lang);
  }

  const reports: Report[] = [];
  const batch: BatchEntry[] = [];
  // Files are named by their path below the folder they share, so two wards' "phu-luc.xlsx" stay apart.
  const common = commonFolder(positionals);
  const shownName = (file: string) => relative(common, file) || basename(file);
  // The copy's temporary name is chosen here, where a signal is handled: the worker writing it may be stopped.
  const copy =
    outPath && values.out
      ? { path: outPath, arg: values.out, force: values.force ?? false, temp: tempPathFor(outPath) }
      : undefined;
  if (copy) trackTemp(copy.temp);
  const jobs: FileJob[] = positionals.map((path) => ({
    path,
    shown: shownName(path),
    options,
    want: 'report',
    copy,
  }));
  let code: number = EXIT.ok;
  // Each file is read, checked (and copied) in a worker; what it prints comes out in the order the files were named.
  await runFiles(jobs, io, (index, result) => {
    const shown = jobs[index].shown;
    if (!result.ok) {
      io.err(result.line + '\n');
      batch.push({ file: shown, unreadable: true });
      code = EXIT.unusable;
      return;
    }
    const report = result.report as Report;
    reports.push(report);
    batch.push({ file: shown, report });
    if (!report.valid && code === EXIT.ok) code = EXIT.findings;
    if (format === 'text')
      io.out(renderText(report, lang, io.width?.() ?? 80) + (positionals.length > 1 ? '\n' : ''));
    if (result.copyError !== undefined) {
      io.err(result.copyError + '\n');
      code = EXIT.unusable;
    } else if (copy && format === 'text')
      io.out(t(`Bản đã đánh dấu: ${copy.arg}\n`, `Highlighted copy: ${copy.arg}\n`));
  });
  if (copy) untrackTemp(copy.temp);
  // Streamed in pieces: one JavaScript string cannot hold the JSON of a million rows.
  if (format === 'json') {
    const single = positionals.length === 1;
    writeJsonItems(
      single ? [reports[0] ?? null] : reports,
      io.out,
      (i) => {
        io.err(jsonTooLargeLine(reports[i]?.file ?? '', lang) + '\n');
        code = EXIT.unusable;
      },
      single,
    );
  }
  // Many files: one line each at the end, so the office sees the whole batch at a glance.
  if (format === 'summary' || (format === 'text' && positionals.length > 1))
    io.out(renderBatchSummary(batch, lang));
  return code;
}

/** The line for a report whose JSON is more text than one string may hold (left out of the JSON). */
function jsonTooLargeLine(file: string, lang: Lang): string {
  return say(
    lang,
    `${oneLine(file)}: báo cáo quá lớn để ghi ra JSON, đã bỏ khỏi kết quả; hãy xem bằng --format text hoặc --format summary.`,
    `${oneLine(file)}: the report is too large to be written as JSON and was left out; see it with --format text or --format summary.`,
  );
}

async function template(args: string[], io: Io): Promise<number> {
  const lang0 = argLang(args);
  if (wantsHelp(args)) {
    io.out(usage(lang0, 'template'));
    return EXIT.ok;
  }
  const { values, positionals } = parseCommand('template', lang0, () =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        year: { type: 'string' },
        unit: { type: 'string' },
        doc: { type: 'string' },
        lang: { type: 'string' },
        examples: { type: 'boolean' },
        out: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
      },
    }),
  );
  const lang: Lang = values.lang === 'en' ? 'en' : 'vi';
  const t = (vi: string, en: string) => say(lang, vi, en);
  const which = positionals[0];
  const choices: readonly string[] = ['tasks', 'kpis', 'units', 'all'];
  if (!which || !choices.includes(which) || positionals.length > 1) {
    throw new UsageError(
      t('Chọn mẫu: tasks, kpis, units hoặc all.', 'Choose a template: tasks, kpis, units or all.'),
    );
  }
  if (!values.out)
    throw new UsageError(t('Cần tên tệp sẽ tạo: -o tệp.xlsx', 'Name the file to create: -o file.xlsx'));
  // The same reading of year, unit and document as the task pane's template form.
  const params = templateParamsFromForm(
    {
      year: values.year ?? '',
      unit: values.unit ?? '',
      doc: values.doc ?? '',
      examples: values.examples ?? false,
    },
    { lang, today: io.today() },
  );
  if (!params.ok || (values.year !== undefined && values.year.trim() === ''))
    throw new UsageError(t(`Năm không hợp lệ: ${values.year}`, `Invalid year: ${values.year}`));
  const out = checkOutPath(resolve(baseDir(), values.out), values.force ?? false, lang);
  const description = buildTemplate(templateKinds(which as TemplateChoice), params.value);
  const buffer = Buffer.from(await renderWorkbook(description, lang).xlsx.writeBuffer());
  // Whole or nothing (a full disk leaves no broken file to block the next run), and without --force an existing
  // file is refused even if one appeared since the check above.
  writeWhole(out, buffer, values.force ?? false, values.out, lang);
  io.out(t(`Đã tạo ${values.out}\n`, `Created ${values.out}\n`));
  return EXIT.ok;
}

function errorLine(e: unknown, lang: Lang): string {
  if (e instanceof WorkbookReadError) return e.messageIn(lang);
  if (e instanceof UsageError || e instanceof OutPathError) return e.message;
  const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
  if (String((e as { code?: unknown })?.code ?? '').startsWith('ERR_PARSE_ARGS')) {
    return say(
      lang,
      `Tùy chọn không hợp lệ: ${detail} (xem "cchc help")`,
      `Invalid option: ${detail} (see "cchc help")`,
    );
  }
  return say(lang, `Không thực hiện được: ${detail}`, `Could not finish: ${detail}`);
}

const COMMAND_USAGE: Record<Command, Record<Lang, string>> = {
  validate: {
    vi: `Cách dùng: cchc validate <tệp.xlsx> [tệp khác …] [tùy chọn]
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
    en: `Usage: cchc validate <file.xlsx> [more files …] [options]
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
  },
  summary: {
    vi: `Cách dùng: cchc summary <tệp hoặc thư mục …> --out tong-hop.xlsx [--html tong-hop.html] [tùy chọn]
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
    en: `Usage: cchc summary <files or folders …> --out summary.xlsx [--html summary.html] [options]
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
  },
  template: {
    vi: `Cách dùng: cchc template tasks|kpis|units|all -o tệp.xlsx [tùy chọn]
Tạo phụ lục mẫu trống; không ghi đè tệp đã có.
  -o, --out tệp.xlsx     tệp sẽ tạo; --force để ghi đè
  --year Y               năm kế hoạch; mặc định năm nay
  --unit "Phường 5"      tên đơn vị
  --doc "36/KH-UBND ngày 12/02/2026"   số, ngày kế hoạch
  --examples             điền chỉ tiêu mẫu lấy từ các kế hoạch thật
  --lang vi|en           ngôn ngữ của mẫu
`,
    en: `Usage: cchc template tasks|kpis|units|all -o file.xlsx [options]
Creates a blank standard appendix; never overwrites an existing file.
  -o, --out file.xlsx    the file to create; --force to replace it
  --year Y               plan year; default this year
  --unit "Ward 5"        the unit's name
  --doc "36/KH-UBND of 12/02/2026"   the plan's number and date
  --examples             fill in example targets taken from real plans
  --lang vi|en           language of the template
`,
  },
};

export function usage(lang: Lang, command?: Command): string {
  if (command) return COMMAND_USAGE[command][lang];
  return lang === 'vi'
    ? `Cách dùng:
  cchc validate <tệp.xlsx> [tệp khác …] [--year Y] [--as-of YYYY-MM-DD] [--period q1|h1|q3|year]
                [--cutoffs q1=dd/mm,…] [--lang vi|en] [--format text|json|summary] [--out bản-đã-đánh-dấu.xlsx] [--force]
  cchc template tasks|kpis|units|all -o tệp.xlsx [--year Y] [--unit "Phường 5"] [--doc "36/KH-UBND ngày 12/02/2026"]
                [--lang vi|en] [--examples] [--force]
  cchc summary  <tệp hoặc thư mục …> --out tong-hop.xlsx [--html tong-hop.html] [--as-of …|--period …] [--lang vi|en]
                tổng hợp tệp của nhiều đơn vị (xem "cchc summary --help")
  cchc demo     kiểm tra phụ lục mẫu kèm theo và ghi bản đã đánh dấu vào out/
  cchc --version (-V)
                in phiên bản đang dùng: ${PRODUCT} ${VERSION}
Mã thoát: 0 không có lỗi, 1 có lỗi, 2 không đọc được tệp.
`
    : `Usage:
  cchc validate <file.xlsx> [more files …] [--year Y] [--as-of YYYY-MM-DD] [--period q1|h1|q3|year]
                [--cutoffs q1=dd/mm,…] [--lang vi|en] [--format text|json|summary] [--out checked.xlsx] [--force]
  cchc template tasks|kpis|units|all -o file.xlsx [--year Y] [--unit "Ward 5"] [--doc "36/KH-UBND of 12/02/2026"]
                [--lang vi|en] [--examples] [--force]
  cchc summary  <files or folders …> --out summary.xlsx [--html summary.html] [--as-of …|--period …] [--lang vi|en]
                consolidates many units' files (see "cchc summary --help")
  cchc demo     checks the bundled sample appendix and writes a highlighted copy to out/
  cchc --version (-V)
                prints the version in use: ${PRODUCT} ${VERSION}
Exit codes: 0 no errors, 1 errors found, 2 the file cannot be read.
`;
}
