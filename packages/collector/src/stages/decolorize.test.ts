import { expectStageCompliance } from '../testing';
import { createEntry } from '../entry';
import { createStageTestContext, loadStageYaml, runStage } from '../testing/stage-test-context';
import { decolorizeStage } from './decolorize';

describe('decolorize stage', () => {
  test.each<[string, string, string]>([
    ['removes color codes when the line has SGR sequences', '\u001b[31mERROR\u001b[0m failed', 'ERROR failed'],
    ['removes bold and 256-color codes when they are combined', '\u001b[1;38;5;196mhot\u001b[m', 'hot'],
    ['removes cursor movement when the line has CSI commands', 'a\u001b[2Kb\u001b[1Ac', 'abc'],
    ['leaves plain lines unchanged when there is no escape', 'plain [31m text', 'plain [31m text'],
  ])('%s', (_name, line, expected) => {
    const stage = decolorizeStage.create(loadStageYaml(decolorizeStage, '{}'), createStageTestContext());
    expect(runStage(stage, [createEntry(line, {}, 1n)])[0].line).toBe(expected);
  });

  test.each<[string, string, RegExp]>([['rejects arguments when any are given', 'strip: true', /strip|Unrecognized/]])(
    '%s',
    (_name, yaml, message) => {
      expect(() => loadStageYaml(decolorizeStage, yaml)).toThrow(message);
    },
  );

  test('keeps the stage contract when inputs are odd', async () => {
    await expectStageCompliance('- decolorize: {}', { mayChange: ['line'] });
  });
});
