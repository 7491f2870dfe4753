import * as fs from 'node:fs';
import * as path from 'node:path';
import { stageDefinitions } from '../../stages/registry';
import { createStageHarness, testEntry } from '../../testing';
import { stageExamples, type StageExample } from './examples';
import { exampleResult, renderStagesDoc, type ExampleResult } from './render';

const INPUT_TS = testEntry('').timestampNs;
const DOC = path.join(__dirname, '..', '..', '..', 'docs', 'stages.md');

async function runExample(example: StageExample): Promise<ExampleResult> {
  const harness = createStageHarness(example.yaml, 'docs');
  const input = testEntry(example.line, { labels: example.labels });
  const [entry] = harness.run([input]);
  if (entry) return exampleResult(entry, undefined, INPUT_TS);
  const { values } = (await harness.registry.getSingleMetric('collector_stage_dropped_entries_total')?.get()) ?? {
    values: [],
  };
  return exampleResult(undefined, values.find((v) => v.value > 0)?.labels.reason as string | undefined, INPUT_TS);
}

describe('docs/stages.md', () => {
  test.each(Object.entries(stageExamples))('the %s example produces what it documents', async (_type, example) => {
    const result = await runExample(example);
    if (example.expected.dropped !== undefined) expect(result.dropped).toBe(example.expected.dropped);
    else expect(result).toMatchObject({ ...example.expected });
  });

  test('has examples only for registered stage types', () => {
    expect(Object.keys(stageExamples).filter((t) => !(t in stageDefinitions))).toEqual([]);
  });

  test('matches what the stage registry and examples generate (UPDATE_DOCS=1 regenerates it)', async () => {
    const rendered = await renderStagesDoc(stageDefinitions, stageExamples, runExample);
    if (process.env.UPDATE_DOCS === '1') fs.writeFileSync(DOC, rendered);
    const current = fs.readFileSync(DOC, 'utf8');
    if (current !== rendered)
      throw new Error(
        'docs/stages.md is out of date with the stage schemas: run `UPDATE_DOCS=1 node scripts/test.js stage-docs` and commit it',
      );
  });
});
