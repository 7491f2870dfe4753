import { createStageHarness, expectStageCompliance, stageConfigIssues, testEntry } from '../testing';

const FAIL_FIRST = `- static_labels: { values: { parse_status: failed } }
- regex: { expression: '^(?P<method>\\w+) (?P<status>\\w+)$' }
- labels: { values: { method: "", status: "" } }
- match:
    selector: '{method=~".+"}'
    stages:
      - static_labels: { values: { parse_status: success } }
`;

describe('match stage', () => {
  test.each([
    [
      'runs nested stages only on entries whose labels match',
      FAIL_FIRST,
      [testEntry('CashIn OK'), testEntry('garbage line here')],
      [{ labels: { parse_status: 'success', method: 'CashIn', status: 'OK' } }, { labels: { parse_status: 'failed' } }],
    ],
    [
      'applies line filters after the label matchers',
      `- match:
    selector: '{app="api"} |= "error" != "timeout"'
    stages: [ { static_labels: { values: { hit: "yes" } } } ]`,
      [
        testEntry('an error', { labels: { app: 'api' } }),
        testEntry('an error timeout', { labels: { app: 'api' } }),
        testEntry('an error', { labels: { app: 'web' } }),
      ],
      [{ labels: { app: 'api', hit: 'yes' } }, { labels: { app: 'api' } }, { labels: { app: 'web' } }],
    ],
    [
      'keeps entry order when matching and non-matching entries alternate',
      FAIL_FIRST,
      ['A 1', 'bad', 'B 2', 'C 3', 'worse', 'D 4'].map((line) => testEntry(line)),
      ['A 1', 'bad', 'B 2', 'C 3', 'worse', 'D 4'].map((line) => ({
        line,
        labels: { parse_status: line.includes(' ') ? 'success' : 'failed' },
      })),
    ],
    [
      'drops matching entries when action is drop',
      `- match: { selector: '{level="debug"}', action: drop }`,
      [testEntry('a', { labels: { level: 'debug' } }), testEntry('b', { labels: { level: 'info' } })],
      [{ line: 'b' }],
    ],
    [
      'matches the stream selector against labels only, as Alloy does',
      `- match: { selector: '{trace="x"}', action: drop }`,
      [testEntry('a', { structuredMetadata: { trace: 'x' } })],
      [{ line: 'a' }],
    ],
    [
      'selects on structured metadata with a label filter',
      `- match: { selector: '{app="api"} | trace_id=~".+"', action: drop }`,
      [
        testEntry('a', { labels: { app: 'api' }, structuredMetadata: { trace_id: 't1' } }),
        testEntry('b', { labels: { app: 'api' } }),
      ],
      [{ line: 'b' }],
    ],
    [
      'selects on an extracted value with a label filter',
      `- regex: { expression: '^(?P<status>\\d+) ' }
- match:
    selector: '{app="api"} | status=~"5.."'
    stages: [ { static_labels: { values: { server_error: "true" } } } ]`,
      [testEntry('503 down', { labels: { app: 'api' } }), testEntry('200 ok', { labels: { app: 'api' } })],
      [{ labels: { app: 'api', server_error: 'true' } }, { labels: { app: 'api' } }],
    ],
    [
      'lets a nested drop stage drop entries',
      `- match:
    selector: '{a="1"}'
    stages: [ { drop: { expression: "x" } } ]`,
      [testEntry('x', { labels: { a: '1' } }), testEntry('y', { labels: { a: '1' } })],
      [{ line: 'y' }],
    ],
  ])('%s', (_name, yaml, input, expected) => {
    const out = createStageHarness(yaml).run(input);
    expect(out).toHaveLength(expected.length);
    expect(out).toMatchObject(expected);
  });

  test.each([
    ['accepts keep with nested stages', FAIL_FIRST, []],
    [
      'requires nested stages with action keep',
      `- match: { selector: '{a="b"}' }\n`,
      ['stages.yaml:1:3 [0].match.stages: `action: keep` needs at least one nested stage'],
    ],
    [
      'rejects nested stages with action drop',
      `- match: { selector: '{a="b"}', action: drop, stages: [ { drop: { expression: x } } ] }\n`,
      ['stages.yaml:1:47 [0].match.stages: `action: drop` takes no nested stages'],
    ],
    [
      'reports a selector that does not parse with its column',
      `- match: { selector: '{a="b"', action: drop }\n`,
      [
        'stages.yaml:1:12 [0].match.selector: invalid selector "{a=\\"b\\"": expected "}" to end the stream selector at column 7',
      ],
    ],
    [
      'reports issues inside nested stages with their full path',
      `- match:\n    selector: '{a="b"}'\n    stages:\n      - regex: { expresion: x }\n`,
      [
        'stages.yaml:4:9 [0].match.stages[0].regex.expression: required key is missing (expected string)',
        'stages.yaml:4:18 [0].match.stages[0].regex.expresion: unknown key "expresion"',
      ],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(stageConfigIssues(yaml)).toEqual(expected);
  });

  test('counts drops with the reason and nested stage metrics under the match stage', async () => {
    const harness = createStageHarness(
      `- match: { selector: '{a="1"}', action: drop, drop_counter_reason: noisy }\n- match:\n    selector: '{b="1"}'\n    pipeline_name: inner\n    stages: [ { static_labels: { values: { c: "1" } } } ]`,
    );
    harness.run([testEntry('x', { labels: { a: '1' } }), testEntry('y', { labels: { b: '1' } })]);
    expect(await harness.counter('collector_stage_dropped_entries_total', { stage: '0/match', reason: 'noisy' })).toBe(
      1,
    );
    expect(await harness.counter('collector_stage_entries_in_total', { stage: '1/match/inner/0/static_labels' })).toBe(
      1,
    );
  });

  test.each([
    ['updates in place when every nested stage keeps every entry', FAIL_FIRST, 3, true],
    [
      'copies into a new list when a nested stage may drop entries',
      `- match:\n    selector: '{a="1"}'\n    stages: [ { drop: { expression: "x" } } ]`,
      0,
      false,
    ],
  ])('%s', (_name, yaml, index, inPlace) => {
    expect(createStageHarness(yaml).chain.stages[index].stage.updateBatch !== undefined).toBe(inPlace);
  });

  test('keeps the stage contract when given odd input', async () => {
    await expectStageCompliance(`- match: { selector: '{level="info"} |~ "o"', action: drop }`, { mayChange: [] });
    await expectStageCompliance(
      `- match:\n    selector: '{job=~".+"}'\n    stages: [ { static_labels: { values: { c: "1" } } } ]`,
      { mayChange: ['labels'] },
    );
  });
});
