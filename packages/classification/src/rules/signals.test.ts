import { signals } from './signals';

describe('signals', () => {
  test('names every rule uniquely in snake_case when the catalogue loads', () => {
    const names = signals.map((signal) => signal.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+(?:_[a-z0-9]+)*$/);
  });

  test('keeps every confidence within 0..1 when the catalogue loads', () => {
    for (const signal of signals) {
      expect(signal.confidence).toBeGreaterThan(0);
      expect(signal.confidence).toBeLessThanOrEqual(1);
    }
  });

  test('uses no global or sticky regexes when rules are tested repeatedly', () => {
    // test() on a /g or /y regex keeps lastIndex between calls, which would make the rules depend on the previous item.
    for (const signal of signals) expect(signal.pattern.flags).not.toMatch(/[gy]/);
  });
});
