import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { uncompress } from 'snappyjs';
import { Counter, Registry } from 'prom-client';
import type { ComponentContext } from '../../src/component';
import { PermanentError, QueueFullError } from '../../src/errors';
import type { MetricsData } from '../../src/protocols/otlp/types';
import {
  PrometheusRemoteWriteConfig,
  prometheusRemoteWriteSinkDefinition,
  WriteRequest,
  type PrometheusRemoteWriteSink,
} from '../../src/sinks/prometheus-remote-write';
import { required } from '@obs/schema/testing';

/** Decodes remote write 1.0 requests and answers with scripted statuses; not Prometheus. */
interface RemoteWriteReceiver {
  url: string;
  requests: Array<{
    headers: IncomingHttpHeaders;
    series: Array<{
      labels: Array<{ name: string; value: string }>;
      samples: Array<{ value: number; timestamp: number }>;
    }>;
  }>;
  close(): Promise<void>;
}

async function startReceiver(statuses: Array<{ status: number; retryAfter?: string }>): Promise<RemoteWriteReceiver> {
  const requests: RemoteWriteReceiver['requests'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const decoded = WriteRequest.toObject(WriteRequest.decode(uncompress(Buffer.concat(chunks))), {
        longs: Number,
        defaults: true,
      }) as {
        timeseries: RemoteWriteReceiver['requests'][number]['series'];
      };
      requests.push({ headers: req.headers, series: decoded.timeseries });
      // The last status sticks.
      const next = statuses[0];
      if (statuses.length > 1) statuses.shift();
      res.writeHead(next.status, next.retryAfter ? { 'retry-after': next.retryAfter } : {}).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1/write`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const silentLogger = { debug() {}, info() {}, warn() {}, error() {} };

describe('prometheus_remote_write sink', () => {
  let receiver: RemoteWriteReceiver | undefined;
  let sink: PrometheusRemoteWriteSink | undefined;
  let registry: Registry;

  beforeEach(() => {
    registry = new Registry();
    new Counter({ name: 'loki_process_custom_hits_total', help: 'h', registers: [registry] }).inc(2);
  });

  afterEach(async () => {
    await sink?.shutdown(AbortSignal.timeout(2000));
    await receiver?.close();
    sink = undefined;
    receiver = undefined;
  });

  async function run(
    statuses: Array<{ status: number; retryAfter?: string }>,
    extra: Record<string, unknown> = {},
  ): Promise<RemoteWriteReceiver> {
    receiver = await startReceiver(statuses);
    const config = PrometheusRemoteWriteConfig.parse({
      url: receiver.url,
      scrape_interval_ms: 0,
      batch_send_deadline_ms: 5,
      min_backoff_ms: 1,
      max_backoff_ms: 5,
      registry_metrics_regex: '^loki_process_custom_',
      ...extra,
    });
    const ctx: ComponentContext = { id: 'sinks.prom', logger: silentLogger, registry, dataDir: '/nonexistent' };
    sink = prometheusRemoteWriteSinkDefinition.create(config, ctx);
    await sink.start();
    await sink.scrapeRegistry();
    await sink.shutdown(AbortSignal.timeout(2000));
    return receiver;
  }

  async function counterValue(name: string, labels: Record<string, string>): Promise<number> {
    const metric = await required(registry.getSingleMetric(name), `metric ${name}`).get();
    return metric.values
      .filter((v) => Object.entries(labels).every(([k, val]) => v.labels[k] === val))
      .reduce((n, v) => n + v.value, 0);
  }

  test('sends the remote write 1.0 headers and sorted labels when delivering', async () => {
    const r = await run([{ status: 204 }], { basic_auth: { username: '123', password: 'glc_secret' } });
    expect(r.requests).toHaveLength(1);
    expect(r.requests[0].headers).toMatchObject({
      'content-encoding': 'snappy',
      'content-type': 'application/x-protobuf',
      'x-prometheus-remote-write-version': '0.1.0',
      authorization: `Basic ${Buffer.from('123:glc_secret').toString('base64')}`,
    });
    expect(r.requests[0].headers['user-agent']).toBeTruthy();
    expect(r.requests[0].series[0].labels).toEqual([{ name: '__name__', value: 'loki_process_custom_hits_total' }]);
  });

  test('retries a 500 and delivers when the endpoint recovers', async () => {
    const r = await run([{ status: 500 }, { status: 503 }, { status: 200 }]);
    expect(r.requests).toHaveLength(3);
    expect(await counterValue('collector_remote_write_samples_sent_total', {})).toBe(1);
    expect(await counterValue('collector_remote_write_retries_total', {})).toBe(2);
  });

  test('retries a 429 after its Retry-After when rate limited', async () => {
    const r = await run([{ status: 429, retryAfter: '0' }, { status: 200 }]);
    expect(r.requests).toHaveLength(2);
    expect(await counterValue('collector_remote_write_samples_sent_total', {})).toBe(1);
  });

  test('never retries a 400 and counts the samples as rejected when the endpoint refuses them', async () => {
    const r = await run([{ status: 400 }, { status: 200 }]);
    expect(r.requests).toHaveLength(1);
    expect(await counterValue('collector_remote_write_samples_dropped_total', { reason: 'rejected' })).toBe(1);
  });

  test('drops and counts a batch when max_retries is exhausted', async () => {
    const r = await run([{ status: 502 }], { max_retries: 2 });
    expect(r.requests).toHaveLength(3);
    expect(await counterValue('collector_remote_write_samples_dropped_total', { reason: 'retries_exhausted' })).toBe(1);
  });

  test('refuses log batches with a PermanentError when a pipeline forwards lines to it', async () => {
    receiver = await startReceiver([{ status: 200 }]);
    const config = PrometheusRemoteWriteConfig.parse({ url: receiver.url, scrape_interval_ms: 0 });
    sink = prometheusRemoteWriteSinkDefinition.create(config, {
      id: 'sinks.prom',
      logger: silentLogger,
      registry,
      dataDir: '/x',
    });
    await expect(sink.consume({ entries: [] }, AbortSignal.timeout(100))).rejects.toBeInstanceOf(PermanentError);
  });

  test('answers QueueFullError under overflow block when the queue has no room', async () => {
    receiver = await startReceiver([{ status: 200 }]);
    const config = PrometheusRemoteWriteConfig.parse({
      url: receiver.url,
      scrape_interval_ms: 0,
      batch_send_deadline_ms: 60_000,
      queue: { capacity_samples: 1, overflow: 'block' },
    });
    sink = prometheusRemoteWriteSinkDefinition.create(config, {
      id: 'sinks.prom',
      logger: silentLogger,
      registry,
      dataDir: '/x',
    });
    const gauge = (value: number): MetricsData => ({
      resourceMetrics: [
        {
          resource: { attributes: new Map(), droppedAttributesCount: 0 },
          schemaUrl: '',
          scopeMetrics: [
            {
              scope: { name: '', version: '', attributes: new Map(), droppedAttributesCount: 0 },
              schemaUrl: '',
              metrics: [
                {
                  name: 'g',
                  description: '',
                  unit: '',
                  metadata: new Map(),
                  data: {
                    type: 'gauge',
                    dataPoints: [
                      {
                        attributes: new Map(),
                        startTimeUnixNano: 0n,
                        timeUnixNano: 1n,
                        value,
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
    });
    await sink.consumeMetrics(gauge(1));
    await expect(sink.signals.metrics.consume(gauge(2), AbortSignal.timeout(100))).rejects.toBeInstanceOf(
      QueueFullError,
    );
  });

  test.each([
    [
      'rejects basic_auth together with bearer_token',
      { basic_auth: { username: 'a', password: 'b' }, bearer_token: 't' },
      'bearer_token',
    ],
    ['rejects an invalid registry_metrics_regex', { registry_metrics_regex: '(' }, 'registry_metrics_regex'],
    ['rejects unknown keys', { surprise: 1 }, ''],
  ])('%s when validating config', (_name, extra, path) => {
    const parsed = PrometheusRemoteWriteConfig.safeParse({ url: 'http://127.0.0.1:9090/api/v1/write', ...extra });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
