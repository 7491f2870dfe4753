import { createStageHarness, expectStageCompliance, stageConfigIssues, testEntry } from '../testing';

const NOW_NS = BigInt(Date.now()) * 1_000_000n;
const HOUR_NS = 3_600_000_000_000n;

describe('drop stage', () => {
  test.each([
    [
      'drops lines matching expression when there is no source',
      '- drop: { expression: "debug" }',
      [testEntry('a debug line'), testEntry('info')],
      ['info'],
    ],
    [
      'drops when the source value equals value',
      '- drop: { source: level, value: debug }',
      [testEntry('a', { extracted: { level: 'debug' } }), testEntry('b', { extracted: { level: 'info' } })],
      ['b'],
    ],
    ['keeps an entry whose source key is missing', '- drop: { source: level, value: debug }', [testEntry('a')], ['a']],
    [
      'drops when the source key merely exists and nothing else is set',
      '- drop: { source: secret }',
      [testEntry('a', { extracted: { secret: 'x' } }), testEntry('b')],
      ['b'],
    ],
    [
      'joins several sources with the separator before comparing',
      '- drop: { source: "a,b", separator: "|", value: "1|2" }',
      [testEntry('x', { extracted: { a: '1', b: '2' } }), testEntry('y', { extracted: { a: '1', b: '3' } })],
      ['y'],
    ],
    [
      'joins only the sources that exist, as Alloy does',
      '- drop: { source: "a,b", value: "1" }',
      [testEntry('x', { extracted: { a: '1' } }), testEntry('y', { extracted: { a: '1', b: '2' } })],
      ['y'],
    ],
    [
      'keeps an entry when a source value is not a scalar',
      '- drop: { source: a, expression: "." }',
      [testEntry('x', { extracted: { a: { k: 1 } } })],
      ['x'],
    ],
    [
      'matches expression against the source value, unanchored',
      '- drop: { source: path, expression: "^/health" }',
      [testEntry('x', { extracted: { path: '/healthz' } }), testEntry('y', { extracted: { path: '/api' } })],
      ['y'],
    ],
    [
      'drops entries older than older_than',
      '- drop: { older_than: 1h }',
      [testEntry('old', { timestampNs: NOW_NS - 2n * HOUR_NS }), testEntry('new', { timestampNs: NOW_NS })],
      ['new'],
    ],
    [
      'drops lines longer than longer_than bytes, counting UTF-8 bytes',
      '- drop: { longer_than: 4 }',
      [testEntry('abcd'), testEntry('abcde'), testEntry('ééé')],
      ['abcd'],
    ],
    [
      'drops only when every set condition holds (AND)',
      '- drop: { expression: "x", longer_than: 3 }',
      [testEntry('x'), testEntry('xxxx'), testEntry('yyyy')],
      ['x', 'yyyy'],
    ],
    [
      'understands size units like 1KB as 1024 bytes',
      '- drop: { longer_than: 1KB }',
      [testEntry('a'.repeat(1024)), testEntry('a'.repeat(1025))],
      ['a'.repeat(1024)],
    ],
  ])('%s', (_name, yaml, input, expected) => {
    expect(
      createStageHarness(yaml)
        .run(input)
        .map((e) => e.line),
    ).toEqual(expected);
  });

  test.each([
    ['accepts an expression alone', '- drop: { expression: x }\n', []],
    [
      'needs at least one condition',
      '- drop: { drop_counter_reason: r }\n',
      ['stages.yaml:1:3 [0].drop: set at least one of source, expression, older_than, longer_than'],
    ],
    [
      'rejects value together with expression',
      '- drop: { source: a, value: b, expression: c }\n',
      ['stages.yaml:1:22 [0].drop.value: `value` and `expression` exclude each other'],
    ],
    [
      'rejects value without source',
      '- drop: { value: b, longer_than: 1 }\n',
      ['stages.yaml:1:11 [0].drop.value: `value` needs `source`'],
    ],
    [
      'rejects a malformed duration',
      '- drop: { older_than: 1 day }\n',
      ['stages.yaml:1:11 [0].drop.older_than: expected a duration like 500ms, 10s, 1h30m, got "1 day"'],
    ],
    [
      'rejects a malformed size',
      '- drop: { longer_than: 8 lines }\n',
      ['stages.yaml:1:11 [0].drop.longer_than: expected a size like 512, 8KB, 1MiB, got "8 lines"'],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(stageConfigIssues(yaml)).toEqual(expected);
  });

  test('counts drops under drop_counter_reason', async () => {
    const harness = createStageHarness('- drop: { expression: x, drop_counter_reason: noisy }', 'p');
    harness.run(['x', 'x', 'y']);
    expect(
      await harness.counter('collector_stage_dropped_entries_total', {
        pipeline: 'p',
        stage: '0/drop',
        reason: 'noisy',
      }),
    ).toBe(2);
  });

  test('keeps the stage contract when given odd input', async () => {
    await expectStageCompliance('- drop: { expression: "a" }', { mayChange: [] });
    await expectStageCompliance('- drop: { source: "level,status", value: "info;200" }', { mayChange: [] });
  });
});
