import { createStageHarness, expectStageCompliance, stageConfigIssues, testEntry } from '../testing';

describe('structured_metadata stage', () => {
  test.each([
    [
      'attaches extracted values as structured metadata',
      '- structured_metadata: { values: { trace_id: "", user: usr } }',
      [testEntry('x', { extracted: { trace_id: 't1', usr: 'ann' } })],
      [{ structuredMetadata: { trace_id: 't1', user: 'ann' }, labels: {} }],
    ],
    [
      'moves a label of the same name out of the labels',
      '- structured_metadata: { values: { pod: "" } }',
      [testEntry('x', { labels: { pod: 'p-1', job: 'j' } })],
      [{ structuredMetadata: { pod: 'p-1' }, labels: { job: 'j' } }],
    ],
    [
      'moves every extracted key matching regex',
      '- structured_metadata: { regex: "trace_.*" }',
      [testEntry('x', { extracted: { trace_id: 'a', trace_span: 'b', other: 'c' } })],
      [{ structuredMetadata: { trace_id: 'a', trace_span: 'b' } }],
    ],
    [
      'moves labels whose names match regex, unanchored as in Alloy',
      '- structured_metadata: { regex: "_id" }',
      [testEntry('x', { labels: { trace_id: 't', job: 'j' } })],
      [{ structuredMetadata: { trace_id: 't' }, labels: { job: 'j' } }],
    ],
    [
      'lets a label win over an extracted value of the same key, as Alloy applies labels last',
      '- structured_metadata: { values: { pod: "" } }',
      [testEntry('x', { labels: { pod: 'from-label' }, extracted: { pod: 'from-extracted' } })],
      [{ structuredMetadata: { pod: 'from-label' }, labels: {} }],
    ],
    [
      'keeps a label when its value came from the extracted map under another name',
      '- structured_metadata: { values: { user: usr } }',
      [testEntry('x', { labels: { user: 'l' }, extracted: { usr: 'e' } })],
      [{ structuredMetadata: { user: 'e' }, labels: { user: 'l' } }],
    ],
    [
      'skips a key that exists nowhere',
      '- structured_metadata: { values: { nope: "" } }',
      [testEntry('x')],
      [{ structuredMetadata: {} }],
    ],
  ])('%s', (_name, yaml, input, expected) => {
    expect(createStageHarness(yaml).run(input)).toMatchObject(expected);
  });

  test.each([
    ['accepts values', '- structured_metadata: { values: { a: "" } }\n', []],
    [
      'needs values or regex',
      '- structured_metadata: {}\n',
      ['stages.yaml:1:3 [0].structured_metadata: set `values` or `regex`'],
    ],
    [
      'rejects a regex that does not compile',
      '- structured_metadata: { regex: "(" }\n',
      [expect.stringMatching(/^stages\.yaml:1:26 \[0\]\.structured_metadata\.regex: invalid regular expression/)],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(stageConfigIssues(yaml)).toEqual(expected);
  });

  test('keeps the stage contract when given odd input', async () => {
    await expectStageCompliance('- structured_metadata: { values: { msg: "", level: "" }, regex: "a|b" }', {
      mayChange: ['structuredMetadata', 'labels'],
    });
  });
});
