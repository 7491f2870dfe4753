import { createStageHarness, expectStageCompliance, stageConfigIssues, testEntry } from '../testing';

describe('label_keep stage', () => {
  test.each([
    [
      'removes every label except the named ones',
      '- label_keep: { values: [a] }',
      [testEntry('x', { labels: { a: '1', b: '2', c: '3' } })],
      [{ labels: { a: '1' } }],
    ],
  ])('%s', (_name, yaml, input, expected) => {
    expect(createStageHarness(yaml).run(input)).toEqual(expected.map((e) => expect.objectContaining(e)));
  });

  test.each([
    ['accepts names', '- label_keep: { values: [a] }\n', []],
    [
      'rejects an empty name',
      '- label_keep: { values: [""] }\n',
      ['stages.yaml:1:26 [0].label_keep.values[0]: too small: expected string to have >=1 characters, got length 0'],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(stageConfigIssues(yaml)).toEqual(expected);
  });

  test('keeps the stage contract when given odd input', async () => {
    await expectStageCompliance('- label_keep: { values: [job] }', { mayChange: ['labels'] });
  });
});
