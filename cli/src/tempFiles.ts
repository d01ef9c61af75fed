/**
 * The temporary files of this run (a copy being written beside its target), so that Ctrl+C or a `kill` leaves
 * none behind. A checked copy is written by a worker thread while the main thread waits: the main thread names the
 * temporary file before the worker makes it (FileJob.copy.temp), so it knows what to remove when a signal ends the
 * run, the worker with it.
 */
import { rmSync } from 'node:fs';

const pending = new Set<string>();

export function trackTemp(path: string): void {
  pending.add(path);
}

export function untrackTemp(path: string): void {
  pending.delete(path);
}

/** Removes every temporary file still pending; never throws. */
export function removeTemps(): void {
  for (const path of pending) {
    try {
      rmSync(path, { force: true });
    } catch {
      // a file we cannot remove now is no reason to keep the user waiting
    }
  }
  pending.clear();
}

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

/**
 * On SIGINT, SIGTERM or SIGHUP: remove the pending temporary files and end with the signal's usual status
 * (128 + its number), as the shell reports a process the signal killed. For the command's own process only
 * (cli/bin/cchc.js), never for a test that runs main() in-process.
 */
export function removeTempsOnSignal(): void {
  for (const [name, number] of Object.entries(SIGNALS)) {
    process.once(name, () => {
      removeTemps();
      process.exit(128 + number);
    });
  }
  // A worker may make its file between the signal and the exit: look once more as the process ends.
  process.once('exit', removeTemps);
}
