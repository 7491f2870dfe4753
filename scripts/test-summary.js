// Turns Jest's --json results into the closing line CI reads: "N passed, N failed[, N skipped]".
function summaryLine(results) {
  // A suite that failed to load has no failing test of its own: count it once so it cannot vanish.
  const brokenSuites = results.testResults.filter(
    (r) => r.status === 'failed' && r.assertionResults.every((a) => a.status !== 'failed'),
  ).length;
  const failed = results.numFailedTests + brokenSuites;
  const skipped = results.numPendingTests + results.numTodoTests;
  return `${results.numPassedTests} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

/** One line per skipped test, its name (which says why) after its file: a skip is never silent. */
function skippedLines(results, root = process.cwd()) {
  const lines = [];
  for (const file of results.testResults) {
    for (const a of file.assertionResults) {
      if (a.status === 'pending' || a.status === 'todo')
        lines.push(
          `skipped: ${file.name.startsWith(root) ? file.name.slice(root.length + 1) : file.name}: ${[...a.ancestorTitles, a.title].join(' > ')}`,
        );
    }
  }
  return lines;
}

module.exports = { summaryLine, skippedLines };
