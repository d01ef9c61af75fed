#!/usr/bin/env node
'use strict';
// The command line runs from the compiled build (npm run build, done by npm ci / npm install).
let main;
try {
  ({ main } = require('../../dist/cli/src/main.js'));
} catch {
  process.stderr.write(
    'cchc: chưa biên dịch — chạy "npm run build" trước. (not built: run "npm run build" first)\n',
  );
  process.exit(2);
}
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
