import { expectStageCompliance } from '../testing';
import { createEntry } from '../entry';
import { createStageTestContext, loadStageYaml, runStage } from '../testing/stage-test-context';
import { createSamplingStage, samplingStage } from './sampling';

function build(yaml: string, randoms: number[]) {
  const ctx = createStageTestContext('p/0/sampling');
  let i = 0;
  const stage = createSamplingStage(loadStageYaml(samplingStage, yaml), ctx, () => randoms[i++ % randoms.length]);
  return { ctx, stage };
}

describe('sampling stage', () => {
  test.each<[string, string, number[], string[]]>([
    ['keeps lines whose draw is under the rate when rate is 0.5', 'rate: 0.5', [0.1, 0.7, 0.49, 0.5], ['a', 'c']],
    ['keeps every line when rate is 1', 'rate: 1', [0, 0.999], ['a', 'b', 'c', 'd']],
    ['drops every line when rate is 0', 'rate: 0', [0, 0.5], []],
  ])('%s', (_name, yaml, randoms, kept) => {
    const { stage } = build(yaml, randoms);
    expect(
      runStage(
        stage,
        ['a', 'b', 'c', 'd'].map((l) => createEntry(l, {}, 1n)),
      ).map((e) => e.line),
    ).toEqual(kept);
  });

  test.each<[string, string, RegExp]>([
    ['rejects rates above 1 when rate is a percentage', 'rate: 25', /rate/],
    ['rejects negative rates when rate is below 0', 'rate: -0.1', /rate/],
    ['requires rate when it is missing', 'drop_counter_reason: x', /rate/],
  ])('%s', (_name, yaml, message) => {
    expect(() => loadStageYaml(samplingStage, yaml)).toThrow(message);
  });

  test('counts drops under drop_counter_reason when lines are sampled out', async () => {
    const { ctx, stage } = build('rate: 0.5\ndrop_counter_reason: debug_sampled', [0.9]);
    runStage(stage, [createEntry('a', {}, 1n), createEntry('b', {}, 1n)]);
    expect(await ctx.drops('debug_sampled')).toBe(2);
  });

  test('keeps exactly the configured share when draws cover [0, 1) evenly', () => {
    const { stage } = build(
      'rate: 0.25',
      Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 1000) / 1000),
    );
    const kept = runStage(
      stage,
      Array.from({ length: 1000 }, () => createEntry('x', {}, 1n)),
    ).length;
    expect(kept).toBe(250);
  });

  test('keeps the stage contract when inputs are odd', async () => {
    await expectStageCompliance('- sampling: { rate: 0.5 }', { mayChange: [] });
  });
});
