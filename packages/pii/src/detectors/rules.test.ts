import { findValues } from '../testing';
import { detectorFactories } from './registry';
import { createRuleDetector, rule } from './rules';

describe('rule detector', () => {
  const detector = createRuleDetector(
    'user',
    [[rule(['login as'], 'login as (\\w+)')], [rule(['owner'], 'owner=(\\w+):(\\w+)', [2])]],
    (value) => value !== 'nobody',
  );

  test('finds every capture group of a rule when its words are in the text', () => {
    expect(findValues(detector, 'login as alice; login as bob')).toEqual(['alice', 'bob']);
  });

  test('finds only the listed groups when a rule names its values', () => {
    expect(findValues(detector, 'owner=root:carol')).toEqual(['carol']);
  });

  test('runs only the groups whose words the scanner saw when given a bit set', () => {
    const out: Parameters<typeof detector.find>[1] = [];
    detector.find('login as alice owner=x:dave', out, 0b10);
    expect(out.map((c) => c.start)).toEqual(['login as alice owner=x:'.length]);
  });

  test('drops a value when accept refuses it', () => {
    expect(findValues(detector, 'login as nobody')).toEqual([]);
  });

  test.each(Object.entries(detectorFactories))(
    'keeps %s within the 32 keyword group bits the scanner has',
    (_type, factory) => {
      expect(factory().keywordGroups?.length ?? 0).toBeLessThanOrEqual(32);
    },
  );
});
