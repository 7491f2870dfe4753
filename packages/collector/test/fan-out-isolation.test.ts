import { Registry } from 'prom-client';
import { parseConfig } from '../src/config';
import type { Consumer } from '../src/consumer';
import { createEntry, type Labels, type LogBatch } from '../src/entry';
import { createLogger } from '../src/runtime/logger';
import { createPipelineConsumer, type PipelineConsumer } from '../src/pipelines/pipeline';
import { required } from '@obs/schema/testing';

/** A sink as real ones are: it reads (here: copies) each entry's labels when consume() is called. */
function encodingSink(): Consumer<LogBatch> & { labels: Labels[] } {
  const sink = {
    labels: [] as Labels[],
    async consume(batch: LogBatch) {
      for (const e of batch.entries) sink.labels.push({ ...e.labels });
    },
  };
  return sink;
}

/** Builds every pipeline of `yaml` (targets first, as the runtime does) over encoding sinks; returns the entry one. */
function build(
  yaml: string,
  entry: string,
): { entryPipeline: PipelineConsumer; sinks: Record<string, ReturnType<typeof encodingSink>> } {
  const config = parseConfig(yaml, '/cfg/collector.yaml', {});
  const sinks: Record<string, ReturnType<typeof encodingSink>> = {};
  for (const s of config.sinks) sinks[s.id] = encodingSink();
  const pipelines = new Map<string, PipelineConsumer>();
  const ctx = {
    registry: new Registry(),
    logger: createLogger({ level: 'silent' }),
    resolve: (target: string): Consumer<LogBatch> =>
      target.startsWith('sinks.')
        ? sinks[target.slice(6)]
        : required(pipelines.get(target), `pipeline ${target} (built before its sources)`),
  };
  for (const p of config.pipelines) pipelines.set(`pipelines.${p.id}`, createPipelineConsumer(p, ctx));
  return { entryPipeline: required(pipelines.get(`pipelines.${entry}`), `pipeline ${entry}`), sinks };
}

const SOURCE = 'sources:\n  in: { type: loki_push, listen_port: 0, forward_to: [pipelines.a] }\n';
const SINKS = 'sinks:\n  b_out: { type: stdout }\n  c_out: { type: stdout }\n  raw: { type: stdout }\n';
const ENRICHING = `
  b:
    stages: [ { static_labels: { values: { by_b: "yes" } } } ]
    forward_to: [sinks.b_out]
  c:
    stages: [ { static_labels: { values: { by_c: "yes" } } } ]
    forward_to: [sinks.c_out]
`;

describe('fan-out: no target sees what a sibling changed', () => {
  const run = async (pipelines: string) => {
    const { entryPipeline, sinks } = build(`${SOURCE}pipelines:${pipelines}${SINKS}`, 'a');
    await entryPipeline.consume({ entries: [createEntry('x', { job: 'x' })] }, new AbortController().signal);
    return sinks;
  };

  test("forward_to: [pipelines.b, pipelines.c]: each pipeline's output has only its own label", async () => {
    const sinks = await run(`
  a:
    stages: []
    forward_to: [pipelines.b, pipelines.c]
${ENRICHING}`);
    expect(sinks.b_out.labels).toEqual([{ job: 'x', by_b: 'yes' }]);
    expect(sinks.c_out.labels).toEqual([{ job: 'x', by_c: 'yes' }]);
  });

  test('forward_to: [pipelines.b, sinks.raw]: the raw sink gets the entry as it was', async () => {
    const sinks = await run(`
  a:
    stages: []
    forward_to: [pipelines.b, sinks.raw]
${ENRICHING}`);
    expect(sinks.raw.labels).toEqual([{ job: 'x' }]);
    expect(sinks.b_out.labels).toEqual([{ job: 'x', by_b: 'yes' }]);
  });

  test("routes with continue: true: each matching route's pipeline changes its own copy", async () => {
    const sinks = await run(`
  a:
    stages: []
    routes:
      - { selector: '{job="x"}', forward_to: [pipelines.b, sinks.raw], continue: true }
      - { selector: '{job="x"}', forward_to: [pipelines.c] }
${ENRICHING}`);
    expect(sinks.b_out.labels).toEqual([{ job: 'x', by_b: 'yes' }]);
    expect(sinks.c_out.labels).toEqual([{ job: 'x', by_c: 'yes' }]);
    expect(sinks.raw.labels).toEqual([{ job: 'x' }]);
  });
});
