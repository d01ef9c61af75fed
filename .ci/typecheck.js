'use strict';
/**
 * `npm run typecheck`: every TypeScript project of the repository (the core alone without DOM or Node types, the
 * pane, each host, the whole for the command line and the tests), two compilers at a time (one per core of the
 * machine CI runs on). Prints each failing project's errors; exits 1 if any failed.
 */
const { cpus } = require('node:os');
const { runNode } = require('./runNode.js');

const TSC = require.resolve('typescript/bin/tsc');
const PROJECTS = [
  ['tsconfig.json', '--noEmit'],
  ['shared/tsconfig.json'],
  ['shared/ui/tsconfig.json'],
  ['addin-excel/tsconfig.json', '--noEmit'],
  ['apps-script/tsconfig.json'],
  ['web/tsconfig.json'],
];

async function check([project, ...flags]) {
  const { code, output } = await runNode([TSC, '-p', project, ...flags]);
  return { project, ok: code === 0, output };
}

async function main() {
  const queue = [...PROJECTS];
  const failed = [];
  const lane = async () => {
    while (queue.length) {
      const r = await check(queue.shift());
      if (!r.ok) failed.push(r);
    }
  };
  await Promise.all(Array.from({ length: Math.min(2, cpus().length || 1) }, lane));
  for (const r of failed) process.stderr.write(`tsc -p ${r.project}:\n${r.output}\n`);
  process.exit(failed.length ? 1 : 0);
}

main();
