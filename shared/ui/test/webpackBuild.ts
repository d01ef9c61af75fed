/**
 * Builds named configurations of the repository's webpack.config.js into a private folder, as the npm build
 * scripts do: the hosts' tests build their own copy (dist/ may be in use by another build or test).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/** Throws with the tail of webpack's output when the build fails. */
export function runWebpack(configNames: readonly string[], outputPath: string, timeoutMs: number): void {
  const run = spawnSync(
    process.execPath,
    [
      require.resolve('webpack-cli/bin/cli.js'),
      '--mode',
      'production',
      ...configNames.flatMap((name) => ['--config-name', name]),
      '--output-path',
      outputPath,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs },
  );
  if (run.status !== 0)
    throw new Error(`webpack failed (${run.status}):\n${(run.stdout + run.stderr).slice(-3000)}`);
}
