import { createStageHarness, expectStageCompliance, stageConfigIssues, testEntry } from '../testing';

describe('static_labels stage', () => {
  test.each([
    [
      'sets fixed labels when the entry has none',
      '- static_labels: { values: { parse_status: failed, env: prod } }',
      [testEntry('x')],
      [{ labels: { parse_status: 'failed', env: 'prod' } }],
    ],
    [
      'overrides an existing label of the same name',
      '- static_labels: { values: { env: prod } }',
      [testEntry('x', { labels: { env: 'dev', job: 'a' } })],
      [{ labels: { env: 'prod', job: 'a' } }],
    ],
  ])('%s', (_name, yaml, input, expected) => {
    expect(createStageHarness(yaml).run(input)).toMatchObject(expected);
  });

  test.each([
    ['accepts string values', '- static_labels: { values: { a: b } }\n', []],
    [
      'rejects an invalid label name',
      '- static_labels: { values: { 1a: b } }\n',
      ['stages.yaml:1:30 [0].static_labels.values.1a: invalid label name (use [a-zA-Z_][a-zA-Z0-9_]*), got "1a"'],
    ],
    [
      'rejects a non-string value',
      '- static_labels: { values: { a: [1] } }\n',
      ['stages.yaml:1:30 [0].static_labels.values.a: expected string, got array'],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(stageConfigIssues(yaml)).toEqual(expected);
  });

  test('keeps the stage contract when given odd input', async () => {
    await expectStageCompliance('- static_labels: { values: { a: b } }', { mayChange: ['labels'] });
  });
});
