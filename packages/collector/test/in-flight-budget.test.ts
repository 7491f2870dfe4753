import * as grpc from '@grpc/grpc-js';
import type { Consumer } from '../src/consumer';
import type { LogBatch } from '../src/entry';
import { QueueFullError } from '../src/errors';
import { codecs } from '../src/protocols/otlp/codec';
import {
  createInFlightBudget,
  defaultInFlightBytes,
  RequestTooLargeError,
  type InFlightBudget,
} from '../src/sources/in-flight-budget';
import { createLokiPushSource, lokiPushSourceConfig, type LokiPushSource } from '../src/sources/loki-push';
import { createOtlpGrpcSource, otlpGrpcConfig, type OtlpGrpcSource } from '../src/sources/otlp/grpc';
import { createOtlpHttpSource, otlpHttpConfig, type OtlpHttpSource } from '../src/sources/otlp/http';
import { createMemoryConsumer } from '../src/testing/memory-consumer';
import { waitFor } from '@obs/schema/testing';
import { createTestContext, metricValue } from './support/sink-context';
import { exportOtlpGrpc } from './support/otlp-grpc-export';

const MiB = 1024 * 1024;

describe('in-flight budget', () => {
  test('reserves up to the limit, refuses past it for now (429) and for good past the whole limit (413)', () => {
    const budget = createInFlightBudget(1000);
    const a = budget.open();
    a.add(600);
    const b = budget.open();
    expect(() => b.add(500)).toThrow(QueueFullError);
    expect(() => b.add(1001)).toThrow(RequestTooLargeError);
    a.release();
    a.release(); // idempotent
    b.add(1000);
    b.release();
  });

  test('defaults to a sixteenth of the heap limit within 32..512 MiB', () => {
    expect(defaultInFlightBytes(4096 * MiB)).toBe(256 * MiB);
    expect(defaultInFlightBytes(128 * MiB)).toBe(32 * MiB);
    expect(defaultInFlightBytes(64 * 1024 * MiB)).toBe(512 * MiB);
  });
});

describe('receivers sharing one in-flight budget', () => {
  let push: LokiPushSource | undefined;
  let http: OtlpHttpSource | undefined;
  let grpcSource: OtlpGrpcSource | undefined;
  let release: () => void = () => undefined;
  afterEach(async () => {
    release();
    await push?.shutdown(AbortSignal.timeout(2000));
    await http?.shutdown(AbortSignal.timeout(2000));
    await grpcSource?.shutdown(AbortSignal.timeout(2000));
    push = http = grpcSource = undefined;
  });

  /** A next step that holds every batch until released, so the first request keeps its bytes in flight. */
  function holding(): Consumer<LogBatch> & { held: number } {
    const open = new Promise<void>((resolve) => (release = resolve));
    const consumer = {
      held: 0,
      async consume() {
        consumer.held++;
        await open;
      },
    };
    return consumer;
  }

  const lokiBody = (size: number): string =>
    JSON.stringify({ streams: [{ stream: { job: 'a' }, values: [['1', 'x'.repeat(size)]] }] });
  const otlpBody = (size: number): string =>
    JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ body: { stringValue: 'x'.repeat(size) } }] }] }] });

  async function start(
    budget: InFlightBudget,
    next: Consumer<LogBatch>,
  ): Promise<{ pushUrl: string; otlpUrl: string; grpcPort: number; ctx: ReturnType<typeof createTestContext> }> {
    const ctx = createTestContext('sources.push');
    push = createLokiPushSource(lokiPushSourceConfig.parse({ listen_port: 0 }), { ...ctx, next, inFlight: budget });
    http = createOtlpHttpSource(otlpHttpConfig.parse({ listen_address: '127.0.0.1', listen_port: 0 }), {
      ...createTestContext('sources.otlp'),
      next,
      inFlight: budget,
    });
    grpcSource = createOtlpGrpcSource(otlpGrpcConfig.parse({ listen_address: '127.0.0.1', listen_port: 0 }), {
      ...createTestContext('sources.grpc'),
      next,
      inFlight: budget,
    });
    await push.start();
    await http.start();
    await grpcSource.start();
    return {
      pushUrl: `http://127.0.0.1:${push.port}/loki/api/v1/push`,
      otlpUrl: `http://127.0.0.1:${http.address().port}/v1/logs`,
      grpcPort: grpcSource.port(),
      ctx,
    };
  }

  const postJson = (url: string, body: string | ReadableStream<Uint8Array>) =>
    fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' }, duplex: 'half' });

  test('answers 429 with Retry-After on every receiver while another request holds the budget, and 204/200 once it is answered', async () => {
    const next = holding();
    const { pushUrl, otlpUrl, grpcPort } = await start(createInFlightBudget(60_000), next);
    const first = postJson(pushUrl, lokiBody(40_000));
    await waitFor(() => next.held === 1, 'the first push handed on');

    const loki = await postJson(pushUrl, lokiBody(30_000));
    expect(loki.status).toBe(429);
    expect(loki.headers.get('retry-after')).toBe('1');
    expect(await loki.text()).toContain('limits.max_in_flight_bytes (60000)');
    const otlp = await postJson(otlpUrl, otlpBody(30_000));
    expect(otlp.status).toBe(429);
    expect(otlp.headers.get('retry-after')).toBe('1');
    const { err: rpc } = await exportOtlpGrpc(
      grpcPort,
      codecs.logs.grpcPath,
      Buffer.from(codecs.logs.encodeProtobuf(codecs.logs.decodeJson(otlpBody(30_000)))),
    );
    expect(rpc?.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
    expect(rpc?.metadata.get('retry-after')).toEqual(['1']);

    release();
    expect((await first).status).toBe(204);
    expect((await postJson(pushUrl, lokiBody(30_000))).status).toBe(204);
    expect((await postJson(otlpUrl, otlpBody(30_000))).status).toBe(200);
  });

  test('counts a chunked body as it arrives and answers 429, not a reset, when it outgrows what is left', async () => {
    const next = holding();
    const { pushUrl } = await start(createInFlightBudget(60_000), next);
    const first = postJson(pushUrl, lokiBody(40_000));
    await waitFor(() => next.held === 1, 'the first push handed on');
    const chunk = new TextEncoder().encode('x'.repeat(10_000));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ >= 5) return controller.close();
        controller.enqueue(chunk);
      },
    });
    expect((await postJson(pushUrl, body)).status).toBe(429);
    release();
    expect((await first).status).toBe(204);
  });

  test('answers 413 naming the limit when one body is larger than the whole budget', async () => {
    const { pushUrl, otlpUrl, ctx } = await start(
      createInFlightBudget(10_000, createTestContext('x').registry),
      createMemoryConsumer(),
    );
    const loki = await postJson(pushUrl, lokiBody(20_000));
    expect(loki.status).toBe(413);
    expect(await loki.text()).toContain("over the collector's limits.max_in_flight_bytes (10000)");
    expect((await postJson(otlpUrl, otlpBody(20_000))).status).toBe(413);
    expect(
      await metricValue(ctx.registry, 'collector_push_requests_total', { source: 'sources.push', status: '413' }),
    ).toBe(1);
  });

  test('gives every byte back: the in-flight gauge returns to 0 after accepted and refused requests', async () => {
    const registry = createTestContext('x').registry;
    const budget = createInFlightBudget(100_000, registry);
    const { pushUrl, otlpUrl } = await start(budget, createMemoryConsumer());
    expect((await postJson(pushUrl, lokiBody(1000))).status).toBe(204);
    expect((await postJson(pushUrl, '{"streams": 1}')).status).toBe(400);
    expect((await postJson(otlpUrl, otlpBody(1000))).status).toBe(200);
    expect(await metricValue(registry, 'collector_in_flight_bytes', {})).toBe(0);
    expect(await metricValue(registry, 'collector_in_flight_limit_bytes', {})).toBe(100_000);
  });
});
