import { expectStageCompliance } from '../testing';
import { createEntry, type LogEntry } from '../entry';
import { createStageTestContext, loadStageYaml, runStage } from '../testing/stage-test-context';
import { metricsStage } from './metrics';

function entry(
  extracted: Record<string, unknown>,
  labels: Record<string, string> = { job: 'tx' },
  line = 'line',
): LogEntry {
  const e = createEntry(line, labels, 1n);
  e.extracted = extracted;
  return e;
}

async function exposition(yaml: string, entries: LogEntry[]) {
  const ctx = createStageTestContext('p/0/metrics');
  const stage = metricsStage.create(loadStageYaml(metricsStage, yaml), ctx);
  const out = runStage(stage, entries);
  return { ctx, out, text: await ctx.registry.metrics() };
}

describe('metrics stage', () => {
  test.each<[string, string, LogEntry[], string[]]>([
    [
      'counts every entry when match_all is set',
      'counter: [{ name: lines_total, action: inc, match_all: true }]',
      [entry({}), entry({})],
      ['loki_process_custom_lines_total{job="tx"} 2'],
    ],
    [
      'adds line bytes when count_entry_bytes is set',
      'counter: [{ name: bytes_total, action: add, match_all: true, count_entry_bytes: true }]',
      [entry({}, { job: 'tx' }, 'héllo')],
      ['loki_process_custom_bytes_total{job="tx"} 6'],
    ],
    [
      'counts only matching values when value is set',
      'counter: [{ name: failed_total, source: status, value: FAILED, action: inc }]',
      [entry({ status: 'FAILED' }), entry({ status: 'OK' }), entry({})],
      ['loki_process_custom_failed_total{job="tx"} 1'],
    ],
    [
      'adds durations as seconds when the value is a Go duration',
      'counter: [{ name: time_total, source: took, action: add }]',
      [entry({ took: '1.5s' }), entry({ took: '250ms' })],
      ['loki_process_custom_time_total{job="tx"} 1.75'],
    ],
    [
      'keeps one series per label set when labels differ',
      'counter: [{ name: n_total, action: inc, match_all: true }]',
      [entry({}, { job: 'a' }), entry({}, { job: 'b' }), entry({}, { job: 'a' })],
      ['loki_process_custom_n_total{job="a"} 2', 'loki_process_custom_n_total{job="b"} 1'],
    ],
    [
      'leaves reserved __ labels out when the entry has them',
      'counter: [{ name: n_total, action: inc, match_all: true }]',
      [entry({}, { job: 'a', __tenant_id__: 't1' })],
      ['loki_process_custom_n_total{job="a"} 1'],
    ],
    [
      'sets, adds and subtracts when gauge actions are used',
      'gauge: [{ name: q, source: depth, action: set }, { name: up, source: depth, action: add }, { name: down, source: depth, action: sub }, { name: c, source: depth, action: dec }]',
      [entry({ depth: '5' }), entry({ depth: 3 })],
      [
        'loki_process_custom_q{job="tx"} 3',
        'loki_process_custom_up{job="tx"} 8',
        'loki_process_custom_down{job="tx"} -8',
        'loki_process_custom_c{job="tx"} -2',
      ],
    ],
    [
      'counts bool values as 1/0 when gauges add them',
      'gauge: [{ name: ok, source: ok, action: add }]',
      [entry({ ok: true }), entry({ ok: false }), entry({ ok: true })],
      ['loki_process_custom_ok{job="tx"} 2'],
    ],
    [
      'fills cumulative buckets when histograms observe values',
      'histogram: [{ name: latency_ms, source: latency, buckets: [10, 100], prefix: tx_ }]',
      [entry({ latency: '5' }), entry({ latency: '50' }), entry({ latency: '500' })],
      [
        'tx_latency_ms_bucket{job="tx",le="10"} 1',
        'tx_latency_ms_bucket{job="tx",le="100"} 2',
        'tx_latency_ms_bucket{job="tx",le="+Inf"} 3',
        'tx_latency_ms_sum{job="tx"} 555',
        'tx_latency_ms_count{job="tx"} 3',
      ],
    ],
  ])('%s', async (_name, yaml, entries, lines) => {
    const { text, out } = await exposition(yaml, entries);
    expect(out).toHaveLength(entries.length);
    for (const line of lines) expect(text).toContain(line);
  });

  test.each<[string, string, RegExp]>([
    [
      'rejects match_all with value when both are set',
      'counter: [{ name: a, action: inc, match_all: true, value: x }]',
      /counter\[0\]\.match_all: a counter supports either 'match_all' or a 'value'/,
    ],
    [
      'rejects count_entry_bytes when action is inc',
      'counter: [{ name: a, action: inc, match_all: true, count_entry_bytes: true }]',
      /count_entry_bytes needs match_all: true and action: add/,
    ],
    [
      'rejects unknown gauge actions when action is misspelt',
      'gauge: [{ name: a, action: increment }]',
      /gauge\[0\]\.action/,
    ],
    [
      'rejects unsorted buckets when a histogram has them',
      'histogram: [{ name: a, buckets: [5, 1] }]',
      /histogram\[0\]\.buckets: buckets must be strictly increasing/,
    ],
    [
      'rejects short idle durations when max_idle_duration is under 1s',
      'counter: [{ name: a, action: inc, max_idle_duration: 500ms }]',
      /max_idle_duration must be greater or equal than 1s/,
    ],
    [
      'rejects invalid names when the full name has a dash',
      'counter: [{ name: a-b, action: inc }]',
      /counter\[0\]\.name: "loki_process_custom_a-b" is not a valid Prometheus metric name/,
    ],
    [
      'rejects duplicate names when a stage declares one twice',
      'counter: [{ name: a, action: inc }]\ngauge: [{ name: a, action: inc }]',
      /gauge\[0\]\.name: metric "loki_process_custom_a" is already declared/,
    ],
    ['rejects an empty stage when no metric is declared', '{}', /declare at least one counter, gauge or histogram/],
    [
      'rejects unknown keys when a metric has a typo',
      'counter: [{ name: a, action: inc, buckets: [1] }]',
      /buckets|Unrecognized/,
    ],
  ])('%s', (_name, yaml, message) => {
    expect(() => loadStageYaml(metricsStage, yaml)).toThrow(message);
  });

  test('counts a parse failure when an add value is not a number', async () => {
    const { ctx, text } = await exposition('counter: [{ name: t_total, source: v, action: add }]', [
      entry({ v: 'abc' }),
      entry({ v: '-1' }),
      entry({ v: '2' }),
    ]);
    expect(await ctx.parseFailures()).toBe(2);
    expect(text).toContain('loki_process_custom_t_total{job="tx"} 2');
  });

  test('shares one metric when two stages declare the same one', async () => {
    const ctx = createStageTestContext('p/0/metrics');
    const yaml = 'counter: [{ name: n_total, action: inc, match_all: true }]';
    runStage(metricsStage.create(loadStageYaml(metricsStage, yaml), ctx), [entry({})]);
    runStage(metricsStage.create(loadStageYaml(metricsStage, yaml), ctx), [entry({})]);
    expect(await ctx.registry.metrics()).toContain('loki_process_custom_n_total{job="tx"} 2');
  });

  test('fails at build when two stages declare one name with different types', () => {
    const ctx = createStageTestContext('p/0/metrics');
    metricsStage.create(loadStageYaml(metricsStage, 'counter: [{ name: n, action: inc }]'), ctx);
    expect(() => metricsStage.create(loadStageYaml(metricsStage, 'gauge: [{ name: n, action: inc }]'), ctx)).toThrow(
      /loki_process_custom_n is declared twice with different definitions/,
    );
  });

  test('removes a series when it was idle for max_idle_duration', async () => {
    const ctx = createStageTestContext('p/0/metrics');
    const stage = metricsStage.create(
      loadStageYaml(metricsStage, 'counter: [{ name: n_total, action: inc, match_all: true, max_idle_duration: 1s }]'),
      ctx,
    );
    const realNow = Date.now;
    try {
      Date.now = () => 1_000_000;
      runStage(stage, [entry({})]);
      expect(await ctx.registry.metrics()).toContain('n_total{job="tx"} 1');
      Date.now = () => 1_001_000;
      expect(await ctx.registry.metrics()).not.toContain('n_total{job="tx"}');
      runStage(stage, [entry({})]);
      expect(await ctx.registry.metrics()).toContain('n_total{job="tx"} 1');
    } finally {
      Date.now = realNow;
    }
  });

  test('records each entry under its own label set and keeps the last gauge value when a batch mixes label sets', async () => {
    const ctx = createStageTestContext('p/0/metrics');
    const stage = metricsStage.create(
      loadStageYaml(
        metricsStage,
        'counter: [{ name: n_total, source: s, value: ok, action: inc }]\ngauge: [{ name: g, source: v, action: set }]',
      ),
      ctx,
    );
    const batch = [
      entry({ s: 'ok', v: '1' }, { job: 'a' }),
      entry({ s: 'ok', v: '2' }, { job: 'b' }),
      entry({ s: 'no', v: '3' }, { job: 'a' }),
      entry({ s: 'ok' }, { job: 'b' }),
    ];
    expect(stage.updateBatch).toBeDefined();
    stage.updateBatch?.(batch);
    const text = await ctx.registry.metrics();
    for (const line of ['n_total{job="a"} 1', 'n_total{job="b"} 2', 'g{job="a"} 3', 'g{job="b"} 2'])
      expect(text).toContain(line);
  });

  test('keeps the stage contract when inputs are odd', async () => {
    await expectStageCompliance(
      '- metrics: { counter: [{ name: c_total, action: add, source: latency }], histogram: [{ name: h, source: value, buckets: [1, 10] }], gauge: [{ name: g, source: status, action: set }] }',
      { mayChange: [] },
    );
  });
});
