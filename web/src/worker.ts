/**
 * The worker's side: the page's own script, run again inside a Worker made from a blob of its text (one file,
 * nothing to fetch). It reads the file, keeps its bytes and grids, and checks, previews and copies from them, so
 * the page sends only options and gets only what it shows. Every request gets one answer: its value, or why not
 * (protocol.ts), never a raw exception for the page to show.
 */
import { checkSheet, copyOf, isOutOfMemory, readFile, rewordLast, rowOf, type LoadedFile } from './engine';
import type { Ops, Request, Response, WorkerFailure } from './protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(message: Response, transfer?: Transferable[]): void;
}

class NoFile extends Error {}

export function serveWorker(scope: WorkerScope): void {
  let file: LoadedFile | null = null;
  const held = (): LoadedFile => {
    if (!file) throw new NoFile('no file read');
    return file;
  };

  function answer(req: Request): { value: Ops[Request['op']]['answer']; transfer?: Transferable[] } {
    switch (req.op) {
      case 'ping':
        return { value: 'pong' };
      case 'read': {
        file = null;
        const read = readFile(req.bytes, req.name, (phase) => scope.postMessage({ id: req.id, phase }));
        file = read.file;
        return { value: read.outcome };
      }
      case 'check':
        scope.postMessage({ id: req.id, phase: 'check' });
        return { value: checkSheet(held(), req.sheet, req.options) };
      case 'reword':
        return { value: rewordLast(held(), req.lang) };
      case 'row':
        return { value: rowOf(held(), req.sheet, req.cell) };
      case 'copy': {
        scope.postMessage({ id: req.id, phase: 'copy' });
        const copy = copyOf(held(), req.options);
        // Handed over, not copied: the copy can be as large as the file.
        return { value: copy, transfer: [copy.buffer] };
      }
    }
  }

  const failureOf = (err: unknown): WorkerFailure =>
    err instanceof NoFile ? 'no-file' : isOutOfMemory(err) ? 'memory' : 'crash';

  scope.onmessage = (e) => {
    const req = e.data;
    try {
      const { value, transfer } = answer(req);
      scope.postMessage({ id: req.id, op: req.op, ok: true, value } as Response, transfer);
    } catch (err) {
      // A read that ran out of memory leaves nothing worth keeping; a failed copy leaves the file as it was.
      if (req.op === 'read') file = null;
      scope.postMessage({ id: req.id, ok: false, failure: failureOf(err) });
    }
  };
}
