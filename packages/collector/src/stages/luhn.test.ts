import { createStageHarness, expectStageCompliance, stageConfigIssues, testEntry } from '../testing';

// 4111111111111111 and 5500005555555559 pass the Luhn check; 4111111111111112 does not.
describe('luhn stage', () => {
  test.each([
    [
      'replaces a Luhn-valid run with the default replacement',
      '- luhn: {}',
      'card 4111111111111111 ok',
      'card **REDACTED** ok',
    ],
    [
      'replaces every valid run and keeps the invalid ones',
      `- luhn: { replacement: '<card>' }`,
      '4111111111111111,4111111111111112;5500005555555559',
      '<card>,4111111111111112;<card>',
    ],
    [
      'leaves runs shorter than min_length alone',
      '- luhn: { min_length: 17 }',
      'id 4111111111111111',
      'id 4111111111111111',
    ],
    [
      'checks short runs when min_length allows them',
      '- luhn: { min_length: 2, replacement: X }',
      'a 18 b 19',
      'a X b 19',
    ],
    [
      'leaves runs of more than 19 digits alone, as Alloy does',
      '- luhn: {}',
      '41111111111111110000000',
      '41111111111111110000000',
    ],
    [
      'keeps separated groups apart when no delimiters are set',
      '- luhn: {}',
      '4111 1111 1111 1111',
      '4111 1111 1111 1111',
    ],
    [
      'joins digits across delimiters and keeps the delimiter after the number',
      `- luhn: { delimiters: ' -' }`,
      'pay 4111 1111-1111 1111 now',
      'pay **REDACTED** now',
    ],
    [
      'writes an invalid delimited run back as it was',
      `- luhn: { delimiters: ' ' }`,
      'n 4111 1111 1111 1112 x',
      'n 4111 1111 1111 1112 x',
    ],
    ['masks a number at the very start and end of the line', '- luhn: { replacement: "#" }', '4111111111111111', '#'],
  ])('%s', (_name, yaml, line, expected) => {
    expect(createStageHarness(yaml).run([testEntry(line)])[0].line).toBe(expected);
  });

  test('masks the source value in place and leaves the line alone when source is set', () => {
    const [out] = createStageHarness('- luhn: { source: card }').run([
      testEntry('line 4111111111111111', { extracted: { card: 'n=4111111111111111' } }),
    ]);
    expect(out).toMatchObject({ line: 'line 4111111111111111', extracted: { card: 'n=**REDACTED**' } });
  });

  test('leaves the entry alone and counts nothing when the source key is missing', async () => {
    const harness = createStageHarness('- luhn: { source: card }', 'p');
    expect(harness.run([testEntry('4111111111111111')])).toMatchObject([{ line: '4111111111111111', extracted: {} }]);
    expect(await harness.counter('collector_stage_parse_failures_total', { pipeline: 'p' })).toBe(0);
  });

  test('counts a parse failure when the source value is not text', async () => {
    const harness = createStageHarness('- luhn: { source: card }', 'p');
    harness.run([testEntry('x', { extracted: { card: { nested: '4111111111111111' } } })]);
    expect(await harness.counter('collector_stage_parse_failures_total', { pipeline: 'p', stage: '0/luhn' })).toBe(1);
  });

  test.each([
    ['accepts the defaults', '- luhn: {}\n', []],
    [
      'rejects a min_length of 0',
      '- luhn: { min_length: 0 }\n',
      ['stages.yaml:1:11 [0].luhn.min_length: too small: expected number to be >=1, got 0'],
    ],
    [
      'rejects a min_length no card number reaches',
      '- luhn: { min_length: 20 }\n',
      [
        'stages.yaml:1:11 [0].luhn.min_length: card numbers have at most 19 digits, so a larger min_length never matches, got 20',
      ],
    ],
    [
      'rejects an empty source',
      `- luhn: { source: '' }\n`,
      ['stages.yaml:1:11 [0].luhn.source: `source` may not be empty; omit it to mask the line, got length 0'],
    ],
    ['rejects unknown keys', '- luhn: { min_len: 3 }\n', ['stages.yaml:1:11 [0].luhn.min_len: unknown key "min_len"']],
  ])('%s', (_name, yaml, expected) => {
    expect(stageConfigIssues(yaml)).toEqual(expected);
  });

  test('keeps the stage contract when given odd input', async () => {
    await expectStageCompliance('- luhn: { min_length: 1 }', { mayChange: ['line'] });
    await expectStageCompliance(`- luhn: { source: value, delimiters: ' -' }`, { mayChange: ['extracted'] });
  });
});
