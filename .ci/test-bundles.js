'use strict';
/**
 * What the tests run as a user would, built once per test run instead of once per test file: the compiled
 * command line (`npm run build`, dist/) and the hosts' webpack bundles (the Excel add-in, the Sheets add-on, the
 * web page). The bundles go to test-output/bundles/<hash>/ under a hash of their sources, so a run whose sources
 * did not change since the last one reuses them; tests find the folder in CCHC_TEST_BUNDLES. The command line is
 * ready before any test starts; the bundles are made beside the first tests (startBundles).
 */
const { spawn } = require('node:child_process');
const { createHash } = require('node:crypto');
const { runNode } = require('./runNode.js');
const {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
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

async function run(args, label) {
  const { code, output } = await runNode(args);
  if (code !== 0) throw new Error(`${label} failed (${code}):\n${output.slice(-4000)}`);
}

/**
 * The bundles are built in the background: the tests that need none run meanwhile on the other core, and a test
 * that needs one waits for it (shared/ui/test/testBundles.ts). The builder is a process of its own that moves its
 * folder into place (or leaves `<hash>.failed` with the error) itself, so a run that ends first leaves it whole.
 */
function startBundles(dir) {
  rmSync(CACHE, { recursive: true, force: true });
  mkdirSync(CACHE, { recursive: true });
  const log = openSync(`${dir}.log`, 'w');
  const env = { ...process.env };
  // The add-in as the tests serve it: for the development origin, whatever the shell has set.
  delete env.ADDIN_ORIGIN;
  const child = spawn(process.execPath, [__filename, dir], { cwd: ROOT, env, stdio: ['ignore', log, log] });
  child.unref();
  closeSync(log);
}

/**
 * A builder of these very sources started by a run that has ended (a run of a few test files) may still be at
 * work: it is waited for, not raced. Emptying the cache under it left one half-built folder and failed the other's
 * rename. A folder older than any build is a builder that was killed.
 */
function builderAtWork(dir) {
  try {
    return Date.now() - statSync(`${dir}.building`).mtimeMs < 10 * 60 * 1000;
  } catch {
    return false;
  }
}

async function setup() {
  if (process.env[ENV]) return;
  const started = Date.now();
  const dir = join(CACHE, sourcesHash());
  if (!existsSync(join(dir, 'done')) && !builderAtWork(dir)) startBundles(dir);
  await run([require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], 'npm run build (tsc)');
  process.env[ENV] = dir;
  process.env[BUILT_ENV] = '1';
  if (process.env.CI) console.log(`\ncommand line built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

module.exports = { setup, ENV, BUILT_ENV };

if (require.main === module) {
  const dir = process.argv[2];
  const building = `${dir}.building`;
  mkdirSync(building, { recursive: true });
  const folders = {
    addin: join(building, 'addin'),
    sheets: join(building, 'sheets'),
    web: join(building, 'web'),
  };
  require('../cli/scripts/webpackBundles.js')
    .buildBundles(folders)
    .then(() => {
      writeFileSync(join(building, 'done'), '');
      renameSync(building, dir);
    })
    .catch((e) => {
      writeFileSync(`${dir}.failed`, String(e && e.stack ? e.stack : e));
      process.exit(1);
    });
}
