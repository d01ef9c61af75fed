/**
 * A pool of worker threads for a batch of files: all cores busy, and each file bounded. A file that exhausts its
 * worker's heap or runs past the time limit costs that worker (it is stopped and replaced) and one line for that
 * file; the rest of the batch goes on. The core stays single-threaded: each worker runs it on one file at a time.
 *
 * Files are handed out a few at a time (QUEUED per worker, refilled when half are done): a worker finishing one
 * file starts the next at once instead of waiting for the main thread to be scheduled and answer, and the main
 * thread sends a quarter of the messages. Only the file a worker is on is running; its time limit starts when the
 * file before it is answered.
 */
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Lang } from '../../../shared/src/report/messages';
import { cliText } from '../../../shared/src/words/cli';
import type { FileJob, JobResult } from './job';
import type { ChunkTaken, JobBatch, JobDone } from './worker';

export interface PoolLimits {
  workers: number;
  /** Old-generation heap of each worker, in MB. */
  memoryMb: number;
  /** Time one file may take, in milliseconds. */
  timeoutMs: number;
}

/** Files a worker holds at most (the running one and those queued behind it). */
export const QUEUED = 8;
/** …and at most about this much of them on disk, so that large files are shared out one at a time. */
export const QUEUED_BYTES = 256 * 1024;

/**
 * One worker per core; 1 GB of heap and 30 s per file, which a ward file up to Excel's own limits fits in. The
 * environment may lower them (CCHC_WORKERS, CCHC_WORKER_MEMORY_MB, CCHC_FILE_TIMEOUT_MS), as the tests do.
 */
export function poolLimits(env: NodeJS.ProcessEnv = process.env): PoolLimits {
  const num = (name: string, fallback: number, min: number) => {
    const n = Number(env[name]);
    return Number.isFinite(n) && n >= min ? Math.floor(n) : fallback;
  };
  return {
    workers: num('CCHC_WORKERS', availableParallelism(), 1),
    memoryMb: num('CCHC_WORKER_MEMORY_MB', 1024, 16),
    timeoutMs: num('CCHC_FILE_TIMEOUT_MS', 30_000, 100),
  };
}

/** The line for a file that its worker could not finish: the limit it hit, and what the user can do. */
export function limitLine(file: string, limit: 'memory' | 'time' | 'crash', lang: Lang): string {
  const key = ({ memory: 'limitMemory', time: 'limitTime', crash: 'limitCrash' } as const)[limit];
  return cliText(lang, key, { file });
}

/** How many workers this process has started (the tests count them). */
export const workerStarts = { count: 0 };

function spawn(limits: PoolLimits): Worker {
  workerStarts.count++;
  const resourceLimits = { maxOldGenerationSizeMb: limits.memoryMb, stackSizeMb: 4 };
  if (__filename.endsWith('.ts')) {
    // The tests run the TypeScript sources: the worker registers tsx's loader before loading its module.
    const code = `require(${JSON.stringify(require.resolve('tsx/cjs'))});require(${JSON.stringify(join(__dirname, 'worker.ts'))});`;
    return new Worker(code, { eval: true, resourceLimits });
  }
  return new Worker(join(__dirname, 'worker.js'), { resourceLimits });
}

/** Workers started ahead of their batch (prestart), each with the memory limit it was started with. */
const warm: { worker: Worker; memoryMb: number; gone: () => void }[] = [];

/**
 * Starts the pool's workers now, so that they load their modules while the caller does something else (lists a
 * folder, loads the summary writer); runPool takes them. They do not keep the process alive if no batch comes.
 */
export function prestart(limits: PoolLimits = poolLimits(), count = limits.workers): void {
  while (warm.length < count) {
    const worker = spawn(limits);
    worker.unref();
    const entry = { worker, memoryMb: limits.memoryMb, gone: () => {} };
    // One that fails while waiting is dropped: a fresh one is started for the batch.
    entry.gone = () => {
      const at = warm.indexOf(entry);
      if (at >= 0) warm.splice(at, 1);
    };
    worker.once('error', entry.gone).once('exit', entry.gone);
    warm.push(entry);
  }
}

/** A worker for a batch: a prestarted one when there is one with these limits, else a new one. */
function take(limits: PoolLimits): Worker {
  const at = warm.findIndex((w) => w.memoryMb === limits.memoryMb);
  if (at < 0) return spawn(limits);
  const [{ worker, gone }] = warm.splice(at, 1);
  worker.off('error', gone).off('exit', gone);
  worker.ref();
  return worker;
}

/** Stops the prestarted workers no batch took (a command that ended before its batch). */
export async function stopPrestarted(): Promise<void> {
  await Promise.all(warm.splice(0).map((w) => w.worker.terminate()));
}

/** The size of a file on disk, for how much work a worker holds (0 when it cannot be known: it is one file). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * Runs every job, `onResult` called as each finishes (in any order, with the job's index). Resolves when all are
 * done and every worker has stopped. A further worker starts only while files are left once the others hold their
 * share: a few small files are done by one worker sooner than a second one would load.
 */
export function runPool(
  jobs: readonly FileJob[],
  limits: PoolLimits,
  onResult: (index: number, result: JobResult) => void,
  /** The pieces of a file's JSON (want 'json'), in order, before its result. */
  onChunk?: (index: number, chunk: string) => void,
): Promise<void> {
  let next = 0;
  // Files a stopped worker held but had not started: given out again first, in their order.
  const again: number[] = [];
  const nextJob = (): number | undefined =>
    again.length > 0 ? again.shift() : next < jobs.length ? next++ : undefined;
  const workLeft = () => again.length > 0 || next < jobs.length;
  const bytes = jobs.map((j) => sizeOf(j.path));
  let left = jobs.length;
  let lanes = 0;
  const stopping: Promise<unknown>[] = [];

  return new Promise((resolve) => {
    const settle = () => {
      if (lanes > 0 || left > 0) return;
      // Prestarted workers this batch did not need are stopped with it.
      void Promise.all([...stopping, stopPrestarted()]).then(() => resolve());
    };
    const lane = () => {
      lanes++;
      const worker = take(limits);
      const held: number[] = [];
      let heldBytes = 0;
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        if (held.length === 0) return;
        // Writing the checked copy is a second pass over the whole file: it gets a second time limit.
        timer = setTimeout(() => stop('time'), limits.timeoutMs * (jobs[held[0]].copy ? 2 : 1));
      };
      /** Tops the worker up once it is down to half its share, in one message. */
      const fill = () => {
        if (held.length > QUEUED / 2 || heldBytes > QUEUED_BYTES / 2) return;
        const batch: JobBatch['jobs'] = [];
        while (held.length < QUEUED && (held.length === 0 || heldBytes < QUEUED_BYTES)) {
          const index = nextJob();
          if (index === undefined) break;
          batch.push({ index, job: jobs[index] });
          held.push(index);
          heldBytes += bytes[index];
        }
        if (batch.length > 0) {
          worker.postMessage({ jobs: batch } satisfies JobBatch);
          if (held.length === batch.length) arm();
        } else if (held.length === 0) end(false);
      };
      const deliver = (index: number, result: JobResult) => {
        left--;
        onResult(index, result);
        settle();
      };
      const onMessage = (m: JobDone) => {
        // Answers come in the order given: the file answered is the one that was running.
        if (held[0] !== m.index) return;
        if (m.chunk !== undefined) {
          // Its check is done and its output goes on: the time limit counts from the last piece.
          arm();
          onChunk?.(m.index, m.chunk);
          worker.postMessage({ taken: 1 } satisfies ChunkTaken);
          return;
        }
        const { index, result } = m;
        held.shift();
        heldBytes -= bytes[index];
        arm();
        fill();
        deliver(index, result);
      };
      const onError = (e: unknown) =>
        stop((e as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash');
      const onExit = () => stop('crash');
      const end = (dead: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (dead) {
          // Not awaited: a worker stuck where terminate() cannot reach it must not hold back the rest of the batch.
          worker.unref();
          void worker.terminate();
        } else stopping.push(worker.terminate());
        lanes--;
        settle();
      };
      /** The running file costs its line; the worker is stopped and the files queued behind it go to another. */
      const stop = (limit: 'memory' | 'time' | 'crash') => {
        const [index, ...queued] = held.splice(0);
        again.unshift(...queued);
        end(true);
        if (workLeft()) lane();
        if (index === undefined) return;
        const lang: Lang = jobs[index].options.lang === 'en' ? 'en' : 'vi';
        deliver(index, { ok: false, line: limitLine(jobs[index].shown, limit, lang) });
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      fill();
    };
    // One lane after another, each taking its share first: a second worker only for files the first did not take.
    while (workLeft() && lanes < Math.max(1, limits.workers)) lane();
    settle();
  });
}
