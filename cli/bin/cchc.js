#!/usr/bin/env node
'use strict';
// The command line runs from the compiled build (npm run build, done by npm ci / npm install).
let main;
let removeTempsOnSignal;
try {
  ({ main } = require('../../dist/cli/src/main.js'));
  ({ removeTempsOnSignal } = require('../../dist/cli/src/tempFiles.js'));
} catch {
  process.stderr.write(
    'cchc: chưa biên dịch — chạy "npm run build" trước. (not built: run "npm run build" first)\n',
  );
  process.exit(2);
}
// A reader that stops early (`cchc validate … | head -1`) closes the pipe: end quietly, as other tools do, rather
// than with a stack trace.
process.stdout.on('error', (e) => {
  if (e && e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
// Ctrl+C or a kill while a copy is being written leaves no temporary file behind.
removeTempsOnSignal();
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
