import { createStageHarness, expectStageCompliance, stageConfigIssues, testEntry } from '../testing';

const TX = `- regex:
    expression: '^(?P<date>\\S+)\\|(?P<start_time>[^|]*)\\|(?P<end_time>[^|]*)\\|(?P<latency>\\d+)\\|(?P<method>[^|]+)\\|(?P<detail>[^|]*)\\|(?P<status>[A-Z]+)\\|(?P<code>\\d+)$'
`;

describe('regex stage', () => {
  test.each([
    [
      'extracts every named group into the extracted map when the line matches',
      TX,
      [testEntry('2025-12-26|21:45:32.123|21:45:32.423|300|CashIn|Transfer completed|SUCCESS|200')],
      [
        {
          labels: {},
          extracted: {
            date: '2025-12-26',
            start_time: '21:45:32.123',
            end_time: '21:45:32.423',
            latency: '300',
            method: 'CashIn',
            detail: 'Transfer completed',
            status: 'SUCCESS',
            code: '200',
          },
        },
      ],
    ],
    [
      'passes the entry on unchanged when the line does not match',
      TX,
      [testEntry('garbage')],
      [{ line: 'garbage', extracted: {} }],
    ],
    [
      'reads the extracted key named by source instead of the line',
      `- regex: { expression: '(?P<user>\\w+)@', source: email }`,
      [testEntry('line', { extracted: { email: 'ann@example.com' } })],
      [{ extracted: { email: 'ann@example.com', user: 'ann' } }],
    ],
    [
      'converts a numeric source value to text before matching',
      `- regex: { expression: '^(?P<first>\\d)', source: n }`,
      [testEntry('x', { extracted: { n: 42 } })],
      [{ extracted: { n: 42, first: '4' } }],
    ],
    [
      'leaves the entry alone when the source key is missing',
      `- regex: { expression: '(?P<a>.)', source: nope }`,
      [testEntry('x')],
      [{ extracted: {} }],
    ],
    [
      'writes an empty string for an optional group that did not take part',
      `- regex: { expression: '^(?P<a>a)?(?P<b>b)$' }`,
      [testEntry('b')],
      [{ extracted: { a: '', b: 'b' } }],
    ],
    [
      'also sets labels when labels_from_groups is true, overriding existing ones',
      `- regex: { expression: '^(?P<level>\\w+):', labels_from_groups: true }`,
      [testEntry('warn: disk', { labels: { level: 'info' } })],
      [{ labels: { level: 'warn' }, extracted: { level: 'warn' } }],
    ],
    [
      'honours a leading (?i) flag as RE2 does',
      `- regex: { expression: '(?i)^(?P<w>error)' }`,
      [testEntry('ERROR x')],
      [{ extracted: { w: 'ERROR' } }],
    ],
    [
      'accepts POSIX classes inside brackets',
      `- regex: { expression: '^(?P<n>[[:digit:]]+)' }`,
      [testEntry('123abc')],
      [{ extracted: { n: '123' } }],
    ],
  ])('%s', (_name, yaml, input, expected) => {
    expect(createStageHarness(yaml).run(input)).toMatchObject(expected);
  });

  test.each([
    ['accepts a valid expression', TX, []],
    [
      'requires an expression',
      '- regex: {}\n',
      ['stages.yaml:1:3 [0].regex.expression: required key is missing (expected string)'],
    ],
    [
      'rejects an expression without a named group',
      `- regex: { expression: '(a)' }\n`,
      ['stages.yaml:1:12 [0].regex.expression: the expression needs at least one named capture group (?P<name>...)'],
    ],
    [
      'rejects lookaround, which RE2 does not support',
      `- regex: { expression: '(?P<a>x)(?=y)' }\n`,
      ['stages.yaml:1:12 [0].regex.expression: invalid regular expression: lookaround is not supported by RE2'],
    ],
    [
      'rejects an expression that does not compile',
      `- regex: { expression: '(?P<a>x' }\n`,
      [
        expect.stringMatching(
          /^stages\.yaml:1:12 \[0\]\.regex\.expression: invalid regular expression: .*Unterminated group/,
        ),
      ],
    ],
    [
      'rejects an empty source',
      `- regex: { expression: '(?P<a>x)', source: '' }\n`,
      ['stages.yaml:1:36 [0].regex.source: `source` may not be empty; omit it to parse the line, got length 0'],
    ],
    [
      'rejects a group name that is not a valid label name',
      `- regex: { expression: '(?P<a-b>x)', labels_from_groups: true }\n`,
      [
        'stages.yaml:1:12 [0].regex.expression: invalid regular expression: invalid group name (use letters, digits and _)',
      ],
    ],
    [
      'rejects unknown keys',
      `- regex: { expression: '(?P<a>x)', sorce: line }\n`,
      ['stages.yaml:1:36 [0].regex.sorce: unknown key "sorce"'],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(stageConfigIssues(yaml)).toEqual(expected);
  });

  test('counts a parse failure for each line that does not match', async () => {
    const harness = createStageHarness(TX, 'tx');
    harness.run(['bad', 'worse', '2025-12-26|a|b|1|m|d|OK|0']);
    expect(await harness.counter('collector_stage_parse_failures_total', { pipeline: 'tx', stage: '0/regex' })).toBe(2);
    expect(await harness.counter('collector_stage_entries_out_total', { stage: '0/regex' })).toBe(3);
  });

  test('keeps the stage contract when given odd input', async () => {
    await expectStageCompliance(TX, { mayChange: ['extracted'] });
    await expectStageCompliance(`- regex: { expression: '(?P<level>\\w+)', source: level, labels_from_groups: true }`, {
      mayChange: ['extracted', 'labels'],
    });
  });
});
