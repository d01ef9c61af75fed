/**
 * The web page's one script, inlined in cchc.html. On the page it starts the pane; started again as a Worker
 * from a blob of its own text, it serves the reads and copies (worker.ts). One text, so nothing is fetched.
 */
// First: see shared/ui/noEval.ts.
import '../../shared/ui/noEval';
import { startPage } from './page';
import { serveWorker } from './worker';

if (typeof document === 'undefined') serveWorker(globalThis as unknown as Parameters<typeof serveWorker>[0]);
else {
  // Read now: document.currentScript is only set while the script first runs.
  const own = document.currentScript?.textContent ?? '';
  void startPage(own);
}
