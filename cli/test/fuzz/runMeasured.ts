/**
 * Runs the built command as a user would and records what it cost: wall time and the process's peak resident
 * set (peakRss.js, preloaded), so that the fuzz cases can state and check their memory bounds.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CCHC } from '../built';

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
