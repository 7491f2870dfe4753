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

  test('runs a rule with further word lists only where one word of each is, through the scanner too', () => {
    const both = createRuleDetector(
      'user',
      [[rule([' for '], 'failed for (\\w+)', undefined, 'g', [['fail'], ['log', 'auth']])]],
      () => true,
    );
    expect(both.parts?.[0]?.keywordGroups).toEqual([[' for '], ['fail'], ['log', 'auth']]);
    expect(findValues(both, 'login failed for alice')).toEqual(['alice']);
    // The pattern would match, but no word of the last list is in the text: the rule does not run.
    expect(findValues(both, 'job failed for alice')).toEqual([]);
    const out: Parameters<typeof both.find>[1] = [];
    both.parts?.[0]?.find('auth failed for bob', out, 0b011);
    expect(out).toEqual([]);
    both.parts?.[0]?.find('auth failed for bob', out, 0b111);
    expect(out.map((c) => c.start)).toEqual(['auth failed for '.length]);
  });

  test('declares the groups a part needs at once only when a rule has further word lists', () => {
    const both = createRuleDetector(
      'user',
      [[rule(['login as'], 'login as (\\w+)'), rule([' for '], 'failed for (\\w+)', undefined, 'g', [['fail']])]],
      () => true,
    );
    // The first rule needs its one group, the second its own and the list after it.
    expect(both.parts?.[0]?.keywordNeeds).toEqual([0b001, 0b110]);
    expect(detector.parts?.[0]?.keywordNeeds).toBeUndefined();
  });

  test('cuts rules with further word lists into parts of at most 32 keyword groups, in order', () => {
    const wide = createRuleDetector(
      'user',
      [Array.from({ length: 20 }, (_, i) => rule([`w${i}x`], `w${i}x=(\\w+)`, undefined, 'g', [[`v${i}`]]))],
      () => true,
    );
    expect(wide.parts?.map((p) => p.keywordGroups?.length)).toEqual([32, 8]);
    expect(findValues(wide, 'v0 w0x=a v16 w16x=b v19 w19x=c')).toEqual(['a', 'b', 'c']);
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
