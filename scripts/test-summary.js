// Turns Jest's --json results into the closing line CI reads: "N passed, N failed[, N skipped]".
function summaryLine(results) {
  // A suite that failed to load has no failing test of its own: count it once so it cannot vanish.
  const brokenSuites = results.testResults.filter((r) => r.status === 'failed' && r.assertionResults.every((a) => a.status !== 'failed')).length;
  const failed = results.numFailedTests + brokenSuites;
  const skipped = results.numPendingTests + results.numTodoTests;
  return `${results.numPassedTests} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

module.exports = { summaryLine };
