import { createStageHarness, expectStageCompliance, stageConfigIssues, testEntry } from '../testing';

describe('output stage', () => {
  test.each([
    [
      'replaces the line with the extracted value',
      '- output: { source: msg }',
      [testEntry('{"msg":"hi"}', { extracted: { msg: 'hi' } })],
      [{ line: 'hi' }],
    ],
    [
      'leaves the line unchanged when the key is missing',
      '- output: { source: msg }',
      [testEntry('orig')],
      [{ line: 'orig' }],
    ],
    [
      'writes numbers as text',
      '- output: { source: n }',
      [testEntry('orig', { extracted: { n: 5 } })],
      [{ line: '5' }],
    ],
  ])('%s', (_name, yaml, input, expected) => {
    expect(createStageHarness(yaml).run(input)).toMatchObject(expected);
  });

  test.each([
    ['accepts a source', '- output: { source: msg }\n', []],
    [
      'requires a source',
      '- output: {}\n',
      ['stages.yaml:1:3 [0].output.source: required key is missing (expected string)'],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(stageConfigIssues(yaml)).toEqual(expected);
  });

  test('counts a parse failure when the source key is missing', async () => {
    const harness = createStageHarness('- output: { source: msg }');
    harness.run(['a']);
    expect(await harness.counter('collector_stage_parse_failures_total')).toBe(1);
  });

  test('keeps the stage contract when given odd input', async () => {
    await expectStageCompliance('- output: { source: msg }', { mayChange: ['line'] });
  });
});
