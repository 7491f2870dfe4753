import { backoffMs } from './backoff';

describe('backoffMs', () => {
  test('doubles the step per attempt when jitter is at its maximum', () => {
    const opts = { minMs: 100, maxMs: 10_000, random: () => 0.999999 };
    expect([0, 1, 2, 3].map((a) => backoffMs(a, opts))).toEqual([100, 200, 400, 800]);
  });
  test('stays between half and all of the step when jitter is random', () => {
    for (let i = 0; i < 100; i++) {
      const ms = backoffMs(3, { minMs: 100, maxMs: 10_000 });
      expect(ms).toBeGreaterThanOrEqual(400);
      expect(ms).toBeLessThanOrEqual(800);
    }
  });
  test('caps at maxMs when attempts grow large', () => {
    expect(backoffMs(50, { minMs: 100, maxMs: 5000, random: () => 0.999999 })).toBe(5000);
  });
});
