/**
 * `cchc summary`: a province office's folder of ward files into one summary workbook and one printable page.
 * Files are read and checked on every core (batch/pool.ts); the summary is made from their digests here.
 */
import { relative, resolve, basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Lang } from '../../../shared/src/index';
import { consolidate } from '../../../shared/src/summary/consolidate';
import { unreadableDigest, type FileDigest } from '../../../shared/src/summary/digest';
import { renderSummaryHtml } from '../../../shared/src/summary/htmlReport';
import type { Summary } from '../../../shared/src/summary/schema';
import { formatRate } from '../../../shared/src/text/numbers';
import { cliWords } from '../../../shared/src/words/cli';
import {
  argLang,
  baseDir,
  checkOptionsFrom,
  commonFolder,
  langOption,
  parseCommand,
  UsageError,
  wantsHelp,
} from '../args';
import { runFiles } from '../batch/runFiles';
import { batchFiles } from '../batch/walk';
import type { FileJob } from '../batch/job';
import { checkOutPath, sameFile, writeWhole } from '../outPath';
import { isOwnSummary } from './ownSummary';
import { oneLine } from '../visible';
import { summaryWorkbookBuffer } from './summaryWorkbook';
import type { Io } from '../io';

/** Exit codes as `validate`'s: 0 all read and no error, 1 errors or unreadable files, 2 nothing usable. */
const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

export async function summaryCommand(args: string[], io: Io, usage: (lang: Lang) => string): Promise<number> {
  const lang0 = argLang(args);
  if (wantsHelp(args)) {
    io.out(usage(lang0));
    return EXIT.ok;
  }
  const { values, positionals } = parseCommand('summary', lang0, () =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        html: { type: 'string' },
        year: { type: 'string' },
        'as-of': { type: 'string' },
        period: { type: 'string' },
        cutoffs: { type: 'string' },
        lang: { type: 'string' },
        force: { type: 'boolean' },
      },
    }),
  );
  const lang = langOption(values.lang);
  const t = cliWords(lang);
  if (positionals.length === 0 || positionals.every((p) => p.trim() === ''))
    throw new UsageError(t('nameWardFiles'));
  if (!values.out) throw new UsageError(t('nameSummaryFile'));
  if (!/\.xlsx$/i.test(values.out)) throw new UsageError(t('outWritesXlsx'));
  if (values.html !== undefined && !/\.html?$/i.test(values.html)) throw new UsageError(t('htmlWritesHtml'));
  const options = checkOptionsFrom(values, lang, io.today());
  const base = baseDir();
  const force = values.force ?? false;
  const outputs = [
    { arg: values.out, path: checkOutPath(resolve(base, values.out), force, lang, values.out) },
  ];
  if (values.html !== undefined)
    outputs.push({
      arg: values.html,
      path: checkOutPath(resolve(base, values.html), force, lang, values.html),
    });
  if (outputs.length === 2 && sameFile(outputs[0].path, outputs[1].path))
    throw new UsageError(t('outAndHtmlDiffer'));

  const inputs = positionals.filter((p) => p.trim() !== '').map((p) => resolve(base, p));
  // An input is never overwritten, with or without --force: neither a file named on the command line nor a ward's
  // file inside a folder given. Only the summary of an earlier run may be replaced where it lies among them, and
  // the outputs are never read as inputs.
  const unlisted: string[] = [];
  const all = batchFiles(inputs, [], (folder) => unlisted.push(folder));
  for (const o of outputs) {
    if (inputs.some((i) => sameFile(i, o.path))) throw new UsageError(t('outputIsInput', { file: o.arg }));
    if (all.some((f) => sameFile(f, o.path)) && !isOwnSummary(o.path))
      throw new UsageError(t('outputIsWardFile', { file: o.arg }));
  }
  const files = all.filter((f) => !outputs.some((o) => sameFile(f, o.path)));
  if (files.length === 0) throw new UsageError(t('noInputFiles'));

  // A folder that cannot be listed holds wards that would be missing without a word: one line each.
  for (const folder of unlisted) io.err(t('folderUnreadable', { folder: oneLine(folder) }) + '\n');
  const common = commonFolder(files);
  const shown = (f: string) => relative(common, f) || basename(f);
  const jobs: FileJob[] = files.map((path) => ({ path, shown: shown(path), options, want: 'digest' }));
  const digests: FileDigest[] = [];
  await runFiles(jobs, io, (index, result) => {
    if (result.ok && result.skipped) io.err(result.skipped + '\n');
    else if (result.ok && result.digest) digests.push(result.digest);
    else {
      const line = result.ok ? `${jobs[index].shown}: ?` : result.line;
      digests.push(unreadableDigest(jobs[index].shown, line));
      io.err(line + '\n');
    }
  });

  const summary = consolidate(digests, { lang, today: options.asOf ?? io.today() });
  if (summary.totals.read === 0) {
    io.err(t('nothingRead') + '\n');
    return EXIT.unusable;
  }
  writeWhole(outputs[0].path, await summaryWorkbookBuffer(summary), force, outputs[0].arg, lang);
  if (outputs[1]) writeWhole(outputs[1].path, renderSummaryHtml(summary), force, outputs[1].arg, lang);
  io.out(
    closingLines(
      summary,
      outputs.map((o) => o.arg),
      lang,
    ),
  );
  const incomplete = summary.totals.unreadable > 0 || unlisted.length > 0;
  return incomplete || summary.totals.errors > 0 ? EXIT.findings : EXIT.ok;
}

/** What the office reads in the terminal: the counts, then where the summary is. */
function closingLines(s: Summary, written: string[], lang: Lang): string {
  const t = cliWords(lang);
  const n = s.totals;
  const rate = formatRate(n.rate, lang);
  const lines = [
    t(n.unreadable ? 'summarisedSomeUnreadable' : 'summarised', {
      read: n.read,
      files: n.files,
      units: n.units,
      unreadable: n.unreadable,
    }),
    t('summaryCounts', {
      tasks: n.tasks.total,
      done: n.tasks.done,
      overdue: n.tasks.overdue,
      met: n.kpis.met,
      missed: n.kpis.missed,
      noData: n.kpis.noData,
      rate,
    }),
    t('summaryErrors', { errors: n.errors, files: n.filesWithErrors, warnings: n.warnings }),
  ];
  const twice = s.files.filter((f) => f.sameUnit.length > 0 && f.unreadable === null);
  if (twice.length > 0)
    lines.push(t('unitsSentTwice', { units: [...new Set(twice.map((f) => f.unit))].join(', ') }));
  lines.push(t('written', { files: written.join(', ') }));
  return lines.join('\n') + '\n';
}
