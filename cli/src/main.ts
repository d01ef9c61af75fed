import { basename, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Lang, Report } from '../../shared/src/index';
import { PRODUCT, VERSION } from '../../shared/src/version';
import { defaultIo, EXIT, type Io } from './io';
import { batchCounts, renderBatchSummary, type BatchEntry } from './textReport';
import { WorkbookReadError } from './xlsx/readWorkbook';
import { runFiles } from './batch/runFiles';
import { prestart } from './batch/pool';
import type { FileJob, JobResult } from './batch/job';
import { runDemo } from './demo';
import { JsonItemsWriter } from './jsonStream';
import { oneLine, visible } from './visible';
import { OutPathError, checkOutPath, sameFile, tempPathFor, writeWhole } from './outPath';
import { trackTemp, untrackTemp } from './tempFiles';
import { templateKinds, templateParamsFromForm, type TemplateChoice } from '../../shared/src/hosts/checkForm';
import { cliText, cliWords, type CliKey } from '../../shared/src/words/cli';
import {
  argLang,
  baseDir,
  checkOptionsFrom,
  commonFolder,
  langOption,
  parseCommand,
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
        // The workers load their modules while the summary's writer loads and the folders are listed.
        if (!given.inProcess) prestart();
        // Loaded when asked for: it writes its workbook with exceljs, which `validate` never needs (0.18 s).
        return await (await import('./summary/command')).summaryCommand(rest, io, (l) => usage(l, 'summary'));
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
        io.err(cliText(lang, 'unknownCommand', { command }) + '\n' + usage(lang));
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
  const t = cliWords(lang);
  if (positionals.length === 0) throw new UsageError(t('nameFileToCheck'));
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'summary') throw new UsageError(t('formatValues'));
  if (values.out !== undefined && positionals.length > 1) {
    throw new UsageError(t('outOneFileOnly'));
  }

  const options = checkOptionsFrom(values, lang, io.today());
  const outPath = values.out === undefined ? undefined : resolve(base, values.out);
  if (outPath !== undefined && /\.csv$/i.test(positionals[0] ?? '')) {
    throw new UsageError(t('outNotCsv'));
  }
  if (outPath !== undefined) {
    // Also through a symbolic or hard link: the copy would be written over the very file being read.
    if (sameFile(outPath, positionals[0])) {
      throw new UsageError(t('outIsInput'));
    }
    checkOutPath(outPath, values.force ?? false, lang);
  }

  const batch: BatchEntry[] = [];
  // Written as the reports come, in the files' order: a worker sends a large report's JSON in pieces, so neither
  // thread holds the whole text (one JavaScript string cannot hold the JSON of a million rows).
  const json = format === 'json' ? new JsonItemsWriter(io.out, positionals.length === 1) : undefined;
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
    want: format === 'summary' ? 'counts' : format === 'text' ? 'text' : 'json',
    jsonDepth: json?.depth,
    width: io.width?.() ?? 80,
    copy,
  }));
  let code: number = EXIT.ok;
  // Each file is read, checked (and copied) in a worker; what it prints comes out in the order the files were named.
  const tooLarge = (index: number) => {
    io.err(jsonTooLargeLine(jobs[index].shown, lang) + '\n');
    code = EXIT.unusable;
  };
  const onChunk = (_index: number, chunk: string) => json?.piece(chunk);
  const onResult = (index: number, result: JobResult) => {
    const shown = jobs[index].shown;
    if (!result.ok) {
      json?.end();
      io.err(result.line + '\n');
      batch.push({ file: shown, unreadable: true });
      code = EXIT.unusable;
      return;
    }
    const report = result.report;
    const counts = result.counts ?? batchCounts(report as Report, lang);
    // In this thread the report is here whole; from a worker its pieces came before this.
    if (json && report && !json.item(report)) tooLarge(index);
    else if (json && result.tooLarge) tooLarge(index);
    json?.end();
    batch.push({ file: shown, counts });
    if (!counts.valid && code === EXIT.ok) code = EXIT.findings;
    if (format === 'text' && result.text !== undefined)
      io.out(result.text + (positionals.length > 1 ? '\n' : ''));
    if (result.copyError !== undefined) {
      io.err(result.copyError + '\n');
      code = EXIT.unusable;
    } else if (copy && format === 'text') io.out(t('highlightedCopy', { file: copy.arg }) + '\n');
  };
  await runFiles(jobs, io, onResult, onChunk);
  if (copy) untrackTemp(copy.temp);
  json?.finish();
  // Many files: one line each at the end, so the office sees the whole batch at a glance.
  if (format === 'summary' || (format === 'text' && positionals.length > 1))
    io.out(renderBatchSummary(batch, lang));
  return code;
}

/** The line for a report whose JSON is more text than one string may hold (left out of the JSON). */
function jsonTooLargeLine(file: string, lang: Lang): string {
  return cliText(lang, 'jsonTooLarge', { file: oneLine(file) });
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
  const t = cliWords(lang);
  const which = positionals[0];
  const choices: readonly string[] = ['tasks', 'kpis', 'units', 'all'];
  if (!which || !choices.includes(which) || positionals.length > 1) {
    throw new UsageError(t('chooseTemplate'));
  }
  if (!values.out) throw new UsageError(t('nameTemplateFile'));
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
    throw new UsageError(t('invalidYear', { year: String(values.year) }));
  const out = checkOutPath(resolve(baseDir(), values.out), values.force ?? false, lang);
  // Loaded when asked for: the template builder validates with zod, which `validate` never needs.
  const { buildTemplate } = await import('../../shared/src/templates/build');
  const description = buildTemplate(templateKinds(which as TemplateChoice), params.value);
  const { renderWorkbook } = await import('./templates/renderWorkbook');
  const buffer = Buffer.from(await renderWorkbook(description, lang).xlsx.writeBuffer());
  // Whole or nothing (a full disk leaves no broken file to block the next run), and without --force an existing
  // file is refused even if one appeared since the check above.
  writeWhole(out, buffer, values.force ?? false, values.out, lang);
  io.out(t('created', { file: values.out }) + '\n');
  return EXIT.ok;
}

function errorLine(e: unknown, lang: Lang): string {
  if (e instanceof WorkbookReadError) return e.messageIn(lang);
  if (e instanceof UsageError || e instanceof OutPathError) return e.message;
  const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
  if (String((e as { code?: unknown })?.code ?? '').startsWith('ERR_PARSE_ARGS')) {
    return cliText(lang, 'invalidOption', { detail });
  }
  return cliText(lang, 'couldNotFinish', { detail });
}

const COMMAND_USAGE: Record<Command, CliKey> = {
  validate: 'usageValidate',
  summary: 'usageSummary',
  template: 'usageTemplate',
};

export function usage(lang: Lang, command?: Command): string {
  if (command) return cliText(lang, COMMAND_USAGE[command]);
  return cliText(lang, 'usage', { product: PRODUCT, version: VERSION });
}
