import { createStageHarness, expectStageCompliance, stageConfigIssues, testEntry } from '../testing';

describe('label_drop stage', () => {
  test.each([
    [
      'removes the named labels and keeps the others',
      '- label_drop: { values: [a, missing] }',
      [testEntry('x', { labels: { a: '1', b: '2' } })],
      [{ labels: { b: '2' } }],
    ],
  ])('%s', (_name, yaml, input, expected) => {
    expect(createStageHarness(yaml).run(input)).toEqual(expected.map((e) => expect.objectContaining(e)));
  });

  test.each([
    ['accepts names', '- label_drop: { values: [a] }\n', []],
    [
      'requires values',
      '- label_drop: {}\n',
      ['stages.yaml:1:3 [0].label_drop.values: required key is missing (expected array)'],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(stageConfigIssues(yaml)).toEqual(expected);
  });

  test('keeps the stage contract when given odd input', async () => {
    await expectStageCompliance('- label_drop: { values: [job] }', { mayChange: ['labels'] });
  });
});
