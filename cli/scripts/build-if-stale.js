#!/usr/bin/env node
/**
 * `npm run cchc` and `npm run demo` compile the command line first, but only when a source changed since the
 * last build: TypeScript's incremental build still takes two seconds to find that nothing changed, longer than a
 * one-file check. Compares modification times of the sources and configs with the build's tsbuildinfo.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { readdirSync, statSync, utimesSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const STAMP = join(ROOT, 'dist', '.tsbuildinfo');
// shared/ui too: the CLI's copy takes the pane's words from it.
const SOURCES = ['shared/src', 'shared/ui', 'cli/src', 'cli/bench'];
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestIn(path));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function stale() {
  let built;
  try {
    built = statSync(STAMP).mtimeMs;
  } catch {
    return true;
  }
  const newest = Math.max(
    ...SOURCES.map((d) => newestIn(join(ROOT, d))),
    ...CONFIGS.map((f) => statSync(join(ROOT, f)).mtimeMs),
  );
  return newest > built;
}

if (stale()) {
  const tsc = require.resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
  // tsc leaves its build info untouched when no output changed (a comment edited): mark the build as current.
  const now = new Date();
  utimesSync(STAMP, now, now);
}
