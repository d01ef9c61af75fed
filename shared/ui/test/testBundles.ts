/**
 * The hosts' webpack bundles, built once per test run by jest's global setup (.ci/test-bundles.js) as the npm
 * build scripts build them, each in its own folder. Tests only read them: a file a test makes goes elsewhere.
 */
import { join } from 'node:path';

export type BundleName = 'addin' | 'sheets' | 'web';

/** The folder holding the bundle, e.g. `sheets` holds Code.js, sidebar.html and appsscript.json. */
export function testBundle(name: BundleName): string {
  const root = process.env.CCHC_TEST_BUNDLES;
  if (!root)
    throw new Error('CCHC_TEST_BUNDLES is not set: run the tests through jest (its global setup builds)');
  return join(root, name);
}
