import { createEntry } from '../../src/entry';
import { codecs } from '../../src/protocols/otlp/codec';
import { createOtlpSink, type OtlpSink } from '../../src/sinks/otlp/sink';
import { otlpSinkConfig } from '../../src/sinks/otlp/config';
import { waitFor } from '../../src/testing';
import { createTestContext, metricValue } from '../support/sink-context';
import { OtlpTestReceiver } from '../../src/testing/otlp-test-receiver';

const traces = () =>
  codecs.traces.decodeJson(
    JSON.stringify({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'api' } }] },
          scopeSpans: [
            {
              scope: { name: 's' },
              spans: [
                {
                  traceId: '5b8efff798038103d269b633813fc60c',
                  spanId: 'eee19b7ec3c1b174',
                  name: 'GET /',
                  startTimeUnixNano: '1',
                  endTimeUnixNano: '2',
                },
              ],
            },
          ],
        },
      ],
    }),
  );

const metrics = () =>
  codecs.metrics.decodeJson(
    JSON.stringify({
      resourceMetrics: [
        { scopeMetrics: [{ metrics: [{ name: 'up', gauge: { dataPoints: [{ asInt: '1', timeUnixNano: '5' }] } }] }] },
      ],
    }),
  );

describe('otlp sink', () => {
  let receiver: OtlpTestReceiver;
  let sink: OtlpSink | undefined;
  let ctx: ReturnType<typeof createTestContext>;

  beforeEach(() => {
    receiver = new OtlpTestReceiver();
    ctx = createTestContext('sinks.otlp');
  });

  afterEach(async () => {
    await sink?.shutdown(AbortSignal.timeout(2000));
    sink = undefined;
    await receiver.stop();
  });

  async function start(extra: Record<string, unknown> = {}): Promise<OtlpSink> {
    const endpoint = await receiver.start();
    sink = createOtlpSink(
      otlpSinkConfig.parse({
        endpoint,
        batch_wait_ms: 5,
        retry: { min_backoff_ms: 1, max_backoff_ms: 5, max_retries: 3 },
        ...extra,
      }),
      ctx,
    );
    await sink.start();
    return sink;
  }

  test('exports traces, metrics and log entries as gzip protobuf to /v1/<signal> with basic auth when all three are consumed', async () => {
    const s = await start({ basic_auth: { username: '123456', password: 'glc_secret' }, headers: { 'X-Tenant': 'a' } });
    await s.signals.traces.consume(traces(), AbortSignal.timeout(1000));
    await s.signals.metrics.consume(metrics(), AbortSignal.timeout(1000));
    const entry = createEntry('payment failed', { service_name: 'shop', env: 'prod' }, 1700000000000000000n);
    entry.structuredMetadata = { severity_text: 'error', trace_id: '5b8efff798038103d269b633813fc60c', order_id: '42' };
    await s.consume({ entries: [entry] }, AbortSignal.timeout(1000));
    await waitFor(() => receiver.received.length === 3, 'three exports');

    for (const r of receiver.received) {
      expect(r.headers['content-encoding']).toBe('gzip');
      expect(r.headers['content-type']).toBe('application/x-protobuf');
      expect(r.headers.authorization).toBe(`Basic ${Buffer.from('123456:glc_secret').toString('base64')}`);
      expect(r.headers['x-tenant']).toBe('a');
    }
    expect(receiver.of('traces')[0]).toEqual(traces());
    expect(receiver.of('metrics')[0]).toEqual(metrics());
    const rl = receiver.of('logs')[0].resourceLogs[0];
    expect(Object.fromEntries(rl.resource.attributes)).toEqual({
      service_name: 'shop',
      env: 'prod',
      'service.name': 'shop',
    });
    expect(rl.scopeLogs[0].logRecords[0]).toMatchObject({
      timeUnixNano: 1700000000000000000n,
      body: 'payment failed',
      severityText: 'error',
      severityNumber: 17,
      traceId: '5b8efff798038103d269b633813fc60c',
      attributes: new Map([['order_id', '42']]),
    });
    await s.shutdown(AbortSignal.timeout(1000));
    expect(await metricValue(ctx.registry, 'collector_otlp_exporter_sent_items_total', { signal: 'traces' })).toBe(1);
  });

  test('retries honouring Retry-After when the endpoint answers 429 then 503', async () => {
    const s = await start();
    receiver.script.push({ status: 429, retryAfter: '0' }, { status: 503 });
    await s.signals.traces.consume(traces(), AbortSignal.timeout(1000));
    await waitFor(() => receiver.received.length === 1, 'the export after two retries');
    expect(receiver.attempts).toBe(3);
    expect(await metricValue(ctx.registry, 'collector_sink_retries_total', { sink: 'sinks.otlp/traces' })).toBe(2);
  });

  test('drops the batch without retrying when the endpoint answers 400', async () => {
    const s = await start();
    receiver.script.push({ status: 400 });
    await s.signals.metrics.consume(metrics(), AbortSignal.timeout(1000));
    await waitFor(() => receiver.attempts === 1, 'one attempt');
    await s.shutdown(AbortSignal.timeout(1000));
    expect(receiver.attempts).toBe(1);
    expect(
      await metricValue(ctx.registry, 'collector_sink_dropped_entries_total', {
        sink: 'sinks.otlp/metrics',
        reason: 'http_400',
      }),
    ).toBe(1);
  });

  test('counts rejected items and does not retry when the endpoint answers partial success', async () => {
    const s = await start();
    receiver.script.push({ partial: { rejected: 1, errorMessage: 'span too old' } });
    await s.signals.traces.consume(traces(), AbortSignal.timeout(1000));
    await waitFor(() => receiver.received.length === 1, 'one export');
    await s.shutdown(AbortSignal.timeout(1000));
    expect(receiver.attempts).toBe(1);
    expect(await metricValue(ctx.registry, 'collector_otlp_exporter_rejected_items_total', { signal: 'traces' })).toBe(
      1,
    );
    expect(await metricValue(ctx.registry, 'collector_otlp_exporter_sent_items_total', { signal: 'traces' })).toBe(0);
  });

  test('sends requests queued on disk before start as one export whose bytes concatenate both', async () => {
    const endpoint = await receiver.start();
    sink = createOtlpSink(
      otlpSinkConfig.parse({ endpoint, batch_wait_ms: 5, queue: { type: 'disk', fsync: 'never' } }),
      ctx,
    );
    await sink.signals.traces.consume(traces(), AbortSignal.timeout(1000));
    await sink.signals.traces.consume(traces(), AbortSignal.timeout(1000));
    await sink.start();
    await waitFor(() => receiver.received.length === 1, 'one export');
    expect(receiver.of('traces')[0].resourceSpans).toEqual([...traces().resourceSpans, ...traces().resourceSpans]);
  });
});
