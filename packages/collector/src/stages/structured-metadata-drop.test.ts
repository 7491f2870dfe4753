import { createStageHarness, expectStageCompliance, stageConfigIssues, testEntry } from '../testing';

describe('structured_metadata_drop stage', () => {
  test('removes the named keys and keeps the other keys, labels and extracted values when the entry has them', () => {
    const [out] = createStageHarness('- structured_metadata_drop: { values: [trace_id, missing] }').run([
      testEntry('x', {
        structuredMetadata: { trace_id: 'abc', span_id: 'def' },
        labels: { trace_id: 'label' },
        extracted: { trace_id: 'value' },
      }),
    ]);
    expect(out).toMatchObject({
      structuredMetadata: { span_id: 'def' },
      labels: { trace_id: 'label' },
      extracted: { trace_id: 'value' },
    });
    expect(out.structuredMetadata).not.toHaveProperty('trace_id');
  });

  test('drops metadata an earlier structured_metadata stage attached when both run in one pipeline', () => {
    const [out] = createStageHarness(`- logfmt: { mapping: { trace_id: "", user: "" } }
- structured_metadata: { values: { trace_id: "", user: "" } }
- structured_metadata_drop: { values: [user] }`).run(['trace_id=4bf9 user=ann']);
    expect(out.structuredMetadata).toEqual({ trace_id: '4bf9' });
  });

  test.each([
    ['accepts names', '- structured_metadata_drop: { values: [trace_id] }\n', []],
    [
      'requires values',
      '- structured_metadata_drop: {}\n',
      ['stages.yaml:1:3 [0].structured_metadata_drop.values: required key is missing (expected array)'],
    ],
    [
      'rejects an empty list',
      '- structured_metadata_drop: { values: [] }\n',
      [
        'stages.yaml:1:31 [0].structured_metadata_drop.values: name at least one structured metadata key to drop, got length 0',
      ],
    ],
    [
      'rejects an empty key',
      `- structured_metadata_drop: { values: [a, ''] }\n`,
      [
        'stages.yaml:1:43 [0].structured_metadata_drop.values[1]: a structured metadata key may not be empty, got length 0',
      ],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(stageConfigIssues(yaml)).toEqual(expected);
  });

  test('keeps the stage contract when given odd input', async () => {
    await expectStageCompliance('- structured_metadata_drop: { values: [trace_id] }', {
      mayChange: ['structuredMetadata'],
    });
  });
});
