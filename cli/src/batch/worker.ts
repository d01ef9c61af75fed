/**
 * The worker thread of a batch: takes FileJobs from the pool in batches (one message for several files) and
 * answers each file with its own message as soon as it is checked, in the order given, so that the pool knows
 * which file is running (its time limit) and the next ones are already here when one ends (no idle round trip).
 * It holds nothing between files, so a worker the pool had to stop can be replaced without losing anything.
 */
import { parentPort } from 'node:worker_threads';
import { runJob, type FileJob, type JobResult } from './job';

/** What the pool sends: files with their index in the batch. */
export interface JobBatch {
  jobs: { index: number; job: FileJob }[];
}

/** What the worker answers for each file: pieces of its JSON (want 'json'), then its result. */
export type JobDone =
  { index: number; result: JobResult; chunk?: undefined } | { index: number; chunk: string };

/** The pool's receipt for a piece written out: a worker runs at most UNANSWERED pieces ahead of the output. */
export interface ChunkTaken {
  taken: number;
}
const UNANSWERED = 4;
let unanswered = 0;
let answered: (() => void) | null = null;

async function emitFor(index: number, chunk: string): Promise<void> {
  parentPort?.postMessage({ index, chunk } satisfies JobDone);
  unanswered++;
  while (unanswered >= UNANSWERED) await new Promise<void>((r) => (answered = r));
}

const queue: JobBatch['jobs'] = [];
let running = false;

async function drain(): Promise<void> {
  running = true;
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const { index, job } = next;
    const result: JobResult = await runJob(job, (chunk) => emitFor(index, chunk)).catch((e: unknown) => ({
      ok: false as const,
      line: `${job.shown}: ${String(e)}`,
    }));
    parentPort?.postMessage({ index, result } satisfies JobDone);
  }
  running = false;
}

parentPort?.on('message', (m: JobBatch | ChunkTaken) => {
  if ('taken' in m) {
    unanswered -= m.taken;
    answered?.();
    answered = null;
    return;
  }
  for (const j of m.jobs) queue.push(j);
  if (!running) void drain();
});
