/**
 * Runs the built command as a user would and records what it cost: wall time and the process's peak resident
 * set (peakRss.js, preloaded), so that the fuzz cases can state and check their memory bounds.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { CCHC, ROOT } from '../built';

const PRELOAD = join(__dirname, 'peakRss.js');

export interface Measured {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident set of the whole process, in MB (0 when it could not be read). */
  peakMb: number;
}

function rssFile(): { file: string; done: () => number } {
  const dir = mkdtempSync(join(tmpdir(), 'rss-'));
  const file = join(dir, 'kb');
  return {
    file,
    done: () => {
      let kb = 0;
      try {
        kb = Number(readFileSync(file, 'utf8'));
      } catch {
        // the process died before its exit handler ran
      }
      rmSync(dir, { recursive: true, force: true });
      return Math.round(kb / 1024);
    },
  };
}

/** `cchc args…` in `cwd`, waited for. */
export function cchcMeasured(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Measured {
  const rss = rssFile();
  const started = Date.now();
  const r = spawnSync('node', ['-r', PRELOAD, CCHC, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 240_000,
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, ...env, CCHC_PEAK_RSS_FILE: rss.file },
  });
  const ms = Date.now() - started;
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms, peakMb: rss.done() };
}

/** The same without blocking, so that several cases run at once (one per core). */
export function cchcMeasuredAsync(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<Measured> {
  const rss = rssFile();
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('node', ['-r', PRELOAD, CCHC, ...args], {
      cwd,
      env: { ...process.env, ...env, CCHC_PEAK_RSS_FILE: rss.file },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started, peakMb: rss.done() });
    });
  });
}

/** What a user must never see: a stack trace, V8's out-of-memory dump, an uncaught error's name. */
export const CRASH = /^\s+at |FATAL ERROR|Last few GCs|JavaScript heap|RangeError|TypeError|Error:/m;

/**
 * cchcMeasured for a test file that records every run (what it ran, its exit code, time and peak memory) into
 * test-output/<report> when the file's tests end: the figures the README's memory bounds come from.
 */
export function recordedRuns(report: string, defaultCwd: string): (args: string[], cwd?: string) => Measured {
  const peaks: { run: string; code: number | null; ms: number; peakMb: number }[] = [];
  afterAll(() => {
    peaks.sort((a, b) => a.run.localeCompare(b.run));
    writeFileSync(join(ROOT, 'test-output', report), JSON.stringify(peaks, null, 2) + '\n');
  });
  return (args, cwd = defaultCwd) => {
    const m = cchcMeasured(args, cwd);
    const run = args.map((a) => (a.includes('/') ? basename(a) : a)).join(' ');
    peaks.push({
      run: run.length > 90 ? `${run.slice(0, 87)}…` : run,
      code: m.code,
      ms: m.ms,
      peakMb: m.peakMb,
    });
    return m;
  };
}
