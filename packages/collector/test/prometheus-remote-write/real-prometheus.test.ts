import { Counter, Registry } from 'prom-client';
import { createEntry } from '../../src/entry';
import { metricsStage } from '../../src/stages/metrics';
import { createStageTestContext, parseStageYaml, runStage } from '../../src/testing/stage-test-context';
import type { ComponentContext } from '../../src/component';
import { AggregationTemporality, type MetricsData } from '../../src/protocols/otlp/types';
import {
  prometheusRemoteWriteSinkDefinition,
  PrometheusRemoteWriteConfig,
  type PrometheusRemoteWriteSink,
} from '../../src/sinks/prometheus-remote-write';
import { prometheusBinary, startPrometheus, type RealPrometheus } from './real-prometheus';
import { required } from '@obs/schema/testing';

const binary = prometheusBinary();
if (!binary && process.env.CI === 'true') throw new Error('prometheus binary missing: apt-get install -y prometheus');
if (!binary) console.warn('skipping real Prometheus tests: no prometheus binary (apt-get install -y prometheus)');
// Skipped, the reason in its name (the test summary lists skipped tests by name).
const describeWithPrometheus = binary
  ? describe
  : (name: string, fn: () => void) =>
      describe.skip(`${name} (skipped: no prometheus binary; apt-get install -y prometheus)`, fn);

const silentLogger = { debug() {}, info() {}, warn() {}, error() {} };

describeWithPrometheus('prometheus_remote_write sink against a real Prometheus', () => {
  let prometheus: RealPrometheus;
  let sink: PrometheusRemoteWriteSink | undefined;
  let registry: Registry;

  beforeAll(async () => {
    prometheus = await startPrometheus(required(binary, 'the prometheus binary'));
  });

  afterAll(async () => {
    await prometheus?.stop();
  });

  beforeEach(() => {
    registry = new Registry();
  });

  afterEach(async () => {
    await sink?.shutdown(AbortSignal.timeout(5000));
    sink = undefined;
  });

  function createSink(extra: Record<string, unknown> = {}): PrometheusRemoteWriteSink {
    const config = PrometheusRemoteWriteConfig.parse({
      url: `${prometheus.url}/api/v1/write`,
      scrape_interval_ms: 0,
      batch_send_deadline_ms: 10,
      external_labels: { collector: 'test' },
      ...extra,
    });
    const ctx: ComponentContext = { id: 'sinks.prom', logger: silentLogger, registry, dataDir: '/nonexistent' };
    sink = prometheusRemoteWriteSinkDefinition.create(config, ctx);
    return sink;
  }

  async function sentSamples(): Promise<number> {
    const metric = await required(
      registry.getSingleMetric('collector_remote_write_samples_sent_total'),
      'the samples sent metric',
    ).get();
    return metric.values.reduce((n, v) => n + v.value, 0);
  }

  test('stores the counters and histograms a metrics stage made, and nothing else, when queried back', async () => {
    const ctx = createStageTestContext('app/1/metrics');
    registry = ctx.registry;
    const stage = metricsStage.create(
      parseStageYaml(
        metricsStage,
        `
counter:
  - { name: ok_lines_total, source: status, value: ok, action: inc }
histogram:
  - { name: line_bytes, prefix: app_, source: size, buckets: [10, 100] }
`,
      ),
      ctx,
    );
    const entry = (status: string, size: string) => {
      const e = createEntry(`status=${status}`, { job: 'tx' });
      e.extracted = { status, size };
      return e;
    };
    runStage(stage, [
      entry('ok', '50'),
      entry('ok', '500'),
      entry('failed', '5'),
      entry('ok', '7'),
      entry('ok', '8'),
      entry('ok', '9'),
    ]);
    new Counter({ name: 'not_from_the_stage_total', help: 'h', registers: [registry] }).inc(3);
    const s = createSink();
    await s.start();
    await s.scrapeRegistry();
    await s.shutdown(AbortSignal.timeout(5000));

    expect(await prometheus.query('loki_process_custom_ok_lines_total')).toEqual([
      { metric: { __name__: 'loki_process_custom_ok_lines_total', collector: 'test', job: 'tx' }, value: 5 },
    ]);
    const buckets = await prometheus.query('app_line_bytes_bucket');
    expect(buckets.map((b) => [b.metric.le, b.value]).sort()).toEqual([
      ['+Inf', 6],
      ['10', 4],
      ['100', 5],
    ]);
    expect(await prometheus.query('app_line_bytes_sum')).toMatchObject([{ value: 579 }]);
    expect(await prometheus.query('not_from_the_stage_total')).toEqual([]);
  });

  test('sends the registry metrics whose name matches registry_metrics_regex when it is set', async () => {
    new Counter({ name: 'picked_by_name_total', help: 'h', registers: [registry] }).inc(4);
    new Counter({ name: 'left_out_total', help: 'h', registers: [registry] }).inc(1);
    const s = createSink({ registry_metrics_regex: '^picked_' });
    await s.start();
    await s.scrapeRegistry();
    await s.shutdown(AbortSignal.timeout(5000));
    expect(await prometheus.query('picked_by_name_total')).toMatchObject([{ value: 4 }]);
    expect(await prometheus.query('left_out_total')).toEqual([]);
  });

  test('stores OTLP gauges, monotonic sums and histograms under their translated names when queried back', async () => {
    const now = BigInt(Date.now()) * 1_000_000n;
    const scope = { name: 'test', version: '', attributes: new Map(), droppedAttributesCount: 0 };
    const data: MetricsData = {
      resourceMetrics: [
        {
          resource: { attributes: new Map([['service.name', 'checkout']]), droppedAttributesCount: 0 },
          schemaUrl: '',
          scopeMetrics: [
            {
              scope,
              schemaUrl: '',
              metrics: [
                {
                  name: 'system.memory.usage',
                  description: '',
                  unit: 'By',
                  metadata: new Map(),
                  data: {
                    type: 'gauge',
                    dataPoints: [
                      {
                        attributes: new Map([['state', 'used']]),
                        startTimeUnixNano: 0n,
                        timeUnixNano: now,
                        value: 1024n,
                        exemplars: [],
                        flags: 0,
                      },
                    ],
                  },
                },
                {
                  name: 'http.server.requests',
                  description: '',
                  unit: '{request}',
                  metadata: new Map(),
                  data: {
                    type: 'sum',
                    isMonotonic: true,
                    aggregationTemporality: AggregationTemporality.cumulative,
                    dataPoints: [
                      {
                        attributes: new Map([['http.route', '/pay']]),
                        startTimeUnixNano: 0n,
                        timeUnixNano: now,
                        value: 42,
                        exemplars: [],
                        flags: 0,
                      },
                    ],
                  },
                },
                {
                  name: 'http.server.duration',
                  description: '',
                  unit: 'ms',
                  metadata: new Map(),
                  data: {
                    type: 'histogram',
                    aggregationTemporality: AggregationTemporality.cumulative,
                    dataPoints: [
                      {
                        attributes: new Map(),
                        startTimeUnixNano: 0n,
                        timeUnixNano: now,
                        count: 4n,
                        sum: 130,
                        bucketCounts: [1n, 2n, 1n],
                        explicitBounds: [10, 50],
                        exemplars: [],
                        flags: 0,
                      },
                    ],
                  },
                },
              ],
            },
          ],
        },
      ],
    };
    const s = createSink();
    await s.start();
    await s.signals.metrics.consume(data, AbortSignal.timeout(1000));
    await s.shutdown(AbortSignal.timeout(5000));

    expect(await sentSamples()).toBe(7);
    expect(await prometheus.query('system_memory_usage_bytes')).toEqual([
      {
        metric: { __name__: 'system_memory_usage_bytes', collector: 'test', job: 'checkout', state: 'used' },
        value: 1024,
      },
    ]);
    expect(await prometheus.query('http_server_requests_total{http_route="/pay"}')).toMatchObject([{ value: 42 }]);
    expect(await prometheus.query('http_server_duration_milliseconds_bucket{le="50"}')).toMatchObject([{ value: 3 }]);
    expect(await prometheus.query('http_server_duration_milliseconds_count')).toMatchObject([{ value: 4 }]);
  });
});
