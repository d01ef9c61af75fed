/**
 * The compiled command line, for tests that run it as a user does (`node cli/bin/cchc.js`). Test files run in
 * parallel: one build at a time (a lock folder), so no test runs a file another build is half-way writing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const CCHC = join(ROOT, 'cli/bin/cchc.js');

const LOCK = join(ROOT, 'test-output', '.build-lock');

/** Blocks this thread for `ms` (a test waiting for another's build: nothing else to do meanwhile). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds incrementally (quick when nothing changed), waiting for any other test's build to finish first; nothing
 * to do when jest's global setup has built it for this run (.ci/test-bundles.js).
 */
export function ensureBuilt(): void {
  if (process.env.CCHC_TEST_CLI_BUILT) return;
  mkdirSync(join(ROOT, 'test-output'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a killed run is stale after two minutes.
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 120_000) rmdirSync(LOCK);
      } catch {
        /* gone meanwhile */
      }
      sleepSync(200);
    }
  }
  try {
    execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT });
  } finally {
    rmdirSync(LOCK);
  }
}
