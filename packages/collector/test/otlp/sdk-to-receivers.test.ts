import { execFile } from 'node:child_process';
import path from 'node:path';
import type { Lifecycle } from '../../src/consumer';
import { startGrpc, startHttp, type Harness } from './receiver-harness';
import { required } from '@obs/schema/testing';

const sender = path.join(__dirname, 'fixtures', 'send-with-sdk.js');

/** Runs the real OpenTelemetry SDK in a child process against the receiver; resolves with the span's ids. */
function sendWithSdk(mode: string, base: string): Promise<{ traceId: string; spanId: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [sender, mode, base],
      { timeout: 20_000, cwd: path.join(__dirname, '..', '..') },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`SDK sender failed: ${err.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as { traceId: string; spanId: string });
      },
    );
  });
}

interface Case {
  name: string;
  mode: string;
  start(): Promise<{ harness: Harness<Lifecycle>; base: string }>;
}

const cases: Case[] = [
  {
    name: 'OTLP/HTTP protobuf',
    mode: 'http',
    start: async () => withBase(await startHttp(), (h) => `http://127.0.0.1:${h.source.address().port}`),
  },
  {
    name: 'OTLP/HTTP protobuf with gzip',
    mode: 'http-gzip',
    start: async () => withBase(await startHttp(), (h) => `http://127.0.0.1:${h.source.address().port}`),
  },
  {
    name: 'OTLP/HTTP JSON',
    mode: 'http-json',
    start: async () => withBase(await startHttp(), (h) => `http://127.0.0.1:${h.source.address().port}`),
  },
  {
    name: 'OTLP/gRPC',
    mode: 'grpc',
    start: async () => withBase(await startGrpc(), (h) => `http://127.0.0.1:${h.source.port()}`),
  },
];

function withBase<S extends Lifecycle>(
  harness: Harness<S>,
  base: (h: Harness<S>) => string,
): { harness: Harness<Lifecycle>; base: string } {
  return { harness, base: base(harness) };
}

describe('OTLP receivers with the OpenTelemetry JS SDK', () => {
  let harness: Harness<Lifecycle> | undefined;

  afterEach(async () => {
    await harness?.source.shutdown(AbortSignal.timeout(5000));
    harness = undefined;
  });

  test.each(cases)('decodes the spans, metrics and log records the SDK sends when it exports over $name', async (c) => {
    const started = await c.start();
    harness = started.harness;
    const ids = await sendWithSdk(c.mode, started.base);

    const spans = harness.recorder.traces.flatMap((t) =>
      t.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => ({ s, rs, ss })))),
    );
    expect(spans).toHaveLength(1);
    const got = spans[0];
    expect(got.s.name).toBe('POST /checkout');
    expect(got.s.traceId).toBe(ids.traceId);
    expect(got.s.spanId).toBe(ids.spanId);
    expect(got.s.status).toEqual({ code: 2, message: 'card declined' });
    expect(got.s.attributes.get('http.method')).toBe('POST');
    expect(got.s.attributes.get('order.items')).toBe(3n);
    expect(got.s.endTimeUnixNano).toBeGreaterThanOrEqual(got.s.startTimeUnixNano);
    expect(got.s.startTimeUnixNano).toBeGreaterThan(1_600_000_000_000_000_000n);
    expect(got.rs.resource.attributes.get('service.name')).toBe('checkout');
    expect(got.ss.scope).toMatchObject({ name: 'shop', version: '1.2.3' });

    const metrics = harness.recorder.metrics.flatMap((m) =>
      m.resourceMetrics.flatMap((rm) => rm.scopeMetrics.flatMap((sm) => sm.metrics)),
    );
    const orders = metrics.find((m) => m.name === 'orders');
    expect(orders?.unit).toBe('{order}');
    expect(orders?.data).toMatchObject({ type: 'sum', isMonotonic: true });
    const point = required(orders, 'the orders metric').data.dataPoints[0] as {
      value: number | bigint;
      attributes: Map<string, unknown>;
    };
    expect(Number(point.value)).toBe(5);
    expect(point.attributes.get('region')).toBe('eu');
    const latency = metrics.find((m) => m.name === 'latency');
    expect(latency?.data.type).toBe('histogram');
    expect(latency?.data.dataPoints[0]).toMatchObject({ count: 1n, sum: 0.25 });

    expect(harness.logs.entries).toHaveLength(1);
    const entry = harness.logs.entries[0];
    expect(entry.line).toBe('payment failed for order 42');
    expect(entry.timestampNs).toBe(1767323045006000000n);
    expect(entry.labels).toEqual({ service_name: 'checkout', deployment_environment: 'test' });
    expect(entry.structuredMetadata).toMatchObject({
      severity_text: 'ERROR',
      severity_number: '17',
      order_id: '42',
      http_status_code: '502',
      scope_name: 'shop',
    });
    expect(entry.extracted).toMatchObject({ order_id: '42' });
  });
});
