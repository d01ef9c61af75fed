/**
 * The files of a command, each on the worker pool (pool.ts), their results handed back in the order the files
 * were named, whatever order the workers finish in, with the progress line kept clear of what is printed. One
 * small file is checked in this thread instead (inProcess.ts): starting a worker would cost more than the check.
 */
import type { Lang } from '../../../shared/src/report/messages';
import type { Io } from '../io';
import { fitsInProcess } from './inProcess';
import { failureLine, runJob, type FileJob, type JobResult } from './job';
import { poolLimits, runPool, stopPrestarted } from './pool';
import { Progress } from './progress';

export async function runFiles(
  jobs: readonly FileJob[],
  io: Io,
  onResult: (index: number, result: JobResult) => void,
  /**
   * The pieces of each file's JSON (want 'json'), in the files' order, each file's before its result: those of the
   * file whose turn it is as they come, those of a later one kept until its turn.
   */
  onChunk?: (index: number, chunk: string) => void,
): Promise<void> {
  const lang: Lang = jobs[0]?.options.lang === 'en' ? 'en' : 'vi';
  const progress = new Progress(io.progress, jobs.length, lang);
  const waiting = new Map<number, JobResult>();
  const early = new Map<number, string[]>();
  let next = 0;
  let done = 0;
  const flushEarly = () => {
    const kept = early.get(next);
    if (!kept) return;
    early.delete(next);
    progress.end();
    for (const c of kept) onChunk?.(next, c);
  };
  const chunk = (index: number, c: string) => {
    if (index !== next) {
      const kept = early.get(index);
      if (kept) kept.push(c);
      else early.set(index, [c]);
      return;
    }
    progress.end();
    onChunk?.(index, c);
  };
  const arrived = (index: number, result: JobResult) => {
    waiting.set(index, result);
    const cleared = waiting.has(next);
    if (cleared) progress.end();
    // A result waits only for those before it; once handed on it is dropped, so memory holds few reports.
    for (let r = waiting.get(next); r !== undefined; r = waiting.get(next)) {
      flushEarly();
      waiting.delete(next);
      onResult(next++, r);
    }
    flushEarly();
    progress.tick(++done, cleared);
  };
  if (io.inProcess) for (let i = 0; i < jobs.length; i++) arrived(i, await runJob(jobs[i]));
  else if (jobs.length === 1 && fitsInProcess(jobs[0].path)) {
    void stopPrestarted();
    arrived(0, await runHere(jobs[0], lang));
  } else await runPool(jobs, poolLimits(), arrived, chunk);
  progress.end();
}

/** runJob in this thread, a failure of the check itself made the file's one line, as the worker would. */
export async function runHere(job: FileJob, lang: Lang): Promise<JobResult> {
  try {
    return await runJob(job);
  } catch (e) {
    return { ok: false, line: failureLine(e, job.path, lang) };
  }
}
