import path from 'node:path';
import { sharedDir, sharedPath } from './repo';

describe('sharedPath', () => {
  test('returns a path that exists under ../shared', () => {
    expect(sharedPath()).toBe(sharedDir);
  });

  test('fails naming the missing path and ../shared, so a test without it says why', () => {
    expect(() => sharedPath('tools', 'no-such-tool')).toThrow(
      `${path.join(sharedDir, 'tools', 'no-such-tool')} is missing: the tests read data and tools from ../shared beside the repository clone`,
    );
  });
});
