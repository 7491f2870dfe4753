import { createStageHarness, expectStageCompliance, stageConfigIssues, testEntry } from '../testing';

describe('pack stage', () => {
  test.each([
    [
      'packs labels and extracted values with the line into JSON, sorted, _entry last',
      '- pack: { labels: [pod, container, user], ingest_timestamp: false }',
      [testEntry('hello "x"', { labels: { pod: 'p1', container: 'c1', job: 'j' }, extracted: { user: 'ann' } })],
      [
        {
          line: '{"container":"c1","pod":"p1","user":"ann","_entry":"hello \\"x\\""}',
          labels: { job: 'j' },
          timestampNs: 1_700_000_000_000_000_000n,
        },
      ],
    ],
    [
      "escapes <, > and & as Go's encoding/json does",
      '- pack: { labels: [q], ingest_timestamp: false }',
      [testEntry('a<b> & c', { labels: { q: '<x>' } })],
      [{ line: '{"q":"\\u003cx\\u003e","_entry":"a\\u003cb\\u003e \\u0026 c"}' }],
    ],
    [
      'skips names that are neither labels nor extracted',
      '- pack: { labels: [nope], ingest_timestamp: false }',
      [testEntry('l')],
      [{ line: '{"_entry":"l"}' }],
    ],
  ])('%s', (_name, yaml, input, expected) => {
    expect(createStageHarness(yaml).run(input)).toMatchObject(expected);
  });

  test('sets the timestamp to the packing time when ingest_timestamp is true', () => {
    const before = BigInt(Date.now()) * 1_000_000n;
    const [out] = createStageHarness('- pack: { labels: [a] }').run([testEntry('l', { timestampNs: 1n })]);
    expect(out.timestampNs >= before).toBe(true);
  });

  test.each([
    ['accepts a label list', '- pack: { labels: [a] }\n', []],
    [
      'requires at least one label',
      '- pack: { labels: [] }\n',
      ['stages.yaml:1:11 [0].pack.labels: too small: expected array to have >=1 items, got length 0'],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(stageConfigIssues(yaml)).toEqual(expected);
  });

  test('keeps the stage contract when given odd input', async () => {
    await expectStageCompliance('- pack: { labels: [job, msg] }', { mayChange: ['line', 'labels', 'timestampNs'] });
  });
});
