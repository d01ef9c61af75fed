/**
 * The worker's side: the page's own script, run again inside a Worker made from a blob of its text (one file,
 * nothing to fetch). It keeps the last file's bytes and grids, so "download the checked copy" sends only options.
 */
import { copyOf, readFile } from './engine';
import type { LoadedFile, Request, Response } from './protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(message: Response, transfer?: Transferable[]): void;
}

export function serveWorker(scope: WorkerScope): void {
  let bytes: Uint8Array | null = null;
  let file: LoadedFile | null = null;
  scope.onmessage = (e) => {
    const req = e.data;
    try {
      if (req.op === 'ping') scope.postMessage({ id: req.id, ok: true, value: 'pong' });
      else if (req.op === 'read') {
        bytes = null;
        file = null;
        const outcome = readFile(req.bytes, req.name, (phase) => scope.postMessage({ id: req.id, phase }));
        if (outcome.ok) {
          bytes = req.bytes;
          file = outcome.file;
        }
        scope.postMessage({ id: req.id, ok: true, value: outcome });
      } else if (req.op === 'copy') {
        if (!bytes || !file) throw new Error('no file read');
        const copy = copyOf(bytes, file, req.options);
        scope.postMessage({ id: req.id, ok: true, value: copy }, [copy.buffer]);
      }
    } catch (err) {
      scope.postMessage({ id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) });
    }
  };
}
