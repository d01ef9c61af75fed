// Prints jest's totals as one plain line ("Tests: N passed, N failed") so that CI logs that do not parse jest's
// own summary still read the outcome, and one line per test file that was skipped whole, with its reason (the
// warning the file printed: no Chromium, no LibreOffice). Under --json it writes to stderr, so that the JSON on
// stdout stays JSON.
const { relative } = require('node:path');

class PlainSummaryReporter {
  constructor(globalConfig) {
    this.json = Boolean(globalConfig && globalConfig.json);
    this.rootDir = (globalConfig && globalConfig.rootDir) || process.cwd();
  }

  onRunComplete(_contexts, results) {
    const out = this.json ? process.stderr : process.stdout;
    const lines = [];
    for (const file of results.testResults) {
      const skippedWhole =
        file.numPendingTests > 0 && file.numPassingTests === 0 && file.numFailingTests === 0;
      if (!skippedWhole) continue;
      const warned = (file.console || []).map((e) => String(e.message)).find((m) => /skip/i.test(m));
      const reason = warned ? warned.split('\n')[0] : 'skipped in the file itself';
      lines.push(`skipped: ${relative(this.rootDir, file.testFilePath)} (${reason})`);
    }
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed`;
    lines.push(skipped ? `${line}, ${skipped} skipped` : line);
    out.write(`\n${lines.join('\n')}\n`);
  }
}

module.exports = PlainSummaryReporter;
