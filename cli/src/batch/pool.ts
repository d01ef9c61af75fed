/**
 * A pool of worker threads for a batch of files: all cores busy, and each file bounded. A file that exhausts its
 * worker's heap or runs past the time limit costs that worker (it is stopped and replaced) and one line for that
 * file; the rest of the batch goes on. The core stays single-threaded: each worker runs it on one file at a time.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Lang } from '../../../shared/src/index';
import { cliText } from '../../../shared/src/words/cli';
import type { FileJob, JobResult } from './job';

export interface PoolLimits {
  workers: number;
  /** Old-generation heap of each worker, in MB. */
  memoryMb: number;
  /** Time one file may take, in milliseconds. */
  timeoutMs: number;
}

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

function spawn(limits: PoolLimits): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: limits.memoryMb, stackSizeMb: 4 };
  if (__filename.endsWith('.ts')) {
    // The tests run the TypeScript sources: the worker registers tsx's loader before loading its module.
    const code = `require(${JSON.stringify(require.resolve('tsx/cjs'))});require(${JSON.stringify(join(__dirname, 'worker.ts'))});`;
    return new Worker(code, { eval: true, resourceLimits });
  }
  return new Worker(join(__dirname, 'worker.js'), { resourceLimits });
}

/** Runs one job on a worker; `dead` says the worker cannot take another. Never rejects. */
function runOn(
  worker: Worker,
  job: FileJob,
  limits: PoolLimits,
): Promise<{ result: JobResult; dead: boolean }> {
  const lang: Lang = job.options.lang === 'en' ? 'en' : 'vi';
  return new Promise((resolve) => {
    const finish = (result: JobResult, dead: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve({ result, dead });
    };
    const onMessage = (result: JobResult) => finish(result, false);
    const onError = (e: unknown) => {
      const oom = (e as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish({ ok: false, line: limitLine(job.shown, oom ? 'memory' : 'crash', lang) }, true);
    };
    const onExit = () => finish({ ok: false, line: limitLine(job.shown, 'crash', lang) }, true);
    const timer = setTimeout(
      () => {
        finish({ ok: false, line: limitLine(job.shown, 'time', lang) }, true);
        void worker.terminate();
      },
      // Writing the checked copy is a second pass over the whole file: it gets a second time limit.
      limits.timeoutMs * (job.copy ? 2 : 1),
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job);
  });
}

/**
 * Runs every job, `onResult` called as each finishes (in any order, with the job's index). Resolves when all are
 * done and every worker has stopped.
 */
export async function runPool(
  jobs: readonly FileJob[],
  limits: PoolLimits,
  onResult: (index: number, result: JobResult) => void,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    let worker: Worker | null = null;
    try {
      while (next < jobs.length) {
        const index = next++;
        worker ??= spawn(limits);
        const { result, dead } = await runOn(worker, jobs[index], limits);
        if (dead) {
          // Not awaited: a worker stuck where terminate() cannot reach it must not hold back the rest of the batch.
          worker.unref();
          void worker.terminate();
          worker = null;
        }
        onResult(index, result);
      }
    } finally {
      if (worker) await worker.terminate();
    }
  };
  const lanes = Math.max(1, Math.min(limits.workers, jobs.length));
  await Promise.all(Array.from({ length: lanes }, lane));
}
