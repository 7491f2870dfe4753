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

  test('runs only the rules whose words the scanner saw when given a bit set (one bit a rule)', () => {
    const out: Parameters<typeof detector.find>[1] = [];
    const [part] = detector.parts ?? [];
    part?.find('login as alice owner=x:dave', out, 0b10);
    expect(out.map((c) => c.start)).toEqual(['login as alice owner=x:'.length]);
  });

  test('runs a rule only where its own words are when called without the scanner', () => {
    const loose = createRuleDetector('user', [[rule(['sudo'], '(\\w+) ran')]], () => true);
    expect(findValues(loose, 'alice ran')).toEqual([]);
    expect(findValues(loose, 'sudo: alice ran')).toEqual(['alice']);
  });

  test('cuts many rules into parts of 32, in order, each rule its own keyword group', () => {
    const many = createRuleDetector(
      'user',
      [Array.from({ length: 70 }, (_, i) => rule([`w${i}x`], `w${i}x=(\\w+)`))],
      () => true,
    );
    expect(many.parts?.map((p) => p.keywordGroups?.length)).toEqual([32, 32, 6]);
    expect(findValues(many, 'w0x=a w33x=b w69x=c')).toEqual(['a', 'b', 'c']);
  });

  test('drops a value when accept refuses it', () => {
    expect(findValues(detector, 'login as nobody')).toEqual([]);
  });

  test.each(Object.entries(detectorFactories))(
    'keeps each part of %s within the 32 keyword group bits the scanner has',
    (_type, factory) => {
      const detector = factory();
      for (const part of detector.parts ?? [detector]) expect(part.keywordGroups?.length ?? 0).toBeLessThanOrEqual(32);
    },
  );
});
