import { createStageHarness, expectStageCompliance, stageConfigIssues, testEntry } from '../testing';

const NGINX = `- pattern:
    pattern: '<ip> - - [<ts>] "<method> <path> <_>" <status> <size>'
`;
const NGINX_LINE = '10.0.0.1 - - [26/Dec/2025:21:45:32 +0000] "GET /api/v1/users HTTP/1.1" 200 512';

describe('pattern stage', () => {
  test.each([
    [
      'extracts every named capture into the extracted map when the line matches',
      NGINX,
      [testEntry(NGINX_LINE)],
      [
        {
          labels: {},
          extracted: {
            ip: '10.0.0.1',
            ts: '26/Dec/2025:21:45:32 +0000',
            method: 'GET',
            path: '/api/v1/users',
            status: '200',
            size: '512',
          },
        },
      ],
    ],
    [
      'leaves extracted untouched when the leading literal does not match',
      `- pattern: { pattern: 'level=<level> <msg>' }`,
      [testEntry('msg=x level=warn', { extracted: { keep: 1 } })],
      [{ line: 'msg=x level=warn', extracted: { keep: 1 } }],
    ],
    [
      'keeps the captures before the stop, as Loki does, when a later literal is missing',
      `- pattern: { pattern: '<a> <b>|<c>' }`,
      [testEntry('x y no bar')],
      [{ extracted: { a: 'x', b: 'y no bar' } }],
    ],
    [
      'reads the extracted key named by source instead of the line',
      `- pattern: { pattern: '<user>@<domain>', source: email }`,
      [testEntry('line', { extracted: { email: 'ann@example.com' } })],
      [{ extracted: { email: 'ann@example.com', user: 'ann', domain: 'example.com' } }],
    ],
    [
      'converts a numeric source value to text before matching',
      `- pattern: { pattern: '<int>.<frac>', source: n }`,
      [testEntry('x', { extracted: { n: 4.25 } })],
      [{ extracted: { n: 4.25, int: '4', frac: '25' } }],
    ],
    [
      'leaves the entry alone when the source key is missing',
      `- pattern: { pattern: '<a> <b>', source: nope }`,
      [testEntry('x y')],
      [{ extracted: {} }],
    ],
    [
      'also sets labels when labels_from_groups is true, overriding existing ones',
      `- pattern: { pattern: '<level>: <_>', labels_from_groups: true }`,
      [testEntry('warn: disk', { labels: { level: 'info' } })],
      [{ labels: { level: 'warn' }, extracted: { level: 'warn' } }],
    ],
    [
      'overwrites an extracted value of the same name when the line matches',
      `- pattern: { pattern: '<a> <b>' }`,
      [testEntry('new pair', { extracted: { a: 'old' } })],
      [{ extracted: { a: 'new', b: 'pair' } }],
    ],
  ])('%s', (_name, yaml, input, expected) => {
    expect(createStageHarness(yaml).run(input)).toMatchObject(expected);
  });

  test.each([
    ['accepts a valid pattern', NGINX, []],
    [
      'requires a pattern',
      '- pattern: {}\n',
      ['stages.yaml:1:3 [0].pattern.pattern: required key is missing (expected string)'],
    ],
    [
      'rejects a pattern without a named capture',
      `- pattern: { pattern: '<_> x' }\n`,
      [
        'stages.yaml:1:14 [0].pattern.pattern: invalid pattern: the pattern needs at least one named capture such as <name> (<_> only skips text)',
      ],
    ],
    [
      'rejects two captures side by side',
      `- pattern: { pattern: '<a><b>' }\n`,
      [
        'stages.yaml:1:14 [0].pattern.pattern: invalid pattern: captures <a> and <b> are side by side at offset 3; put literal text between them',
      ],
    ],
    [
      'rejects a duplicate capture name',
      `- pattern: { pattern: '<a> <a>' }\n`,
      ['stages.yaml:1:14 [0].pattern.pattern: invalid pattern: duplicate capture name <a> at offset 4'],
    ],
    [
      'rejects an empty source',
      `- pattern: { pattern: '<a>', source: '' }\n`,
      ['stages.yaml:1:30 [0].pattern.source: `source` may not be empty; omit it to parse the line, got length 0'],
    ],
    [
      "rejects unknown keys such as the regex stage's expression",
      `- pattern: { expression: '<a>' }\n`,
      expect.arrayContaining(['stages.yaml:1:14 [0].pattern.expression: unknown key "expression"']),
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(stageConfigIssues(yaml)).toEqual(expected);
  });

  test('counts a parse failure for each line that does not match all the way', async () => {
    const harness = createStageHarness(NGINX, 'web');
    harness.run(['bad', '10.0.0.1 - - [truncated', NGINX_LINE]);
    expect(await harness.counter('collector_stage_parse_failures_total', { pipeline: 'web', stage: '0/pattern' })).toBe(
      2,
    );
    expect(await harness.counter('collector_stage_entries_out_total', { stage: '0/pattern' })).toBe(3);
  });

  test('extracts what the equivalent regex stage extracts when both parse the same matching lines', () => {
    const lines = [
      NGINX_LINE,
      '::1 - - [01/Jan/2026:00:00:00 +0000] "POST /login HTTP/2.0" 302 0',
      'a - - [b] "c d e" f g h',
    ];
    const viaPattern = createStageHarness(NGINX)
      .run(lines)
      .map((e) => e.extracted);
    const viaRegex = createStageHarness(
      `- regex: { expression: '^(?P<ip>.*?) - - \\[(?P<ts>.*?)\\] "(?P<method>.*?) (?P<path>.*?) .*?" (?P<status>.*?) (?P<size>.*)$' }`,
    )
      .run(lines)
      .map((e) => e.extracted);
    expect(viaPattern).toEqual(viaRegex);
  });

  test('keeps the stage contract when given odd input', async () => {
    await expectStageCompliance(NGINX, { mayChange: ['extracted'] });
    await expectStageCompliance(`- pattern: { pattern: '<a>|<b>|<_>', source: level, labels_from_groups: true }`, {
      mayChange: ['extracted', 'labels'],
    });
  });
});
