'use strict';
/**
 * What the tests run as a user would, built once per test run instead of once per test file: the compiled
 * command line (`npm run build`, dist/) and the hosts' webpack bundles (the Excel add-in, the Sheets add-on, the
 * web page). The bundles go to test-output/bundles/<hash>/ under a hash of their sources, so a run whose sources
 * did not change since the last one reuses them; tests find the folder in CCHC_TEST_BUNDLES. The two builds run
 * side by side (two processes: one per core of the machine CI runs on).
 */
const { spawn } = require('node:child_process');
const { createHash } = require('node:crypto');
const {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
const CACHE = join(ROOT, 'test-output', 'bundles');
const ENV = 'CCHC_TEST_BUNDLES';
const BUILT_ENV = 'CCHC_TEST_CLI_BUILT';

/** What goes into the bundles: the sources of the core, the pane and the hosts, and the build's configuration. */
const INPUTS = [
  'shared/src',
  'shared/ui',
  'addin-excel',
  'apps-script',
  'web/src',
  'webpack.config.js',
  'manifest.xml',
  'package-lock.json',
  'tsconfig.json',
];
// Tests and the scripts' own tests do not change a bundle.
const SKIP = /(^|\/)(test|node_modules|dist)(\/|$)|\.test\.ts$/;

function filesUnder(path, out) {
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch {
    out.push(path);
    return out;
  }
  for (const e of entries) {
    const child = join(path, e.name);
    if (SKIP.test(relative(ROOT, child))) continue;
    if (e.isDirectory()) filesUnder(child, out);
    else out.push(child);
  }
  return out;
}

function sourcesHash() {
  const hash = createHash('sha256');
  const files = INPUTS.flatMap((p) => filesUnder(join(ROOT, p), [])).sort();
  for (const f of files) {
    hash.update(relative(ROOT, f)).update('\0');
    if (existsSync(f)) hash.update(readFileSync(f));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function run(args, label) {
  return new Promise((resolve, reject) => {
    // The add-in as the tests serve it: for the development origin, whatever the shell has set.
    const env = { ...process.env };
    delete env.ADDIN_ORIGIN;
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${label} failed (${code}):\n${output.slice(-4000)}`)),
    );
  });
}

async function setup() {
  if (process.env[ENV]) return;
  const started = Date.now();
  const dir = join(CACHE, sourcesHash());
  const jobs = [
    run([require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], 'npm run build (tsc)'),
  ];
  if (!existsSync(join(dir, 'done'))) {
    rmSync(CACHE, { recursive: true, force: true });
    const building = `${dir}.building`;
    mkdirSync(building, { recursive: true });
    jobs.push(
      run([__filename, building], 'webpack (test bundles)').then(() => {
        writeFileSync(join(building, 'done'), '');
        renameSync(building, dir);
      }),
    );
  }
  await Promise.all(jobs);
  process.env[ENV] = dir;
  process.env[BUILT_ENV] = '1';
  if (process.env.CI) console.log(`\ntest builds ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

module.exports = { setup, ENV, BUILT_ENV };

if (require.main === module) {
  const dir = process.argv[2];
  const folders = { addin: join(dir, 'addin'), sheets: join(dir, 'sheets'), web: join(dir, 'web') };
  require('../cli/scripts/webpackBundles.js')
    .buildBundles(folders)
    .catch((e) => {
      console.error(e && e.stack ? e.stack : e);
      process.exit(1);
    });
}
