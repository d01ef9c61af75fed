/** Test runs leave no folder in the system's temporary directory: every test's temporary files go under test-output/tmp. */
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

it('points the temporary directory of tests (and the programs they start) into test-output', () => {
  expect(tmpdir()).toBe(join(resolve(__dirname, '../..'), 'test-output', 'tmp'));
  expect(process.env.TMPDIR).toBe(tmpdir());
});
