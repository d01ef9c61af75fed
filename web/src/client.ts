/**
 * The page's side of the worker. The worker is the page's own inline script in a blob (CSP: worker-src blob:),
 * so the file is read, checked and copied off the main thread and the page stays responsive. Every request has
 * a time limit; a worker that overruns it, dies, or sends what cannot be received is stopped and replaced by a
 * fresh one, and the request fails with an EngineFailure the page words itself. Where no worker can be made (a
 * browser or policy that refuses blob workers), the same engine runs on the page.
 */
import type { CheckOptions, Lang } from '../../shared/src/index';
import type { ShownReport } from '../../shared/ui/workbook';
import { checkSheet, copyOf, isOutOfMemory, readFile, rewordLast, rowOf, type LoadedFile } from './engine';
import type { RowView } from './preview';
import type { Op, Ops, Phase, ReadOutcome, Request, Response, SheetChecked, WorkerFailure } from './protocol';

/** Why a request got no answer: the worker's own reasons, or 'time' when it did not answer in time. */
export type Failure = WorkerFailure | 'time';

export class EngineFailure extends Error {
  override readonly name = 'EngineFailure';
  constructor(
    readonly failure: Failure,
    readonly op: Op,
  ) {
    super(`${op}: ${failure}`);
  }
}

export interface Engine {
  /** Where the work runs, for the tests and the README's figures. */
  readonly where: 'worker' | 'page';
  read(bytes: Uint8Array, name: string, phase: (p: Phase) => void): Promise<ReadOutcome>;
  /** One sheet, or every sheet when `sheet` is null. */
  check(sheet: string | null, options: CheckOptions): Promise<SheetChecked>;
  /** The last check worded again in `lang`. */
  reword(lang: Lang): Promise<ShownReport | null>;
  row(sheet: string, cell: string): Promise<RowView | null>;
  copy(options: CheckOptions): Promise<Uint8Array>;
}

/**
 * How long each request may take. A read of a sheet at Excel's own row limit (1,048,576 rows, 5 million cells)
 * takes some 25 s in Chromium on a slow laptop core; a copy checks every sheet and writes the package.
 */
export const TIME_LIMITS: Record<Op, number> = {
  ping: 10_000,
  read: 90_000,
  check: 60_000,
  reword: 30_000,
  row: 10_000,
  copy: 120_000,
};

function failureOf(e: unknown, op: Op): EngineFailure {
  return new EngineFailure(isOutOfMemory(e) ? 'memory' : e instanceof NoFileOnPage ? 'no-file' : 'crash', op);
}

class NoFileOnPage extends Error {}

/** The engine on the page itself (no worker): the same work, on the main thread. */
export function pageEngine(): Engine {
  let file: LoadedFile | null = null;
  const held = () => {
    if (!file) throw new NoFileOnPage('no file read');
    return file;
  };
  const run = async <T>(op: Op, work: () => T): Promise<T> => {
    try {
      return work();
    } catch (e) {
      throw failureOf(e, op);
    }
  };
  return {
    where: 'page',
    read: (bytes, name, phase) =>
      run('read', () => {
        file = null;
        const read = readFile(bytes, name, phase);
        file = read.file;
        return read.outcome;
      }),
    check: (sheet, options) => run('check', () => checkSheet(held(), sheet, options)),
    reword: (lang) => run('reword', () => rewordLast(held(), lang)),
    row: (sheet, cell) => run('row', () => rowOf(held(), sheet, cell)),
    copy: (options) => run('copy', () => copyOf(held(), options)),
  };
}

/** The Worker as this file uses it, so a test can hand in a stand-in. */
export interface WorkerLike {
  postMessage(message: Request, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<Response>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  onmessageerror: ((e: MessageEvent) => void) | null;
}

export interface WorkerEngineOptions {
  limits?: Partial<Record<Op, number>>;
  /** Makes a worker from the script's URL; `new Worker(url)` by default. */
  spawn?: (url: string) => WorkerLike;
  /** Told when a worker was replaced: the file it held is gone, the next file goes to the fresh one. */
  onLost?: (failure: Failure) => void;
}

interface Pending {
  op: Op;
  ok(v: unknown): void;
  fail(e: Error): void;
  phase?(p: Phase): void;
}

/** A worker running `source` (the page's script), or null when the browser will not start one. */
export async function workerEngine(
  source: string,
  options: WorkerEngineOptions = {},
): Promise<Engine | null> {
  const limits = { ...TIME_LIMITS, ...options.limits };
  const spawn = options.spawn ?? ((u: string) => new Worker(u));
  let url = '';
  try {
    url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  } catch {
    return null;
  }
  let worker: WorkerLike | null = null;
  /** Set once the first worker answered: a failure before that means no worker, not a lost file. */
  let ready = false;
  let next = 1;
  const pending = new Map<number, Pending>();

  const stop = () => {
    worker?.terminate();
    worker = null;
  };

  /** Stops the worker, fails what it owed, and starts a fresh one for the next request. */
  const lose = (failure: Failure) => {
    stop();
    const owed = [...pending.values()];
    pending.clear();
    for (const p of owed) p.fail(new EngineFailure(failure, p.op));
    if (!ready) return;
    options.onLost?.(failure);
    try {
      worker = start();
    } catch {
      // Tried again at the next request.
    }
  };

  const start = (): WorkerLike => {
    const w = spawn(url);
    w.onmessage = (e) => {
      if (w !== worker) return;
      const m = e.data;
      const p = pending.get(m.id);
      if (!p) return;
      if ('phase' in m) return p.phase?.(m.phase);
      pending.delete(m.id);
      if (m.ok) return p.ok(m.value);
      // The worker caught it and answered; after memory ran out or an unexpected error its heap is not to be
      // trusted with the next file, so it is replaced too (the file it held goes with it).
      p.fail(new EngineFailure(m.failure, p.op));
      if (m.failure !== 'no-file') lose(m.failure);
    };
    // An error the worker did not catch (it stops the script's task, not always the worker) or an answer the
    // page cannot receive (a DataCloneError on this side): either way the request has no answer coming.
    w.onerror = (e) => {
      e.preventDefault();
      if (w === worker) lose('crash');
    };
    w.onmessageerror = () => {
      if (w === worker) lose('memory');
    };
    return w;
  };

  const call = <O extends Op>(
    op: O,
    ask: Ops[O]['ask'],
    phase?: (p: Phase) => void,
    transfer: Transferable[] = [],
  ): Promise<Ops[O]['answer']> =>
    new Promise((ok, fail) => {
      let w: WorkerLike;
      try {
        w = worker ?? (worker = start());
      } catch {
        return fail(new EngineFailure('crash', op));
      }
      const id = next++;
      // A worker busy past its time is stopped: a synchronous read cannot be interrupted any other way.
      const timer = setTimeout(() => {
        if (pending.has(id)) lose('time');
      }, limits[op]);
      pending.set(id, {
        op,
        ok: (v) => {
          clearTimeout(timer);
          ok(v as Ops[O]['answer']);
        },
        fail: (e) => {
          clearTimeout(timer);
          fail(e);
        },
        phase,
      });
      try {
        w.postMessage({ ...ask, id, op } as Request, transfer);
      } catch (e) {
        pending.delete(id);
        clearTimeout(timer);
        fail(failureOf(e, op));
      }
    });

  try {
    await call('ping', {});
    ready = true;
  } catch {
    stop();
    URL.revokeObjectURL(url);
    return null;
  }
  return {
    where: 'worker',
    // The bytes are handed over, not copied: the page keeps the File, not its bytes.
    read: (bytes, name, phase) => call('read', { name, bytes }, phase, [bytes.buffer]),
    check: (sheet, opts) => call('check', { sheet, options: opts }),
    reword: (lang) => call('reword', { lang }),
    row: (sheet, cell) => call('row', { sheet, cell }),
    copy: (opts) => call('copy', { options: opts }),
  };
}
