'use strict';
/**
 * The hosts' four webpack configurations (webpack.config.js) built by one compiler, in this process, each into
 * the folder given for it: the release (cli/scripts/release.ts) and the tests' one build per run
 * (.ci/test-bundles.js) use it. The Sheets server and sidebar share a folder, as in dist/sheets. ADDIN_ORIGIN
 * (read by the add-in's configuration) is taken from the environment at the call.
 */
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const FOLDER = { addin: 'addin', 'sheets-server': 'sheets', 'sheets-sidebar': 'sheets', web: 'web' };

/** `folders.addin`, `folders.sheets` and `folders.web`: where each bundle goes. Rejects with webpack's errors. */
async function buildBundles(folders) {
  const webpack = require('webpack');
  const configs = await require(join(ROOT, 'webpack.config.js'))({}, { mode: 'production' });
  for (const c of configs) c.output.path = folders[FOLDER[c.name]];
  await new Promise((resolve, reject) =>
    webpack(configs, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

module.exports = { buildBundles };
