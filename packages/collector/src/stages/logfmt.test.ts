import { createStageHarness, expectStageCompliance, stageConfigIssues, testEntry } from '../testing';
import { parseLogfmt } from './logfmt';

describe('parseLogfmt', () => {
  test.each([
    [
      'reads bare and quoted values when the text is well formed',
      'a=1 b="two words" c',
      true,
      [
        ['a', '1'],
        ['b', 'two words'],
        ['c', ''],
      ],
    ],
    ['decodes escapes in quoted values', 'm="say \\"hi\\"\\n\\u00e9"', true, [['m', 'say "hi"\n\u00e9']]],
    [
      'reads an empty value when the key ends with =',
      'a= b=2',
      true,
      [
        ['a', ''],
        ['b', '2'],
      ],
    ],
    ['stops and reports failure after the pairs before an unterminated quote', 'a=1 b="open', false, [['a', '1']]],
    ['reports failure when a value holds a bare quote', 'a=x"y', false, []],
  ])('%s', (_name, text, ok, pairs) => {
    const seen: [string, string][] = [];
    expect(parseLogfmt(text, (k, v) => seen.push([k, v]))).toBe(ok);
    expect(seen).toEqual(pairs);
  });
});

describe('logfmt stage', () => {
  test.each([
    [
      'writes mapped keys to the extracted map when the line is logfmt',
      '- logfmt: { mapping: { level: "", user: usr } }',
      [testEntry('level=info usr="ann b" other=1')],
      [{ extracted: { level: 'info', user: 'ann b' } }],
    ],
    [
      'parses the extracted key named by source',
      '- logfmt: { mapping: { a: "" }, source: msg }',
      [testEntry('x', { extracted: { msg: 'a=5' } })],
      [{ extracted: { msg: 'a=5', a: '5' } }],
    ],
    [
      'keeps what parsed before a malformed part',
      '- logfmt: { mapping: { a: "", b: "" } }',
      [testEntry('a=1 b="x')],
      [{ extracted: { a: '1' } }],
    ],
    [
      'extracts every key matching regex',
      '- logfmt: { regex: "^http_" }',
      [testEntry('http_status=200 user=x http_path=/a')],
      [{ extracted: { http_status: '200', http_path: '/a' } }],
    ],
    [
      'fills two extracted keys mapped to the same logfmt key',
      '- logfmt: { mapping: { a: k, b: k } }',
      [testEntry('k=v')],
      [{ extracted: { a: 'v', b: 'v' } }],
    ],
  ])('%s', (_name, yaml, input, expected) => {
    expect(createStageHarness(yaml).run(input)).toMatchObject(expected);
  });

  test.each([
    ['accepts a mapping', '- logfmt: { mapping: { a: "" } }\n', []],
    ['requires a mapping or a regex', '- logfmt: {}\n', ['stages.yaml:1:3 [0].logfmt: set `mapping` or `regex`']],
    [
      'rejects a regex that does not compile',
      '- logfmt: { regex: "(" }\n',
      [expect.stringMatching(/^stages\.yaml:1:13 \[0\]\.logfmt\.regex: invalid regular expression/)],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(stageConfigIssues(yaml)).toEqual(expected);
  });

  test('counts a parse failure for malformed logfmt', async () => {
    const harness = createStageHarness('- logfmt: { mapping: { a: "" } }');
    harness.run(['a=1', 'a="x']);
    expect(await harness.counter('collector_stage_parse_failures_total')).toBe(1);
  });

  test('keeps the stage contract when given odd input', async () => {
    await expectStageCompliance('- logfmt: { mapping: { a: "", level: lvl } }', { mayChange: ['extracted'] });
  });
});
