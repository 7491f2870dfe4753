import { skippedLines, summaryLine } from './test-summary';

describe('test summary line', () => {
  test('counts passed, failed, skipped and a suite that failed to load', () => {
    const line = summaryLine({
      numPassedTests: 7,
      numFailedTests: 1,
      numPendingTests: 2,
      numTodoTests: 0,
      testResults: [
        { status: 'failed', assertionResults: [{ status: 'failed' }, { status: 'passed' }] },
        { status: 'failed', assertionResults: [] },
        { status: 'passed', assertionResults: [{ status: 'passed' }] },
      ],
    });
    expect(line).toBe('7 passed, 2 failed, 2 skipped');
  });

  test('omits skipped when nothing was skipped', () => {
    expect(
      summaryLine({ numPassedTests: 3, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, testResults: [] }),
    ).toBe('3 passed, 0 failed');
  });

  test('lists each skipped test with its file and full name, which carries the reason', () => {
    const lines = skippedLines(
      {
        numPassedTests: 1,
        numFailedTests: 0,
        numPendingTests: 1,
        numTodoTests: 0,
        testResults: [
          {
            name: '/repo/services/x/test/redis.test.ts',
            status: 'passed',
            assertionResults: [
              {
                status: 'pending',
                ancestorTitles: ['shared cache (skipped: no redis-server; apt-get install -y redis-server)'],
                title: 'shares answers',
              },
              { status: 'passed', ancestorTitles: [], title: 'other' },
            ],
          },
        ],
      },
      '/repo',
    );
    expect(lines).toEqual([
      'skipped: services/x/test/redis.test.ts: shared cache (skipped: no redis-server; apt-get install -y redis-server) > shares answers',
    ]);
  });
});
