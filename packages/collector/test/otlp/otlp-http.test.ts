import zlib from 'node:zlib';
import * as snappy from 'snappyjs';
import { Reader } from 'protobufjs/minimal';
import { QueueFullError, ShutdownError } from '../../src/errors';
import { createTargets } from '../../src/pipelines/targets';
import { codecs } from '../../src/protocols/otlp/codec';
import { createFailingConsumer, createMemoryConsumer, waitFor } from '../../src/testing';
import { startHttp, type Harness } from './receiver-harness';
import { createOtlpHttpSource, otlpHttpConfig, type OtlpHttpSource } from '../../src/sources/otlp/http';
import { createTestContext, metricValue } from '../support/sink-context';
import { required } from '@obs/schema/testing';

const traceJson = {
  resourceSpans: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'api' } }] },
      scopeSpans: [
        {
          scope: { name: 'manual' },
          spans: [
            {
              traceId: '5B8EFFF798038103D269B633813FC60C',
              spanId: 'EEE19B7EC3C1B174',
              parentSpanId: '',
              name: 'GET /healthz',
              kind: 2,
              startTimeUnixNano: '1544712660000000000',
              endTimeUnixNano: 1544712661000000000,
              attributes: [
                { key: 'http.status_code', value: { intValue: '200' } },
                { key: 'ratio', value: { doubleValue: 0.5 } },
              ],
              status: { code: 1 },
              somethingNew: { ignored: true },
            },
          ],
        },
      ],
    },
  ],
};

const logsJson = {
  resourceLogs: [
    {
      resource: {
        attributes: [
          { key: 'service.name', value: { stringValue: 'api' } },
          { key: 'k8s.pod.name', value: { stringValue: 'api-0' } },
        ],
      },
      scopeLogs: [
        {
          logRecords: [
            {
              observedTimeUnixNano: '1700000000000000001',
              severityNumber: 13,
              body: {
                kvlistValue: {
                  values: [
                    { key: 'msg', value: { stringValue: 'slow' } },
                    { key: 'ms', value: { intValue: 900 } },
                  ],
                },
              },
              traceId: '0102030405060708090a0b0c0d0e0f10',
              spanId: '0102030405060708',
            },
          ],
        },
      ],
    },
  ],
};

function decodeStatus(body: Uint8Array): { code: number; message: string } {
  const reader = Reader.create(body);
  const out = { code: 0, message: '' };
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1) out.code = reader.int32();
    else if (tag >>> 3 === 2) out.message = reader.string();
    else reader.skipType(tag & 7);
  }
  return out;
}

describe('otlp_http source', () => {
  let h: Harness<OtlpHttpSource> | undefined;
  const url = (path: string): string =>
    `http://127.0.0.1:${required(h, 'the otlp_http source (started by the test)').source.address().port}${path}`;

  afterEach(async () => {
    await h?.source.shutdown(AbortSignal.timeout(5000));
    h = undefined;
  });

  test('accepts OTLP/JSON with hex ids, string and number 64-bit ints, and ignores unknown fields when posted as JSON', async () => {
    h = await startHttp();
    const res = await fetch(url('/v1/traces'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(traceJson),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({});
    const span = h.recorder.traces[0].resourceSpans[0].scopeSpans[0].spans[0];
    expect(span).toMatchObject({
      traceId: '5b8efff798038103d269b633813fc60c',
      spanId: 'eee19b7ec3c1b174',
      parentSpanId: '',
      kind: 2,
      startTimeUnixNano: 1544712660000000000n,
      endTimeUnixNano: 1544712661000000000n,
      status: { code: 1, message: '' },
    });
    expect(span.attributes).toEqual(
      new Map<string, unknown>([
        ['http.status_code', 200n],
        ['ratio', 0.5],
      ]),
    );
  });

  test('maps log records to entries with observed time, JSON body and ids when OTLP/JSON logs arrive', async () => {
    h = await startHttp({ logs: { structured_metadata_from_resource: ['k8s.pod.name'] } });
    const res = await fetch(url('/v1/logs'), {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(logsJson),
    });
    expect(res.status).toBe(200);
    expect(h.logs.entries).toEqual([
      {
        timestampNs: 1700000000000000001n,
        line: '{"msg":"slow","ms":900}',
        labels: { service_name: 'api' },
        structuredMetadata: {
          k8s_pod_name: 'api-0',
          severity_text: 'warn',
          severity_number: '13',
          trace_id: '0102030405060708090a0b0c0d0e0f10',
          span_id: '0102030405060708',
        },
        extracted: {},
      },
    ]);
  });

  test('decodes a gzip-compressed protobuf body and answers in protobuf when Content-Encoding is gzip', async () => {
    h = await startHttp();
    const body = zlib.gzipSync(codecs.traces.encodeProtobuf(codecs.traces.decodeJson(JSON.stringify(traceJson))));
    const res = await fetch(url('/v1/traces'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf', 'content-encoding': 'gzip' },
      body,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-protobuf');
    expect(codecs.traces.decodeResponseProtobuf(new Uint8Array(await res.arrayBuffer()))).toBeUndefined();
    expect(h.recorder.traces[0].resourceSpans[0].scopeSpans[0].spans[0].name).toBe('GET /healthz');
  });

  test('decodes a snappy-compressed JSON body when Content-Encoding is snappy', async () => {
    h = await startHttp();
    const res = await fetch(url('/v1/traces'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'snappy' },
      body: snappy.compress(Buffer.from(JSON.stringify(traceJson))),
    });
    expect(res.status).toBe(200);
    expect(h.recorder.traces[0].resourceSpans[0].scopeSpans[0].spans[0].name).toBe('GET /healthz');
  });

  test('answers 400 with the failing field path when a JSON trace id is not hex', async () => {
    h = await startHttp();
    const bad = JSON.parse(JSON.stringify(traceJson));
    bad.resourceSpans[0].scopeSpans[0].spans[0].traceId = 'not-a-trace-id';
    const res = await fetch(url('/v1/traces'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(bad),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: number; message: string };
    expect(body.code).toBe(3);
    expect(body.message).toContain('resourceSpans[0].scopeSpans[0].spans[0].traceId: expected 32 hex characters');
    expect(h.recorder.traces).toHaveLength(0);
  });

  test('answers 400 with a google.rpc.Status body when the protobuf is malformed', async () => {
    h = await startHttp();
    const res = await fetch(url('/v1/logs'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: new Uint8Array([0x0a, 0xff, 0xff, 0x01]),
    });
    expect(res.status).toBe(400);
    const status = decodeStatus(new Uint8Array(await res.arrayBuffer()));
    expect(status.code).toBe(3);
    expect(status.message).toMatch(/^malformed OTLP protobuf logs request: invalid protobuf/);
  });

  test('answers 400 when the body is not JSON', async () => {
    h = await startHttp();
    const res = await fetch(url('/v1/metrics'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"resourceMetrics": [',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/invalid JSON/);
  });

  test('answers 413 when the body is larger than max_request_body_bytes', async () => {
    h = await startHttp({ max_request_body_bytes: 1024 });
    const res = await fetch(url('/v1/logs'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(4096) }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { message: string }).message).toContain('max_request_body_bytes (1024)');
  });

  test('answers 413 when a small gzip body inflates past max_request_body_bytes', async () => {
    h = await startHttp({ max_request_body_bytes: 1024 });
    const body = zlib.gzipSync(JSON.stringify({ pad: 'x'.repeat(100_000) }));
    expect(body.length).toBeLessThan(1024);
    const res = await fetch(url('/v1/logs'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body,
    });
    expect(res.status).toBe(413);
  });

  test('answers 415 when the content type is neither protobuf nor JSON', async () => {
    h = await startHttp();
    const res = await fetch(url('/v1/logs'), {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { message: string }).message).toContain('unsupported Content-Type "text/plain"');
  });

  test('answers 429 with Retry-After when the log pipeline refuses with a full queue', async () => {
    h = await startHttp({}, (logs) =>
      createFailingConsumer({ times: 1, error: () => new QueueFullError('queue full', 3000), next: logs }),
    );
    const post = () =>
      fetch(url('/v1/logs'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(logsJson),
      });
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('3');
    const accepted = await post();
    expect(accepted.status).toBe(200);
    expect(
      await metricValue(h.ctx.registry, 'collector_otlp_refused_items_total', { signal: 'logs', reason: 'queue_full' }),
    ).toBe(1);
  });

  test('answers 503 with Retry-After when a traces sink is shutting down', async () => {
    h = await startHttp();
    h.recorder.failWith = () => new ShutdownError();
    const res = await fetch(url('/v1/traces'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(traceJson),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
  });

  test('reports partial success with every span rejected when no traces_forward_to is set', async () => {
    h = await startHttp({ traces_forward_to: [] });
    const res = await fetch(url('/v1/traces'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(traceJson),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      partialSuccess: {
        rejectedSpans: '1',
        errorMessage: 'source sources.otlp forwards no traces (set traces_forward_to)',
      },
    });
  });

  test('refuses to build when a traces_forward_to sink does not take traces', () => {
    const logsOnly = {
      id: 'sinks.file',
      consume: async () => undefined,
      start: async () => undefined,
      shutdown: async () => undefined,
    };
    const ctx = {
      ...createTestContext('sources.otlp'),
      next: createMemoryConsumer(),
      signals: createTargets(new Map([['sinks.file', logsOnly]]), new Map()).signals,
    };
    const config = otlpHttpConfig.parse({ listen_port: 0, traces_forward_to: ['sinks.file'] });
    expect(() => createOtlpHttpSource(config, ctx)).toThrow(
      'sources.otlp: traces_forward_to: sinks.file does not take traces',
    );
  });

  test('answers 404 when the path is not an OTLP signal', async () => {
    h = await startHttp();
    const res = await fetch(url('/v1/profiles'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(404);
  });
});

describe('otlp_http source shutdown', () => {
  test('answers 503 with Retry-After to a request still in flight when the shutdown deadline passes', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const h = await startHttp({}, (logs) => ({
      consume: async (batch, signal) => {
        await gate;
        await logs.consume(batch, signal);
      },
    }));
    const url = `http://127.0.0.1:${h.source.address().port}/v1/logs`;
    const body = JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ body: { stringValue: 'x' } }] }] }] });

    const first = fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await waitForReceived(h);
    const deadline = new AbortController();
    const stopping = h.source.shutdown(deadline.signal);
    deadline.abort();
    const res = await first;
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    await stopping;
    release();
  });

  test('answers in-flight requests normally when they finish before the deadline', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const h = await startHttp({}, (logs) => ({
      consume: async (batch, signal) => {
        await gate;
        await logs.consume(batch, signal);
      },
    }));
    const url = `http://127.0.0.1:${h.source.address().port}/v1/logs`;
    const first = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ body: { stringValue: 'x' } }] }] }] }),
    });
    await waitForReceived(h);
    const stopping = h.source.shutdown(AbortSignal.timeout(5000));
    release();
    expect((await first).status).toBe(200);
    await stopping;
    expect(h.logs.lines()).toEqual(['x']);
  });
});

function waitForReceived(h: Harness<OtlpHttpSource>): Promise<void> {
  return waitFor(
    async () => (await metricValue(h.ctx.registry, 'collector_otlp_received_items_total', { signal: 'logs' })) >= 1,
    'the request to arrive',
    5000,
    5,
  );
}
