/**
 * One file of a batch: read, check and (for the province summary) digest it. This runs inside a worker thread
 * (worker.ts) so that a hostile file is bounded in memory and time; the same function runs in-process for one file.
 */
import { basename } from 'node:path';
import { oneLine } from '../visible';
// From the modules that hold them, not shared/src/index: that re-exports the report's zod schema, which would be
// most of a worker's start-up (zod alone ~70 ms) for nothing the check uses.
import { checkWorkbook, type CheckOptions } from '../../../shared/src/check';
import type { Lang } from '../../../shared/src/report/messages';
import type { Report } from '../../../shared/src/report/schema';
import { digestReport, type FileDigest } from '../../../shared/src/summary/digest';
import { readWorkbookContent, WorkbookReadError } from '../xlsx/readWorkbook';
import { SameFileError, writeCheckedCopy } from '../xlsx/writeHighlights';
import { writeErrorMessage } from '../outPath';
import { SUMMARY_KEYWORDS } from '../summary/ownSummary';
import { cliText } from '../../../shared/src/words/cli';
import { batchCounts, renderText, type BatchCounts } from '../textReport';
import { jsonChunks } from '../jsonStream';

export interface FileJob {
  /** Absolute path of the file. */
  path: string;
  /** The name shown in reports (below the batch's common folder). */
  shown: string;
  options: CheckOptions;
  /**
   * What the caller needs back: the full report (validate --format json), the text report and the counts
   * (--format text), only the batch table's counts (--format summary): a 200,000-row report is not sent between
   * threads for what a string or a line of figures says. Or the summary's digest of it.
   */
  want: 'report' | 'text' | 'counts' | 'digest' | 'json';
  /**
   * For want 'json': the depth the report's JSON is written at (0 alone, 1 in the batch's array). A worker sends it
   * in pieces (emit): a 200,000-row report is 180 MB of JSON, which as one object to clone or one string to build
   * would take the heap of both threads.
   */
  jsonDepth?: number;
  /** For want 'text': the columns the text report may use. */
  width?: number;
  /** Also write the highlighted copy there (validate --out); `arg` is the name as the user wrote it. */
  copy?: { path: string; arg: string; force?: boolean; temp?: string };
}

export type JobResult =
  /**
   * `copyError`: the one line saying why the copy could not be written (the report is still good); `skipped`: the
   * line saying why the file is left out of a summary (it is a summary cchc wrote).
   */
  | {
      ok: true;
      report?: Report;
      text?: string;
      counts?: BatchCounts;
      /** For want 'json': the report went out through emit (in-process runs return it as `report`)... */
      streamed?: true;
      /** …or could not, being more text than one string may hold; nothing of it went out. */
      tooLarge?: true;
      digest?: FileDigest;
      copyError?: string;
      skipped?: string;
    }
  /** `line`: the one line the user sees, starting with the file's name. */
  | { ok: false; line: string };

/** What the JSON of a report is sent in between threads: few messages, and little held at once. */
export const JSON_CHUNK = 1 << 20;

/** `emit`: where want 'json' sends the report's JSON text, piece by piece (a worker's messages). */
export async function runJob(job: FileJob, emit?: (chunk: string) => Promise<void>): Promise<JobResult> {
  const lang: Lang = job.options.lang === 'en' ? 'en' : 'vi';
  let grids;
  let keywords;
  try {
    ({ grids, keywords } = await readWorkbookContent(job.path));
  } catch (e) {
    return { ok: false, line: failureLine(e, job.path, lang) };
  }
  // An earlier summary lying among the ward files is no ward: it is left out, with a line.
  if (job.want === 'digest' && keywords === SUMMARY_KEYWORDS)
    return {
      ok: true,
      skipped: cliText(lang, 'summaryOfCchc', { file: oneLine(job.shown) }),
    };
  const report = checkWorkbook(grids, { ...job.options, file: job.shown });
  if (job.want !== 'digest') {
    const done =
      job.want === 'report'
        ? { report }
        : job.want === 'json'
          ? await jsonOut(report, job.jsonDepth ?? 0, lang, emit)
          : job.want === 'text'
            ? { text: renderText(report, lang, job.width ?? 80), counts: batchCounts(report, lang) }
            : { counts: batchCounts(report, lang) };
    if (!job.copy) return { ok: true, ...done };
    try {
      await writeCheckedCopy(job.path, job.copy.path, report, lang, job.copy.force ?? false, job.copy.temp);
      return { ok: true, ...done };
    } catch (e) {
      return { ok: true, ...done, copyError: copyErrorLine(e, job, lang) };
    }
  }
  return { ok: true, digest: digestReport(report, grids, job.shown) };
}

async function jsonOut(
  report: Report,
  depth: number,
  lang: Lang,
  emit: ((chunk: string) => Promise<void>) | undefined,
): Promise<{ report?: Report; counts: BatchCounts; streamed?: true; tooLarge?: true }> {
  const counts = batchCounts(report, lang);
  if (!emit) return { report, counts };
  let sent = false;
  try {
    for (const chunk of jsonChunks(report, depth, JSON_CHUNK)) {
      sent = true;
      await emit(chunk);
    }
    return { counts, streamed: true };
  } catch (e) {
    // Only before the first piece: each piece is one element's JSON, and the reader's bounds keep one far below
    // what a string may hold.
    if (!(e instanceof RangeError) || sent) throw e;
    return { counts, tooLarge: true };
  }
}

function copyErrorLine(e: unknown, job: FileJob, lang: Lang): string {
  if (e instanceof SameFileError) return e.messageIn(lang);
  if (isSystemError(e)) return writeErrorMessage(e, job.copy?.arg ?? '', lang);
  return failureLine(e, job.path, lang);
}

/** An error from the file system (it carries a code such as ENOENT), as opposed to a bug or a parse error. */
function isSystemError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** A read error's own line, or a short one for anything else (never a stack trace). */
export function failureLine(e: unknown, path: string, lang: Lang): string {
  if (e instanceof WorkbookReadError) return e.messageIn(lang);
  const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return cliText(lang, 'couldNotCheck', { file: oneLine(basename(path)), detail });
}
