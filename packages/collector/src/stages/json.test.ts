import { createStageHarness, expectStageCompliance, stageConfigIssues, testEntry } from '../testing';

const STAGE = `- json:
    expressions:
      level: ""
      user: user.name
      id: '"request-id"'
      tags: tags
      missing: nope
`;

describe('json stage', () => {
  test.each([
    [
      'writes each JMESPath result to the extracted map when the line is a JSON object',
      STAGE,
      [testEntry('{"level":"warn","user":{"name":"ann"},"request-id":7,"tags":["a","b"]}')],
      [{ extracted: { level: 'warn', user: 'ann', id: 7, tags: '["a","b"]', missing: null } }],
    ],
    [
      'keeps scalars as they are and turns maps into JSON text',
      `- json: { expressions: { ok: ok, obj: o } }`,
      [testEntry('{"ok":true,"o":{"k":1}}')],
      [{ extracted: { ok: true, obj: '{"k":1}' } }],
    ],
    [
      "writes maps and lists back as Go's json.Marshal does: keys sorted at every depth, <, >, & escaped",
      `- json: { expressions: { ctx: ctx, tags: tags } }`,
      [testEntry('{"ctx":{"z":"<b>","a":{"y":1e3,"x":null}},"tags":["b&w",{"k":2,"c":1}]}')],
      [
        {
          extracted: {
            ctx: '{"a":{"x":null,"y":1000},"z":"\\u003cb\\u003e"}',
            tags: '["b\\u0026w",{"c":1,"k":2}]',
          },
        },
      ],
    ],
    [
      'passes a malformed line on unchanged when drop_malformed is false',
      STAGE,
      [testEntry('not json')],
      [{ line: 'not json', extracted: {} }],
    ],
    ['treats a JSON array as malformed, as Alloy decodes into a map', STAGE, [testEntry('[1,2]')], [{ extracted: {} }]],
    [
      'drops a malformed line when drop_malformed is true',
      `- json: { expressions: { a: "" }, drop_malformed: true }`,
      [testEntry('{"a":'), testEntry('{"a":1}')],
      [{ extracted: { a: 1 } }],
    ],
    [
      'extracts every top-level key matching regex',
      `- json: { regex: "^http_" }`,
      [testEntry('{"http_status":200,"http_path":"/a","user":"x","http_headers":{"a":"b"}}')],
      [{ extracted: { http_status: 200, http_path: '/a', http_headers: '{"a":"b"}' } }],
    ],
    [
      'parses the extracted key named by source',
      `- json: { expressions: { a: "" }, source: body }`,
      [testEntry('x', { extracted: { body: '{"a":"y"}' } })],
      [{ extracted: { body: '{"a":"y"}', a: 'y' } }],
    ],
  ])('%s', (_name, yaml, input, expected) => {
    expect(createStageHarness(yaml).run(input)).toMatchObject(expected);
  });

  test.each([
    ['accepts valid expressions', STAGE, []],
    [
      'requires expressions or regex',
      '- json: { expressions: {} }\n',
      ['stages.yaml:1:3 [0].json: set `expressions` or `regex`'],
    ],
    [
      'rejects an expression that does not compile',
      '- json: { expressions: { a: "a.[" } }\n',
      [expect.stringMatching(/^stages\.yaml:1:26 \[0\]\.json\.expressions\.a: invalid JMESPath expression "a\.\[": /)],
    ],
    [
      'rejects a drop_malformed that is not a boolean',
      '- json: { expressions: { a: "" }, drop_malformed: "yes" }\n',
      ['stages.yaml:1:35 [0].json.drop_malformed: expected boolean, got string'],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(stageConfigIssues(yaml)).toEqual(expected);
  });

  test('counts malformed lines as parse failures and drops by reason drop_malformed', async () => {
    const harness = createStageHarness('- json: { expressions: { a: "" }, drop_malformed: true }');
    harness.run(['{', '{"a":1}', 'x']);
    expect(await harness.counter('collector_stage_parse_failures_total')).toBe(2);
    expect(await harness.counter('collector_stage_dropped_entries_total', { reason: 'drop_malformed' })).toBe(2);
  });

  test('keeps the stage contract when given odd input', async () => {
    await expectStageCompliance(STAGE, { mayChange: ['extracted'] });
    await expectStageCompliance('- json: { expressions: { a: "" }, source: msg, drop_malformed: true }', {
      mayChange: ['extracted'],
    });
  });
});
