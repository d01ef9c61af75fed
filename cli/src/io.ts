/**
 * What a command talks to: its output streams, today's date and the terminal. main() is given one (the tests give
 * their own); the commands take it from main, so none of them imports main.
 */
import { isoDay } from '../../shared/src/hosts/checkForm';

/** Exit codes: 0 no error finding, 1 error findings, 2 the input (or the command line) cannot be used. */
export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  today: () => string;
  /** Columns the text report may use: the terminal's, or 80 when the output is not a terminal. */
  width?: () => number;
  /** The raw terminal stream for a progress line; absent when stderr is not a terminal (CI, a pipe, a file). */
  progress?: (s: string) => void;
  /**
   * Run each file in this thread instead of on the worker pool: for the tests of a command's own logic, which
   * would otherwise wait for a worker to load the TypeScript sources. The pool has its own tests.
   */
  inProcess?: boolean;
}

export const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  today: () => isoDay(new Date()),
  width: () => (process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 80),
  progress: process.stderr.isTTY ? (s) => void process.stderr.write(s) : undefined,
};
