import { Counter, Histogram, Registry } from 'prom-client';
import type { ComponentContext } from '../../src/component';
import { AggregationTemporality, type MetricsData } from '../../src/otlp/types';
import { prometheusRemoteWriteSinkDefinition, PrometheusRemoteWriteConfig, type PrometheusRemoteWriteSink } from '../../src/sinks/prometheus-remote-write';
import { prometheusBinary, startPrometheus, type RealPrometheus } from './real-prometheus';

const binary = prometheusBinary();
if (!binary && process.env.CI === 'true') throw new Error('prometheus binary missing: apt-get install -y prometheus');
if (!binary) console.warn('skipping real Prometheus tests: no prometheus binary (apt-get install -y prometheus)');
const describeWithPrometheus = binary ? describe : describe.skip;

const silentLogger = { debug() {}, info() {}, warn() {}, error() {} };

describeWithPrometheus('prometheus_remote_write sink against a real Prometheus', () => {
  let prometheus: RealPrometheus;
  let sink: PrometheusRemoteWriteSink | undefined;
  let registry: Registry;

  beforeAll(async () => {
    prometheus = await startPrometheus(binary!);
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
    const metric = await registry.getSingleMetric('collector_remote_write_samples_sent_total')!.get();
    return metric.values.reduce((n, v) => n + v.value, 0);
  }

  test('stores the metrics stage counters and histograms read from the registry when queried back', async () => {
    const lines = new Counter({ name: 'loki_process_custom_lines_total', help: 'h', labelNames: ['job'], registers: [registry] });
    const bytes = new Histogram({ name: 'loki_process_custom_line_bytes', help: 'h', buckets: [10, 100], registers: [registry] });
    new Counter({ name: 'not_from_the_stage_total', help: 'h', registers: [registry] }).inc(3);
    lines.inc({ job: 'tx' }, 5);
    bytes.observe(50);
    bytes.observe(500);
    const s = createSink();
    await s.start();
    await s.scrapeRegistry();
    await s.shutdown(AbortSignal.timeout(5000));

    expect(await prometheus.query('loki_process_custom_lines_total')).toEqual([
      { metric: { __name__: 'loki_process_custom_lines_total', collector: 'test', job: 'tx' }, value: 5 },
    ]);
    const buckets = await prometheus.query('loki_process_custom_line_bytes_bucket');
    expect(buckets.map((b) => [b.metric.le, b.value]).sort()).toEqual([['+Inf', 2], ['10', 0], ['100', 1]]);
    expect(await prometheus.query('loki_process_custom_line_bytes_sum')).toMatchObject([{ value: 550 }]);
    expect(await prometheus.query('not_from_the_stage_total')).toEqual([]);
  });

  test('stores OTLP gauges, monotonic sums and histograms under their translated names when queried back', async () => {
    const now = BigInt(Date.now()) * 1_000_000n;
    const scope = { name: 'test', version: '', attributes: new Map(), droppedAttributesCount: 0 };
    const data: MetricsData = {
      resourceMetrics: [{
        resource: { attributes: new Map([['service.name', 'checkout']]), droppedAttributesCount: 0 },
        schemaUrl: '',
        scopeMetrics: [{
          scope, schemaUrl: '',
          metrics: [
            { name: 'system.memory.usage', description: '', unit: 'By', metadata: new Map(),
              data: { type: 'gauge', dataPoints: [{ attributes: new Map([['state', 'used']]), startTimeUnixNano: 0n, timeUnixNano: now, value: 1024n, exemplars: [], flags: 0 }] } },
            { name: 'http.server.requests', description: '', unit: '{request}', metadata: new Map(),
              data: { type: 'sum', isMonotonic: true, aggregationTemporality: AggregationTemporality.cumulative,
                dataPoints: [{ attributes: new Map([['http.route', '/pay']]), startTimeUnixNano: 0n, timeUnixNano: now, value: 42, exemplars: [], flags: 0 }] } },
            { name: 'http.server.duration', description: '', unit: 'ms', metadata: new Map(),
              data: { type: 'histogram', aggregationTemporality: AggregationTemporality.cumulative,
                dataPoints: [{ attributes: new Map(), startTimeUnixNano: 0n, timeUnixNano: now, count: 4n, sum: 130, bucketCounts: [1n, 2n, 1n], explicitBounds: [10, 50], exemplars: [], flags: 0 }] } },
          ],
        }],
      }],
    };
    const s = createSink();
    await s.start();
    await s.signals.metrics.consume(data, AbortSignal.timeout(1000));
    await s.shutdown(AbortSignal.timeout(5000));

    expect(await sentSamples()).toBe(7);
    expect(await prometheus.query('system_memory_usage_bytes')).toEqual([
      { metric: { __name__: 'system_memory_usage_bytes', collector: 'test', job: 'checkout', state: 'used' }, value: 1024 },
    ]);
    expect(await prometheus.query('http_server_requests_total{http_route="/pay"}')).toMatchObject([{ value: 42 }]);
    expect(await prometheus.query('http_server_duration_milliseconds_bucket{le="50"}')).toMatchObject([{ value: 3 }]);
    expect(await prometheus.query('http_server_duration_milliseconds_count')).toMatchObject([{ value: 4 }]);
  });
});
