/** The test run as CI and tools read it (issue 9, item 9): a plain summary line, skipped suites named, --json JSON. */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Reporter = require(join(ROOT, '.ci/plain-summary-reporter.js'));

function captured(json: boolean, results: unknown): { stdout: string; stderr: string } {
  const out = { stdout: '', stderr: '' };
  const write = (key: 'stdout' | 'stderr') =>
    jest.spyOn(process[key], 'write').mockImplementation((s) => {
      out[key] += String(s);
      return true;
    });
  const spies = [write('stdout'), write('stderr')];
  try {
    new Reporter({ json, rootDir: ROOT }).onRunComplete(new Set(), results);
  } finally {
    for (const s of spies) s.mockRestore();
  }
  return out;
}

const results = {
  numPassedTests: 12,
  numFailedTests: 0,
  numPendingTests: 3,
  numTodoTests: 0,
  testResults: [
    {
      testFilePath: join(ROOT, 'apps-script/test/e2e/sidebar.e2e.test.ts'),
      numPassingTests: 0,
      numFailingTests: 0,
      numPendingTests: 3,
      console: [
        {
          message:
            'sidebar.e2e: skipped, /usr/bin/chromium is missing (apt-get install chromium); CI runs it.',
        },
      ],
    },
    {
      testFilePath: join(ROOT, 'cli/test/cli.test.ts'),
      numPassingTests: 12,
      numFailingTests: 0,
      numPendingTests: 0,
    },
  ],
};

describe('the plain summary reporter', () => {
  it('names each suite skipped whole, with its reason, then the totals', () => {
    expect(captured(false, results)).toEqual({
      stdout:
        '\nskipped: apps-script/test/e2e/sidebar.e2e.test.ts (sidebar.e2e: skipped, /usr/bin/chromium is missing ' +
        '(apt-get install chromium); CI runs it.)\nTests: 12 passed, 0 failed, 3 skipped\n',
      stderr: '',
    });
  });

  it('writes to stderr under --json', () => {
    expect(captured(true, results).stdout).toBe('');
  });

  it('leaves jest --json output parseable', () => {
    const run = spawnSync(
      process.execPath,
      [require.resolve('jest/bin/jest'), '--json', 'shared/test/table/numberFormat.test.ts'],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).numPassedTests).toBeGreaterThan(10);
    expect(run.stderr).toMatch(/Tests: \d+ passed, 0 failed/);
  }, 120_000);
});
