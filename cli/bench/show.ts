/**
 * How the benchmark prints and times: ratios against the reference of the same run, and whole processes timed
 * from outside (wall time and peak RSS by GNU time, as a user's shell would see them).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** "3.41×": how many times `reference` is `ours` (above 1: ours is faster or smaller). */
export function ratio(reference: number, ours: number): string {
  return `${(reference / ours).toFixed(2)}×`;
}

export interface ProcessRun {
  ms: number;
  /** Peak resident memory (MiB), NaN where GNU time is missing. */
  rssMb: number;
}

const GNU_TIME = '/usr/bin/time';

/** One run of a command to its end, output discarded; throws when it fails, so a broken run is never a figure. */
export function runProcess(command: string, args: string[], env: NodeJS.ProcessEnv = {}): ProcessRun {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-time-'));
  const out = join(dir, 'time');
  try {
    const timed = existsSync(GNU_TIME);
    const t0 = performance.now();
    const r = timed
      ? spawnSync(GNU_TIME, ['-f', '%M', '-o', out, command, ...args], {
          env: { ...process.env, ...env },
          stdio: ['ignore', 'ignore', 'pipe'],
        })
      : spawnSync(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = performance.now() - t0;
    // validate exits 1 when a table has errors: that is a finished run; 2 and above are not.
    if (r.status === null || r.status > 1) throw new Error(`${command} ${args.join(' ')}: ${r.stderr}`);
    const rssMb = timed ? Number(readFileSync(out, 'utf8').trim().split('\n').pop()) / 1024 : NaN;
    return { ms, rssMb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The best time of `runs` runs and the peak memory of the best run. */
export function bestRun(runs: number, run: () => ProcessRun): ProcessRun {
  let best: ProcessRun = { ms: Infinity, rssMb: NaN };
  for (let i = 0; i < runs; i++) {
    const r = run();
    if (r.ms < best.ms) best = r;
  }
  return best;
}

/** The median of `runs` runs (for start-up, where one lucky run says little). */
export function medianRun(runs: number, run: () => ProcessRun): ProcessRun {
  const all = Array.from({ length: runs }, run).sort((a, b) => a.ms - b.ms);
  return all[Math.floor(runs / 2)];
}
