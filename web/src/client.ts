/**
 * The page's side of the worker. The worker is the page's own inline script in a blob (CSP: worker-src blob:),
 * so the file is read and the copy written off the main thread and the page stays responsive. Where no worker
 * can be made (a browser or policy that refuses blob workers), the same engine runs on the page.
 */
import type { CheckOptions } from '../../shared/src/index';
import { copyOf, readFile } from './engine';
import type { LoadedFile, Phase, ReadOutcome, Request, Response } from './protocol';

export interface Engine {
  /** Where the work runs, for the tests and the README's figures. */
  readonly where: 'worker' | 'page';
  read(bytes: Uint8Array, name: string, phase: (p: Phase) => void): Promise<ReadOutcome>;
  copy(options: CheckOptions): Promise<Uint8Array>;
}

/** The engine on the page itself. */
export function pageEngine(): Engine {
  let last: { bytes: Uint8Array; file: LoadedFile } | null = null;
  return {
    where: 'page',
    async read(bytes, name, phase) {
      last = null;
      const outcome = readFile(bytes, name, phase);
      if (outcome.ok) last = { bytes, file: outcome.file };
      return outcome;
    },
    async copy(options) {
      if (!last) throw new Error('no file read');
      return copyOf(last.bytes, last.file, options);
    },
  };
}

/** A request without its id, each kind of it (Omit over the union would merge them). */
type Ask = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

type Pending = { ok(v: unknown): void; fail(e: Error): void; phase?(p: Phase): void };

/** A worker running `source` (the page's script), or null when the browser will not start one. */
export async function workerEngine(source: string, timeoutMs = 5000): Promise<Engine | null> {
  let worker: Worker;
  let url = '';
  try {
    url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    worker = new Worker(url);
  } catch {
    if (url) URL.revokeObjectURL(url);
    return null;
  }
  let next = 1;
  const pending = new Map<number, Pending>();
  const failAll = (why: string) => {
    for (const p of pending.values()) p.fail(new Error(why));
    pending.clear();
  };
  worker.onmessage = (e: MessageEvent<Response>) => {
    const m = e.data;
    const p = pending.get(m.id);
    if (!p) return;
    if ('phase' in m) return p.phase?.(m.phase);
    pending.delete(m.id);
    if (m.ok) p.ok(m.value);
    else p.fail(new Error(m.message));
  };
  worker.onerror = (e) => {
    e.preventDefault();
    failAll(e.message || 'worker error');
  };
  const call = <T>(req: Ask, phase?: (p: Phase) => void, transfer: Transferable[] = []) =>
    new Promise<T>((ok, fail) => {
      const id = next++;
      pending.set(id, { ok: ok as (v: unknown) => void, fail, phase });
      worker.postMessage({ ...req, id }, transfer);
    });

  const alive = await Promise.race([
    call<string>({ op: 'ping' }).then(
      () => true,
      () => false,
    ),
    new Promise<boolean>((ok) => setTimeout(() => ok(false), timeoutMs)),
  ]);
  URL.revokeObjectURL(url);
  if (!alive) {
    worker.terminate();
    return null;
  }
  return {
    where: 'worker',
    // The bytes are handed over, not copied: the page keeps the File, not its bytes.
    read: (bytes, name, phase) => call<ReadOutcome>({ op: 'read', name, bytes }, phase, [bytes.buffer]),
    copy: (options) => call<Uint8Array>({ op: 'copy', options }),
  };
}
