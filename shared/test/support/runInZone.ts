/**
 * Runs a TypeScript probe in a child Node process with TZ set and returns what it printed as JSON: a Jest worker
 * cannot change its own time zone (process.env is a copy per test file), and date handling must be proved in the
 * zones the users and the servers are in.
 */
import { spawnSync } from 'node:child_process';

const TSX = require.resolve('tsx/cli');

export function runInZone(script: string, zone: string): unknown {
  const run = spawnSync(process.execPath, [TSX, script], {
    env: { ...process.env, TZ: zone },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.status !== 0 || run.stderr) throw new Error(`${script} in ${zone} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout);
}
