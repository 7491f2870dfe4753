import { expectStageCompliance } from '../testing';
import { createEntry, type LogEntry } from '../entry';
import { createStageTestContext, loadStageYaml, runStage } from '../testing/stage-test-context';
import { truncateStage } from './truncate';

function entry(): LogEntry {
  const e = createEntry('0123456789', { app: 'a-long-application-name', env: 'prod' }, 1n);
  e.structuredMetadata = { trace: 'abcdefghij' };
  e.extracted = { msg: 'message text', n: 12345678901 };
  return e;
}

function run(yaml: string, input = entry()) {
  const ctx = createStageTestContext('p/0/truncate');
  return { ctx, out: runStage(truncateStage.create(loadStageYaml(truncateStage, yaml), ctx), [input])[0] };
}

describe('truncate stage', () => {
  test.each<[string, string, Partial<LogEntry>]>([
    [
      'cuts the line when it is longer than limit',
      'rule: [{ limit: 4 }]',
      { line: '0123', extracted: { msg: 'message text', n: 12345678901, truncated: 'line' } },
    ],
    ['counts the suffix in the limit when a suffix is set', "rule: [{ limit: 6, suffix: '...' }]", { line: '012...' }],
    [
      'cuts only the named labels when sources are set',
      'rule: [{ limit: 5, source_type: label, sources: [app] }]',
      { labels: { app: 'a-lon', env: 'prod' } },
    ],
    [
      'cuts every structured metadata value when sources are empty',
      'rule: [{ limit: 3, source_type: structured_metadata }]',
      { structuredMetadata: { trace: 'abc' } },
    ],
    [
      'cuts only string extracted values when source_type is extracted',
      'rule: [{ limit: 7, source_type: extracted }]',
      { extracted: { msg: 'message', n: 12345678901, truncated: 'extracted' } },
    ],
    [
      'records every truncated field when several rules cut',
      'rule: [{ limit: 4 }, { limit: 3, source_type: label, sources: [env] }]',
      { extracted: { msg: 'message text', n: 12345678901, truncated: 'label,line' } },
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(run(yaml).out).toMatchObject(expected);
  });

  test('never splits a character when the limit falls inside one', () => {
    const input = createEntry('añb€', {}, 1n);
    expect(run('rule: [{ limit: 4 }]', input).out.line).toBe('añb');
    expect(run('rule: [{ limit: 3 }]', createEntry('añb€', {}, 1n)).out.line).toBe('añ');
    expect(run('rule: [{ limit: 2 }]', createEntry('añb€', {}, 1n)).out.line).toBe('a');
  });

  test('accepts sizes with units when limit is 1KiB', () => {
    expect(run('rule: [{ limit: 1KiB }]', createEntry('x'.repeat(2000), {}, 1n)).out.line).toHaveLength(1024);
  });

  test('counts truncated fields when values are cut', async () => {
    const { ctx } = run('rule: [{ limit: 3, source_type: label }]');
    const text = await ctx.registry.getSingleMetricAsString('collector_stage_truncated_fields_total');
    expect(text).toContain('collector_stage_truncated_fields_total{stage="p/0/truncate",field="label"} 2');
  });

  test.each<[string, string, RegExp]>([
    ['requires a rule when the list is empty', 'rule: []', /at least one truncate rule must be defined/],
    [
      'rejects a zero limit when limit is 0',
      'rule: [{ limit: 0 }]',
      /rule\[0\]\.limit: limit must be greater than zero/,
    ],
    [
      'rejects sources when source_type is line',
      'rule: [{ limit: 5, sources: [a] }]',
      /rule\[0\]\.sources: sources cannot be set when source_type is 'line'/,
    ],
    [
      'rejects a suffix as long as the limit when both are 3',
      "rule: [{ limit: 3, suffix: '...' }]",
      /suffix length cannot be greater than or equal to limit/,
    ],
    [
      'rejects unknown source types when source_type is misspelt',
      'rule: [{ limit: 3, source_type: labels }]',
      /source_type/,
    ],
    ['rejects malformed sizes when limit has an unknown unit', 'rule: [{ limit: 3 parsecs }]', /expected a size/],
  ])('%s', (_name, yaml, message) => {
    expect(() => loadStageYaml(truncateStage, yaml)).toThrow(message);
  });

  test('keeps the stage contract when inputs are odd', async () => {
    await expectStageCompliance(
      "- truncate: { rule: [{ limit: 16, suffix: '...' }, { limit: 4, source_type: extracted }] }",
      { mayChange: ['line', 'extracted'] },
    );
  });
});
