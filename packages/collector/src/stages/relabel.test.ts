import { createStageHarness, expectStageCompliance, stageConfigIssues, testEntry } from '../testing';

const labels = (l: Record<string, string>) => testEntry('x', { labels: l });

describe('relabel stage', () => {
  test.each([
    [
      'copies a label with replace and the default regex and replacement',
      '- relabel: { rules: [{ source_labels: [app], target_label: service }] }',
      [labels({ app: 'api' })],
      [{ labels: { app: 'api', service: 'api' } }],
    ],
    [
      'joins source labels with the separator and expands $1 and ${2}',
      '- relabel: { rules: [{ source_labels: [a, b], separator: "-", regex: "(.*)-(.*)", target_label: c, replacement: "${2}_$1" }] }',
      [labels({ a: 'x', b: 'y' })],
      [{ labels: { a: 'x', b: 'y', c: 'y_x' } }],
    ],
    [
      'reads $1x as the group named 1x (empty), as Go and Prometheus do',
      '- relabel: { rules: [{ source_labels: [a], target_label: c, replacement: "$1x" }] }',
      [labels({ a: 'v', c: 'old' })],
      [{ labels: { a: 'v' } }],
    ],
    [
      'expands named groups and keeps $$ as a dollar',
      '- relabel: { rules: [{ source_labels: [a], regex: "(?P<host>[^:]+):.*", target_label: h, replacement: "$$$host" }] }',
      [labels({ a: 'db:5432' })],
      [{ labels: { a: 'db:5432', h: '$db' } }],
    ],
    [
      'anchors the regex, so a partial match does not replace',
      '- relabel: { rules: [{ source_labels: [a], regex: "b", target_label: c, replacement: "hit" }] }',
      [labels({ a: 'abc' })],
      [{ labels: { a: 'abc' } }],
    ],
    [
      'expands the target label name too',
      '- relabel: { rules: [{ source_labels: [k], target_label: "l_$1", replacement: "yes" }] }',
      [labels({ k: 'env' })],
      [{ labels: { k: 'env', l_env: 'yes' } }],
    ],
    [
      'keeps entries whose joined value matches',
      '- relabel: { rules: [{ source_labels: [level], regex: "error|warn", action: keep }] }',
      [labels({ level: 'error' }), labels({ level: 'info' }), labels({})],
      [{ labels: { level: 'error' } }],
    ],
    [
      'drops entries whose joined value matches',
      '- relabel: { rules: [{ source_labels: [level], regex: "debug", action: drop }] }',
      [labels({ level: 'debug' }), labels({ level: 'info' })],
      [{ labels: { level: 'info' } }],
    ],
    [
      'maps label names with labelmap',
      '- relabel: { rules: [{ regex: "__syslog_(.+)", action: labelmap }] }',
      [labels({ __syslog_host: 'h1', job: 'j' })],
      [{ labels: { __syslog_host: 'h1', host: 'h1', job: 'j' } }],
    ],
    [
      'drops matching label names with labeldrop',
      '- relabel: { rules: [{ regex: "__.*", action: labeldrop }] }',
      [labels({ __a: '1', b: '2' })],
      [{ labels: { b: '2' } }],
    ],
    [
      'keeps only matching label names with labelkeep',
      '- relabel: { rules: [{ regex: "job|app", action: labelkeep }] }',
      [labels({ job: '1', app: '2', pod: '3' })],
      [{ labels: { job: '1', app: '2' } }],
    ],
    [
      'writes the md5-based hashmod as Prometheus does',
      '- relabel: { rules: [{ source_labels: [a], modulus: 8, target_label: shard, action: hashmod }] }',
      [labels({ a: 'foo' })],
      [{ labels: { a: 'foo', shard: '0' } }],
    ],
    [
      'lowercases into the target label',
      '- relabel: { rules: [{ source_labels: [a], target_label: b, action: lowercase }] }',
      [labels({ a: 'ERROR' })],
      [{ labels: { a: 'ERROR', b: 'error' } }],
    ],
  ])('%s', (_name, yaml, input, expected) => {
    expect(createStageHarness(yaml).run(input)).toEqual(expected.map((e) => expect.objectContaining(e)));
  });

  test.each([
    ['accepts a rule list', '- relabel: { rules: [{ source_labels: [a], target_label: b }] }\n', []],
    [
      'needs target_label for replace',
      '- relabel: { rules: [{ source_labels: [a] }] }\n',
      ['stages.yaml:1:22 [0].relabel.rules[0].target_label: relabel action replace needs target_label'],
    ],
    [
      'rejects an invalid regex',
      '- relabel: { rules: [{ regex: "(", action: labeldrop }] }\n',
      ['stages.yaml:1:24 [0].relabel.rules[0].regex: invalid regular expression: /^(?:()$/s: Unterminated group'],
    ],
    [
      'rejects an unknown action',
      '- relabel: { rules: [{ action: rename }] }\n',
      [
        'stages.yaml:1:24 [0].relabel.rules[0].action: expected one of "replace", "keep", "drop", "keepequal", "dropequal", "hashmod", "labelmap", "labeldrop", "labelkeep", "lowercase", "uppercase", got "rename"',
      ],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(stageConfigIssues(yaml)).toEqual(expected);
  });

  test('keeps the stage contract when given odd input', async () => {
    await expectStageCompliance('- relabel: { rules: [{ source_labels: [job], target_label: j }] }', {
      mayChange: ['labels'],
    });
  });
});
