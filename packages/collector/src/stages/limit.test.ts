import { expectStageCompliance } from '../testing';
import { createEntry } from '../entry';
import { createStageTestContext, loadStageYaml, runStage } from '../testing/stage-test-context';
import { createLimitStage, limitStage } from './limit';

function lines(n: number, labels: Record<string, string> = { job: 'a' }) {
  return Array.from({ length: n }, (_, i) => createEntry(`l${i}`, labels, 1n));
}

function build(yaml: string) {
  let now = 0;
  const ctx = createStageTestContext('p/0/limit');
  const stage = createLimitStage(loadStageYaml(limitStage, yaml), ctx, () => now);
  return { ctx, stage, advance: (ms: number) => (now += ms) };
}

describe('limit stage', () => {
  test.each<[string, string, Array<[number, number, Record<string, string>?]>, number[]]>([
    ['lets a burst through when the bucket is full', 'rate: 1\nburst: 3\ndrop: true', [[0, 5]], [3]],
    [
      'refills at rate when time passes',
      'rate: 10\nburst: 3\ndrop: true',
      [
        [0, 3],
        [100, 3],
        [250, 3],
      ],
      [3, 1, 2],
    ],
    ['never stores more than burst when idle for long', 'rate: 100\nburst: 2\ndrop: true', [[60_000, 10]], [2]],
    [
      'keeps a bucket per label value when by_label_name is set',
      'rate: 1\nburst: 1\ndrop: true\nby_label_name: app',
      [
        [0, 2, { app: 'x' }],
        [0, 2, { app: 'y' }],
      ],
      [1, 1],
    ],
    [
      'does not limit entries when they lack the by_label_name label',
      'rate: 1\nburst: 1\ndrop: true\nby_label_name: app',
      [[0, 4, { job: 'z' }]],
      [4],
    ],
  ])('%s', (_name, yaml, steps, passed) => {
    const { stage, advance } = build(yaml);
    const counts = steps.map(([ms, n, labels]) => {
      advance(ms);
      return runStage(stage, lines(n, labels)).length;
    });
    expect(counts).toEqual(passed);
  });

  test.each<[string, string, RegExp]>([
    [
      'explains that waiting is unsupported when drop is false',
      'rate: 1\nburst: 1',
      /drop: drop: false \(delay lines until a token is free\) is not supported/,
    ],
    ['rejects a zero rate when rate is 0', 'rate: 0\nburst: 1\ndrop: true', /rate/],
    ['rejects a fractional burst when burst is 1.5', 'rate: 1\nburst: 1.5\ndrop: true', /burst/],
    ['requires burst when it is missing', 'rate: 1\ndrop: true', /burst/],
  ])('%s', (_name, yaml, message) => {
    expect(() => loadStageYaml(limitStage, yaml)).toThrow(message);
  });

  test('counts drops with reason ratelimit_drop_stage when lines exceed the limit', async () => {
    const { ctx, stage } = build('rate: 1\nburst: 2\ndrop: true');
    runStage(stage, lines(5));
    expect(await ctx.drops('ratelimit_drop_stage')).toBe(3);
  });

  test('keeps the stage contract when inputs are odd', async () => {
    await expectStageCompliance('- limit: { rate: 5, burst: 3, drop: true }', { mayChange: [] });
  });
});
