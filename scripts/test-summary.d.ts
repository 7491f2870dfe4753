/** Jest's --json results, as far as the summary line needs them. */
export interface JestResults {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: {
    name?: string;
    status: string;
    assertionResults: { status: string; title?: string; ancestorTitles?: string[] }[];
  }[];
}

export function summaryLine(results: JestResults): string;

/** One `skipped: <file>: <describe> > <test>` line per skipped test; the names say why. */
export function skippedLines(results: JestResults, root?: string): string[];
