/**
 * The worker thread of a batch: takes FileJobs one at a time from the pool and answers each with its JobResult.
 * It holds nothing between files, so a worker the pool had to stop can be replaced without losing anything.
 */
import { parentPort } from 'node:worker_threads';
import { runJob, type FileJob } from './job';

parentPort?.on('message', (job: FileJob) => {
  runJob(job).then(
    (result) => parentPort?.postMessage(result),
    (e: unknown) => parentPort?.postMessage({ ok: false, line: `${job.shown}: ${String(e)}` }),
  );
});
