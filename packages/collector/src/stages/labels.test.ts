import { createStageHarness, expectStageCompliance, stageConfigIssues, testEntry } from '../testing';

describe('labels stage', () => {
  test.each([
    [
      'sets labels from extracted values when the keys exist',
      '- labels: { values: { method: "", st: status } }',
      [testEntry('x', { extracted: { method: 'CashIn', status: 'OK' } })],
      [{ labels: { method: 'CashIn', st: 'OK' } }],
    ],
    [
      'treats a null value as the label name',
      '- labels: { values: { method: } }',
      [testEntry('x', { extracted: { method: 'm' } })],
      [{ labels: { method: 'm' } }],
    ],
    [
      'skips a missing key and a non-scalar value silently',
      '- labels: { values: { a: "", b: "" } }',
      [testEntry('x', { extracted: { b: { nested: 1 } }, labels: { keep: '1' } })],
      [{ labels: { keep: '1' } }],
    ],
    [
      'converts numbers and booleans to text',
      '- labels: { values: { code: "", ok: "" } }',
      [testEntry('x', { extracted: { code: 200, ok: true } })],
      [{ labels: { code: '200', ok: 'true' } }],
    ],
    [
      'reads structured metadata when source_type is structured_metadata',
      '- labels: { values: { trace_id: "" }, source_type: structured_metadata }',
      [testEntry('x', { structuredMetadata: { trace_id: 'abc' } })],
      [{ labels: { trace_id: 'abc' } }],
    ],
  ])('%s', (_name, yaml, input, expected) => {
    expect(createStageHarness(yaml).run(input)).toMatchObject(expected);
  });

  test.each([
    ['accepts valid label names', '- labels: { values: { a_b: "" } }\n', []],
    [
      'rejects an invalid label name',
      '- labels: { values: { a-b: "" } }\n',
      ['stages.yaml:1:23 [0].labels.values.a-b: invalid label name (use [a-zA-Z_][a-zA-Z0-9_]*), got "a-b"'],
    ],
    [
      'rejects an unknown source_type',
      '- labels: { values: { a: "" }, source_type: label }\n',
      ['stages.yaml:1:32 [0].labels.source_type: expected one of "extracted", "structured_metadata", got "label"'],
    ],
    [
      'requires at least one value',
      '- labels: { values: {} }\n',
      ['stages.yaml:1:13 [0].labels.values: expected at least one entry'],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(stageConfigIssues(yaml)).toEqual(expected);
  });

  test('keeps the stage contract when given odd input', async () => {
    await expectStageCompliance('- labels: { values: { status: "", level: "", method: "" } }', {
      mayChange: ['labels'],
    });
  });
});
