/**
 * The hosts' webpack bundles, built once per test run by jest's global setup (.ci/test-bundles.js) as the npm
 * build scripts build them, each in its own folder. They are made in the background while the first tests run:
 * a test that needs one waits here (call it from a beforeAll with a long timeout). Tests only read them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleepSync } from '../../../cli/test/built';

export type BundleName = 'addin' | 'sheets' | 'web';

/** Ten minutes: the build takes about 30 s alone, longer beside the tests. */
const WAIT_MS = 600_000;

/** The folder holding the bundle, e.g. `sheets` holds Code.js, sidebar.html and appsscript.json. */
export function testBundle(name: BundleName): string {
  const root = process.env.CCHC_TEST_BUNDLES;
  if (!root)
    throw new Error('CCHC_TEST_BUNDLES is not set: run the tests through jest (its global setup builds)');
  const deadline = Date.now() + WAIT_MS;
  while (!existsSync(join(root, 'done'))) {
    if (existsSync(`${root}.failed`))
      throw new Error(
        `the test bundles failed to build:\n${readFileSync(`${root}.failed`, 'utf8').slice(-4000)}`,
      );
    if (Date.now() > deadline) throw new Error(`the test bundles were not built in time (see ${root}.log)`);
    sleepSync(250);
  }
  return join(root, name);
}
