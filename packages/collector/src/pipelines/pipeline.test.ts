import { Registry } from 'prom-client';
import { z } from 'zod';
import { parseConfig } from '../config/load';
import type { Consumer } from '../consumer';
import type { LogBatch } from '../entry';
import { RetryableError, ShutdownError } from '../errors';
import { sinkDefinitions } from '../sinks/registry';
import {
  createFailingConsumer,
  createMemoryConsumer,
  createStageHarness,
  silentLogger,
  testEntry,
  type MemoryConsumer,
} from '../testing';
import { createPipelineConsumer } from './pipeline';

// Stand-in sink type so the config parses without depending on which real sinks are registered.
sinkDefinitions.test_sink = {
  type: 'test_sink',
  description: 'test-only sink type',
  config: z.strictObject({}),
  create: () => {
    throw new Error('not built here');
  },
};

function pipelineFrom(yaml: string, id = 'p') {
  const config = parseConfig(yaml, '/t/collector.yaml', {});
  const found = config.pipelines.find((p) => p.id === id);
  if (!found) throw new Error(`no pipeline ${id}`);
  return found;
}

function sinks(...names: string[]): {
  targets: Record<string, MemoryConsumer>;
  resolve(t: string): Consumer<LogBatch>;
} {
  const targets = Object.fromEntries(names.map((n) => [`sinks.${n}`, createMemoryConsumer()]));
  return { targets, resolve: (t) => targets[t] };
}

const signal = new AbortController().signal;

describe('createPipelineConsumer', () => {
  test('runs the stages and fans every entry out to all forward_to targets', async () => {
    const { targets, resolve } = sinks('a', 'b');
    const p = createPipelineConsumer(
      pipelineFrom(
        `pipelines:\n  p:\n    stages: [ { static_labels: { values: { x: "1" } } } ]\n    forward_to: [sinks.a, sinks.b]\nsinks:\n  a: { type: test_sink }\n  b: { type: test_sink }\n`,
      ),
      { registry: new Registry(), logger: silentLogger, resolve },
    );
    await p.consume({ entries: [testEntry('one'), testEntry('two')] }, signal);
    expect(targets['sinks.a'].lines()).toEqual(['one', 'two']);
    expect(targets['sinks.b'].entries.map((e) => e.labels)).toEqual([{ x: '1' }, { x: '1' }]);
  });

  test('starts each entry with its labels in the extracted map, as Alloy does, so a stage can parse a label', async () => {
    const { targets, resolve } = sinks('a');
    const yaml = `pipelines:
  p:
    stages:
      - regex: { source: filename, expression: '^/var/log/pods/(?P<namespace>[^_]+)_(?P<pod>[^_]+)_' }
      - labels: { values: { namespace: "", pod: "" } }
      - template: { source: summary, template: '{{ .job }} in {{ .namespace }}' }
      - output: { source: summary }
    forward_to: [sinks.a]
sinks:
  a: { type: test_sink }
`;
    const p = createPipelineConsumer(pipelineFrom(yaml), { registry: new Registry(), logger: silentLogger, resolve });
    const entry = testEntry('hello', {
      labels: { filename: '/var/log/pods/shop_web-7d9_0c1/app/0.log', job: 'pods' },
      extracted: { job: 'stale', trace_id: 't1' },
    });
    await p.consume({ entries: [entry] }, signal);
    const [out] = targets['sinks.a'].entries;
    expect(out.labels).toMatchObject({ namespace: 'shop', pod: 'web-7d9' });
    expect(out.line).toBe('pods in shop');
    expect(out.extracted).toMatchObject({ job: 'pods', trace_id: 't1' });
  });

  test('routes by first matching selector, continues when asked, and sends the rest to the default', async () => {
    const { targets, resolve } = sinks('alerting', 'archive', 'storage');
    const p = createPipelineConsumer(
      pipelineFrom(`pipelines:
  p:
    stages: []
    routes:
      - { selector: '{severity="critical"}', forward_to: [sinks.alerting], continue: true }
      - { selector: '{severity=~"critical|error"}', forward_to: [sinks.archive] }
      - { selector: '{severity="error"}', forward_to: [sinks.alerting] }
    default_forward_to: [sinks.storage]
sinks: { alerting: { type: test_sink }, archive: { type: test_sink }, storage: { type: test_sink } }
`),
      { registry: new Registry(), logger: silentLogger, resolve },
    );
    await p.consume(
      {
        entries: [
          testEntry('crit', { labels: { severity: 'critical' } }),
          testEntry('err', { labels: { severity: 'error' } }),
          testEntry('info', { labels: { severity: 'info' } }),
        ],
      },
      signal,
    );
    expect(targets['sinks.alerting'].lines()).toEqual(['crit']);
    expect(targets['sinks.archive'].lines()).toEqual(['crit', 'err']);
    expect(targets['sinks.storage'].lines()).toEqual(['info']);
  });

  test('drops and counts entries that match no route when there is no default', async () => {
    const registry = new Registry();
    const { targets, resolve } = sinks('a');
    const p = createPipelineConsumer(
      pipelineFrom(
        `pipelines:\n  p:\n    stages: []\n    routes: [ { selector: '{a="1"}', forward_to: [sinks.a] } ]\nsinks: { a: { type: test_sink } }\n`,
      ),
      { registry, logger: silentLogger, resolve },
    );
    await p.consume({ entries: [testEntry('x'), testEntry('y', { labels: { a: '1' } })] }, signal);
    expect(targets['sinks.a'].lines()).toEqual(['y']);
    expect((await registry.getSingleMetric('collector_route_unmatched_entries_total')?.get())?.values[0].value).toBe(1);
  });

  test('rejects with the target error and only resolves when every target accepted', async () => {
    const a = createMemoryConsumer();
    const failing = createFailingConsumer({
      times: 1,
      error: () => new RetryableError('backend down', 500),
      next: createMemoryConsumer(),
    });
    const p = createPipelineConsumer(
      pipelineFrom(
        `pipelines:\n  p: { stages: [], forward_to: [sinks.a, sinks.b] }\nsinks: { a: { type: test_sink }, b: { type: test_sink } }\n`,
      ),
      { registry: new Registry(), logger: silentLogger, resolve: (t) => (t === 'sinks.a' ? a : failing) },
    );
    await expect(p.consume({ entries: [testEntry('x')] }, signal)).rejects.toThrow('backend down');
    await expect(p.consume({ entries: [testEntry('x')] }, signal)).resolves.toBeUndefined();
    expect(failing.calls).toBe(2);
  });

  test('does not call targets when every entry was dropped', async () => {
    const { targets, resolve } = sinks('a');
    const p = createPipelineConsumer(
      pipelineFrom(
        `pipelines:\n  p: { stages: [ { drop: { expression: "." } } ], forward_to: [sinks.a] }\nsinks: { a: { type: test_sink } }\n`,
      ),
      { registry: new Registry(), logger: silentLogger, resolve },
    );
    await p.consume({ entries: [testEntry('x')] }, signal);
    expect(targets['sinks.a'].batches).toHaveLength(0);
  });

  test('counts entries in and out of each stage by pipeline and stage', async () => {
    const registry = new Registry();
    const { resolve } = sinks('a');
    const p = createPipelineConsumer(
      pipelineFrom(
        `pipelines:\n  p: { stages: [ { drop: { expression: "x" } }, { static_labels: { values: { a: "1" } } } ], forward_to: [sinks.a] }\nsinks: { a: { type: test_sink } }\n`,
      ),
      { registry, logger: silentLogger, resolve },
    );
    await p.consume({ entries: [testEntry('x'), testEntry('y'), testEntry('z')] }, signal);
    const values = async (name: string) =>
      (await registry.getSingleMetric(name)?.get())?.values.map((v) => [v.labels.stage, v.value]);
    expect(await values('collector_stage_entries_in_total')).toEqual([
      ['0/drop', 3],
      ['1/static_labels', 2],
    ]);
    expect(await values('collector_stage_entries_out_total')).toEqual([
      ['0/drop', 2],
      ['1/static_labels', 2],
    ]);
  });

  test('refuses batches after shutdown with a ShutdownError', async () => {
    const { resolve } = sinks('a');
    const p = createPipelineConsumer(
      pipelineFrom(`pipelines:\n  p: { stages: [], forward_to: [sinks.a] }\nsinks: { a: { type: test_sink } }\n`),
      { registry: new Registry(), logger: silentLogger, resolve },
    );
    await p.start();
    await p.shutdown(signal);
    await p.shutdown(signal);
    await expect(p.consume({ entries: [testEntry('x')] }, signal)).rejects.toBeInstanceOf(ShutdownError);
  });

  test('releases entries held by a multiline stage through the later stages and the targets at shutdown', async () => {
    const { targets, resolve } = sinks('a');
    const p = createPipelineConsumer(
      pipelineFrom(`pipelines:
  p:
    stages:
      - multiline: { firstline: '^\\d', max_wait_time: 1h }
      - static_labels: { values: { after: "yes" } }
    forward_to: [sinks.a]
sinks: { a: { type: test_sink } }
`),
      { registry: new Registry(), logger: silentLogger, resolve },
    );
    await p.start();
    await p.consume({ entries: [testEntry('1 first'), testEntry('  continued'), testEntry('2 second')] }, signal);
    expect(targets['sinks.a'].lines()).toEqual(['1 first\n  continued']);
    await p.shutdown(signal);
    expect(targets['sinks.a'].lines()).toEqual(['1 first\n  continued', '2 second']);
    expect(targets['sinks.a'].entries.map((e) => e.labels.after)).toEqual(['yes', 'yes']);
  });
});

describe('StageChain', () => {
  test.each([
    [
      'returns a new list of every entry when all stages update in place',
      '- static_labels: { values: { a: "1" } }\n- labels: { values: { b: "" } }',
      ['x', 'y'],
      ['x', 'y'],
    ],
    [
      'returns the survivors when a stage drops entries',
      '- static_labels: { values: { a: "1" } }\n- drop: { expression: "^y" }\n- labels: { values: { b: "" } }',
      ['x', 'y', 'z'],
      ['x', 'z'],
    ],
    ['returns a new list of the batch when there are no stages', '[]', ['x'], ['x']],
  ])('%s', (_name, yaml, lines, kept) => {
    const { chain } = createStageHarness(yaml);
    const batch = lines.map((line) => testEntry(line));
    const out = chain.runBatch(batch);
    expect(out).not.toBe(batch);
    expect(out.map((e) => e.line)).toEqual(kept);
    const appended = [testEntry('before')];
    chain.run(
      lines.map((line) => testEntry(line)),
      appended,
    );
    expect(appended.map((e) => e.line)).toEqual(['before', ...kept]);
  });

  test('counts entries in and out of an in-place stage once per batch', async () => {
    const harness = createStageHarness('- static_labels: { values: { a: "1" } }');
    harness.chain.runBatch([testEntry('x'), testEntry('y')]);
    expect(await harness.counter('collector_stage_entries_in_total', { stage: '0/static_labels' })).toBe(2);
    expect(await harness.counter('collector_stage_entries_out_total', { stage: '0/static_labels' })).toBe(2);
  });
});
