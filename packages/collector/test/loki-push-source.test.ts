import * as zlib from 'node:zlib';
import * as snappy from 'snappyjs';
import { createMemoryConsumer, type MemoryConsumer } from '../src/testing/memory-consumer';
import { createFailingConsumer } from '../src/testing/failing-consumer';
import { required, waitFor } from '@obs/schema/testing';
import { createLokiPushSource, lokiPushSourceConfig, type LokiPushSource } from '../src/sources/loki-push';
import { encodePush } from '../src/protocols/loki/encode';
import { createEntry } from '../src/entry';
import { QueueFullError, RetryableError } from '../src/errors';
import type { Consumer } from '../src/consumer';
import type { LogBatch } from '../src/entry';
import { createTestContext, metricValue } from './support/sink-context';

describe('loki push source', () => {
  let source: LokiPushSource | undefined;
  let ctx: ReturnType<typeof createTestContext>;
  afterEach(async () => {
    await source?.shutdown(AbortSignal.timeout(1000));
    source = undefined;
  });
  const start = async (next: Consumer<LogBatch>, yaml: Record<string, unknown> = {}) => {
    ctx = createTestContext('sources.push');
    source = createLokiPushSource(lokiPushSourceConfig.parse({ listen_port: 0, ...yaml }), { ...ctx, next });
    await source.start();
    return `http://127.0.0.1:${source.port}`;
  };
  const post = (url: string, body: string | Uint8Array, headers: Record<string, string>) =>
    fetch(url, { method: 'POST', body, headers });
  const json = (obj: unknown) => JSON.stringify(obj);

  test('accepts JSON pushes and answers 204 with labels and metadata when the body is valid', async () => {
    const sink = createMemoryConsumer();
    const base = await start(sink, { labels: { source: 'push' }, use_incoming_timestamp: true });
    const res = await post(
      `${base}/loki/api/v1/push`,
      json({
        streams: [
          {
            stream: { job: 'a', source: 'theirs' },
            values: [
              ['1700000000000000001', 'one', { trace_id: 't' }],
              ['1700000000000000002', 'two'],
            ],
          },
        ],
      }),
      { 'Content-Type': 'application/json' },
    );
    expect(res.status).toBe(204);
    expect(sink.entries).toMatchObject([
      {
        line: 'one',
        labels: { job: 'a', source: 'push' },
        timestampNs: 1700000000000000001n,
        structuredMetadata: { trace_id: 't' },
      },
      { line: 'two', labels: { job: 'a', source: 'push' }, timestampNs: 1700000000000000002n },
    ]);
  });

  test('accepts gzip JSON on the /api/v1/push alias', async () => {
    const sink = createMemoryConsumer();
    const base = await start(sink);
    const body = zlib.gzipSync(json({ streams: [{ stream: { job: 'a' }, values: [['1', 'zipped']] }] }));
    const res = await post(`${base}/api/v1/push`, body, {
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
    });
    expect(res.status).toBe(204);
    expect(sink.lines()).toEqual(['zipped']);
  });

  test.each([
    ['deflate', (b: string) => zlib.deflateSync(b)],
    ['snappy', (b: string) => snappy.compress(Buffer.from(b))],
  ])('accepts %s-encoded JSON, as otlp_http does', async (encoding, compress) => {
    const sink = createMemoryConsumer();
    const base = await start(sink);
    const res = await post(
      `${base}/loki/api/v1/push`,
      compress(json({ streams: [{ stream: { job: 'a' }, values: [['1', encoding]] }] })),
      { 'Content-Type': 'application/json', 'Content-Encoding': encoding },
    );
    expect(res.status).toBe(204);
    expect(sink.lines()).toEqual([encoding]);
  });

  test.each([
    [
      'zstd, which it does not take',
      'zstd',
      Buffer.from('x'),
      415,
      'unsupported Content-Encoding "zstd"; use gzip, deflate, snappy or none',
    ],
    ['a gzip body that is not gzip', 'gzip', Buffer.from('not gzip'), 400, 'invalid gzip body'],
    [
      'a snappy body that declares more than max_body_bytes',
      'snappy',
      snappy.compress(Buffer.alloc(5000)),
      413,
      'decompressed body is over max_body_bytes (1000)',
    ],
  ])('answers %s with a clear message', async (_what, encoding, body, status, message) => {
    const base = await start(createMemoryConsumer(), { max_body_bytes: 1000 });
    const res = await post(`${base}/loki/api/v1/push`, body, {
      'Content-Type': 'application/json',
      'Content-Encoding': encoding,
    });
    expect(res.status).toBe(status);
    expect(await res.text()).toContain(message);
  });

  test('accepts snappy protobuf pushes as Promtail and Alloy send them', async () => {
    const sink = createMemoryConsumer();
    const base = await start(sink, { use_incoming_timestamp: true });
    const body = snappy.compress(
      encodePush([createEntry('proto line', { job: 'p' }, 42n)], { externalLabels: {}, maxLabels: 15, maxLineBytes: 0 })
        .body,
    );
    const res = await post(`${base}/loki/api/v1/push`, body, {
      'Content-Type': 'application/x-protobuf',
      'Content-Encoding': 'snappy',
    });
    expect(res.status).toBe(204);
    expect(sink.entries).toMatchObject([{ line: 'proto line', labels: { job: 'p' }, timestampNs: 42n }]);
  });

  test('stamps entries with the receive time when use_incoming_timestamp is false', async () => {
    const sink = createMemoryConsumer();
    const base = await start(sink);
    const before = BigInt(Date.now()) * 1_000_000n;
    await post(`${base}/loki/api/v1/push`, json({ streams: [{ stream: {}, values: [['1', 'old']] }] }), {
      'Content-Type': 'application/json',
    });
    expect(sink.entries[0].timestampNs).toBeGreaterThanOrEqual(before);
  });

  test('takes raw lines on /loki/api/v1/raw when the body is plain text', async () => {
    const sink = createMemoryConsumer();
    const base = await start(sink, { labels: { job: 'raw' } });
    const res = await post(`${base}/loki/api/v1/raw`, '{"a":1}\nplain line\r\n\n', { 'Content-Type': 'text/plain' });
    expect(res.status).toBe(204);
    expect(sink.entries.map((e) => [e.line, e.labels])).toEqual([
      ['{"a":1}', { job: 'raw' }],
      ['plain line', { job: 'raw' }],
    ]);
  });

  test.each([
    [
      'a timestamp that is a number',
      json({ streams: [{ stream: {}, values: [[1, 'x']] }] }),
      'application/json',
      400,
      'streams[0].values[0][0]: timestamp must be a string',
    ],
    [
      'a label value that is not a string',
      json({ streams: [{ stream: { a: 1 }, values: [] }] }),
      'application/json',
      400,
      'streams[0].stream.a: expected a string, got number',
    ],
    ['broken JSON', '{"streams":', 'application/json', 400, 'body is not valid JSON'],
    [
      'protobuf that is not snappy',
      'plain',
      'application/x-protobuf',
      400,
      'body is not snappy block-compressed protobuf',
    ],
    ['an unsupported content type', 'x', 'text/xml', 415, 'unsupported Content-Type "text/xml"'],
  ])('answers %s with a clear message', async (_what, body, type, status, message) => {
    const base = await start(createMemoryConsumer());
    const res = await post(`${base}/loki/api/v1/push`, body, { 'Content-Type': type });
    expect(res.status).toBe(status);
    expect(await res.text()).toContain(message);
    expect(
      await metricValue(ctx.registry, 'collector_push_requests_total', {
        source: 'sources.push',
        status: String(status),
      }),
    ).toBe(1);
  });

  test('answers 413 when the body is over max_body_bytes', async () => {
    const base = await start(createMemoryConsumer(), { max_body_bytes: 100 });
    const res = await post(`${base}/loki/api/v1/push`, 'x'.repeat(1000), { 'Content-Type': 'application/json' });
    expect(res.status).toBe(413);
  });

  test('answers 413 when a gzip body inflates past max_body_bytes', async () => {
    const base = await start(createMemoryConsumer(), { max_body_bytes: 1000 });
    const res = await post(`${base}/loki/api/v1/push`, zlib.gzipSync('x'.repeat(100_000)), {
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
    });
    expect(res.status).toBe(413);
  });

  test('answers 429 with Retry-After when the next step is full', async () => {
    const sink: MemoryConsumer = createMemoryConsumer();
    const base = await start(
      createFailingConsumer({ times: 1, error: () => new QueueFullError('queue full', 2500), next: sink }),
    );
    const body = json({ streams: [{ stream: {}, values: [['1', 'x']] }] });
    const res = await post(`${base}/loki/api/v1/push`, body, { 'Content-Type': 'application/json' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect((await post(`${base}/loki/api/v1/push`, body, { 'Content-Type': 'application/json' })).status).toBe(204);
    expect(sink.lines()).toEqual(['x']);
  });

  test('answers 503 with Retry-After when the next step is unavailable', async () => {
    const base = await start(
      createFailingConsumer({ times: 1, error: () => new RetryableError('down'), next: createMemoryConsumer() }),
    );
    const res2 = await post(`${base}/loki/api/v1/push`, json({ streams: [{ stream: {}, values: [['1', 'x']] }] }), {
      'Content-Type': 'application/json',
    });
    expect(res2.status).toBe(503);
    expect(res2.headers.get('retry-after')).toBe('1');
  });

  test('answers 204 only after the next step accepted the batch', async () => {
    let release: (() => void) | undefined;
    const accepted: string[] = [];
    const slow: Consumer<LogBatch> = {
      consume: (batch) =>
        new Promise<void>(
          (resolve) =>
            (release = () => {
              accepted.push(...batch.entries.map((e) => e.line));
              resolve();
            }),
        ),
    };
    const base = await start(slow);
    let answered = false;
    const pending = post(`${base}/loki/api/v1/push`, json({ streams: [{ stream: {}, values: [['1', 'x']] }] }), {
      'Content-Type': 'application/json',
    }).then((r) => ((answered = true), r));
    await waitFor(() => release !== undefined, 'the consume call');
    expect(answered).toBe(false);
    required(release, 'the pending consume call')();
    expect((await pending).status).toBe(204);
    expect(accepted).toEqual(['x']);
  });

  test('answers /ready with 200 while running', async () => {
    const base = await start(createMemoryConsumer());
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });

  test('rejects unknown config keys with the key named', () => {
    expect(() => lokiPushSourceConfig.parse({ listen_prot: 1 })).toThrow(/listen_prot/);
  });

  test('fails to start with the address in the error when the port is taken', async () => {
    const base = await start(createMemoryConsumer());
    const port = Number(new URL(base).port);
    const second = createLokiPushSource(lokiPushSourceConfig.parse({ listen_port: port }), {
      ...createTestContext('sources.other'),
      next: createMemoryConsumer(),
    });
    await expect(second.start()).rejects.toThrow(/EADDRINUSE/);
  });
});
