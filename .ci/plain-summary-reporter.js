// Prints jest's totals as one plain line ("Tests: N passed, N failed") so that CI logs
// that do not parse jest's own summary still read the outcome.
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed`;
    process.stdout.write(`\n${skipped ? `${line}, ${skipped} skipped` : line}\n`);
  }
}
module.exports = PlainSummaryReporter;
