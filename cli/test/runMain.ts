import { main, type Io } from '../src/main';

/** The command line run in-process, as the tests drive it: what it printed on each stream and its exit code. */
export async function runMain(args: string[], today = '2025-07-01') {
  const io: Io & { stdout: string; stderr: string } = {
    stdout: '',
    stderr: '',
    out: (s) => void (io.stdout += s),
    err: (s) => void (io.stderr += s),
    today: () => today,
    // The command's logic, in this thread; the worker pool is tested through the built command (summary/batch).
    inProcess: true,
  };
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}
