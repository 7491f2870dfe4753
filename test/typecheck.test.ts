import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './support/repo';

// Jest runs TypeScript through SWC, which strips types without checking them; this keeps tests and fixtures honest too.
describe('TypeScript', () => {
  test('every source, test and fixture file type-checks under strict settings', () => {
    const tsc = require.resolve('typescript/bin/tsc', { paths: [repoRoot] });
    const run = spawnSync(process.execPath, [tsc, '-p', path.join(repoRoot, 'tsconfig.tests.json')], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
