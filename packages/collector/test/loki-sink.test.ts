import * as fs from 'node:fs';
import type { Sink } from '../src/component';
import { createEntry, type LogEntry } from '../src/entry';
import { QueueFullError } from '../src/errors';
import { lokiSinkDefinition } from '../src/sinks/loki/sink';
import { LokiPushReceiver } from '../src/testing/loki-push-receiver';
import { waitFor } from '@obs/schema/testing';
import { createTestContext, metricValue } from './support/sink-context';

const signal = () => new AbortController().signal;
const entries = (prefix: string, n: number, labels: Record<string, string> = { job: 'test' }): LogEntry[] =>
  Array.from({ length: n }, (_, i) =>
    createEntry(`${prefix}-${i}`, labels, BigInt(1_700_000_000_000_000_000n) + BigInt(i)),
  );

describe('loki sink', () => {
  const receivers: LokiPushReceiver[] = [];
  const sinks: Sink[] = [];
  const dirs: string[] = [];
  const receiver = async () => {
    const r = await LokiPushReceiver.start();
    receivers.push(r);
    return r;
  };
  const sink = async (yaml: Record<string, unknown>, ctx = createTestContext('sinks.loki')) => {
    dirs.push(ctx.dataDir);
    const s = lokiSinkDefinition.create(
      lokiSinkDefinition.config.parse({
        batch_wait_ms: 20,
        retry: { min_backoff_ms: 10, max_backoff_ms: 50 },
        ...yaml,
      }),
      ctx,
    );
    sinks.push(s);
    await s.start();
    return { sink: s, ctx };
  };
  afterEach(async () => {
    for (const s of sinks.splice(0)) await s.shutdown(AbortSignal.timeout(2000));
    for (const r of receivers.splice(0)) await r.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  test('pushes snappy protobuf with tenant, basic auth and extra headers when configured', async () => {
    const r = await receiver();
    const { sink: s } = await sink({
      url: r.url,
      tenant_id: 'team-a',
      basic_auth: { username: '12345', password: 'glc_secret' },
      headers: { 'X-Extra': 'yes' },
      external_labels: { cluster: 'dev' },
    });
    await s.consume({ entries: entries('line', 3) }, signal());
    await r.waitForEntries(3);
    expect(r.lines()).toEqual(['line-0', 'line-1', 'line-2']);
    expect(r.entries[0].labels).toEqual({ cluster: 'dev', job: 'test' });
    const headers = r.requests[0].headers;
    expect(headers['content-type']).toBe('application/x-protobuf');
    expect(headers['x-scope-orgid']).toBe('team-a');
    expect(headers['x-extra']).toBe('yes');
    expect(headers['authorization']).toBe(`Basic ${Buffer.from('12345:glc_secret').toString('base64')}`);
  });

  test('retries 500 and 429 with Retry-After and delivers every entry when the backend recovers', async () => {
    const r = await receiver();
    r.fail({ status: 500, times: 2 });
    r.fail({ status: 429, times: 1, retryAfter: '1' });
    const { sink: s, ctx } = await sink({ url: r.url });
    await s.consume({ entries: entries('x', 5) }, signal());
    await r.waitForEntries(5);
    expect(r.lines()).toEqual(['x-0', 'x-1', 'x-2', 'x-3', 'x-4']);
    expect(r.requests.map((q) => q.status)).toEqual([500, 500, 429, 204]);
    await s.shutdown(AbortSignal.timeout(2000));
    expect(await metricValue(ctx.registry, 'collector_sink_retries_total', { sink: 'sinks.loki' })).toBe(3);
    expect(await metricValue(ctx.registry, 'collector_sink_sent_entries_total', { sink: 'sinks.loki' })).toBe(5);
  });

  test('drops and counts a batch with its status when Loki answers 400', async () => {
    const r = await receiver();
    r.fail({ status: 400, times: 1, body: 'entry too far behind' });
    const { sink: s, ctx } = await sink({ url: r.url });
    await s.consume({ entries: entries('bad', 2) }, signal());
    await waitFor(() => r.requests.length === 1, 'the 400 answer');
    await s.consume({ entries: entries('good', 1) }, signal());
    await r.waitForEntries(1);
    expect(r.requests.map((q) => q.status)).toEqual([400, 204]);
    expect(
      await metricValue(ctx.registry, 'collector_sink_dropped_entries_total', {
        sink: 'sinks.loki',
        reason: 'http_400',
      }),
    ).toBe(2);
  });

  test('rejects with QueueFullError when the queue is full and overflow is block', async () => {
    const r = await receiver();
    r.fail({ status: 503, times: 1000 });
    const { sink: s } = await sink({
      url: r.url,
      queue: { capacity_bytes: 100, overflow: 'block' },
      batch_size_bytes: 10,
    });
    await s.consume({ entries: entries('a'.repeat(80), 1) }, signal());
    await expect(s.consume({ entries: entries('b'.repeat(80), 1) }, signal())).rejects.toBeInstanceOf(QueueFullError);
  });

  test('sends at once without waiting for batch_wait_ms when a push was refused for room', async () => {
    const r = await receiver();
    const { sink: s } = await sink({
      url: r.url,
      queue: { capacity_bytes: 300, overflow: 'block' },
      batch_size_bytes: 1 << 20,
      batch_wait_ms: 60_000,
    });
    await s.consume({ entries: entries('a'.repeat(200), 1) }, signal());
    const refused = await s.consume({ entries: entries('b'.repeat(200), 1) }, signal()).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(QueueFullError);
    await (refused as QueueFullError).room; // resolves on the ack of the first batch, long before 60 s
    await r.waitForEntries(1);
    await s.consume({ entries: entries('b'.repeat(200), 1) }, signal());
  });

  test.each([1, 3])(
    'keeps at most parallel_requests=%i pushes in flight and delivers everything when the backend is slow',
    async (parallel) => {
      const r = await receiver();
      const release = r.hold();
      const { sink: s } = await sink({
        url: r.url,
        parallel_requests: parallel,
        batch_size_bytes: 100,
        batch_wait_ms: 10,
      });
      for (let i = 0; i < 5; i++) await s.consume({ entries: entries(`b${i}-${'x'.repeat(120)}`, 1) }, signal());
      await waitFor(() => r.inFlight === parallel, `${parallel} pushes in flight`);
      release();
      await r.waitForEntries(5);
      expect(r.maxInFlight).toBe(parallel);
      expect(new Set(r.lines())).toEqual(new Set(Array.from({ length: 5 }, (_, i) => `b${i}-${'x'.repeat(120)}-0`)));
    },
  );

  test('counts dropped entries with reason queue_full when the queue is full and overflow is drop', async () => {
    const r = await receiver();
    r.fail({ status: 503, times: 1000 });
    const { sink: s, ctx } = await sink({ url: r.url, queue: { capacity_bytes: 100, overflow: 'drop' } });
    await s.consume({ entries: entries('a'.repeat(80), 1) }, signal());
    await expect(s.consume({ entries: entries('b'.repeat(80), 2) }, signal())).resolves.toBeUndefined();
    expect(
      await metricValue(ctx.registry, 'collector_sink_dropped_entries_total', {
        sink: 'sinks.loki',
        reason: 'queue_full',
      }),
    ).toBe(2);
  });

  test('keeps undelivered entries on disk and sends them after a restart when the backend was down', async () => {
    const down = await receiver();
    down.fail({ status: 503, times: 1_000_000 });
    const first = await sink({ url: down.url, queue: { type: 'disk' } });
    await first.sink.consume({ entries: entries('kept', 4) }, signal());
    await first.sink.shutdown(AbortSignal.timeout(100));
    const up = await receiver();
    await sink({ url: up.url, queue: { type: 'disk' } }, createTestContext('sinks.loki', first.ctx.dataDir));
    await up.waitForEntries(4);
    expect(up.lines()).toEqual(['kept-0', 'kept-1', 'kept-2', 'kept-3']);
  });

  test('counts entries left in a memory queue as dropped with reason shutdown when the drain deadline passes', async () => {
    const down = await receiver();
    down.fail({ status: 503, times: 1_000_000 });
    const { sink: s, ctx } = await sink({ url: down.url });
    await s.consume({ entries: entries('lost', 3) }, signal());
    await s.shutdown(AbortSignal.timeout(50));
    expect(
      await metricValue(ctx.registry, 'collector_sink_dropped_entries_total', {
        sink: 'sinks.loki',
        reason: 'shutdown',
      }),
    ).toBe(3);
  });

  test('keeps delivering to a healthy sink when another sink backend is down', async () => {
    const down = await receiver();
    down.fail({ status: 503, times: 1_000_000 });
    const up = await receiver();
    const slow = await sink({ url: down.url });
    const fast = await sink({ url: up.url });
    const batch = entries('fan', 3);
    await slow.sink.consume({ entries: batch }, signal());
    await fast.sink.consume({ entries: batch }, signal());
    await up.waitForEntries(3);
    expect(down.entryCount).toBe(0);
  });

  test('sends everything queued when shut down gracefully with time to spare', async () => {
    const r = await receiver();
    const { sink: s } = await sink({ url: r.url, batch_wait_ms: 60_000 });
    await s.consume({ entries: entries('drain', 10) }, signal());
    await s.shutdown(AbortSignal.timeout(5000));
    expect(r.entryCount).toBe(10);
  });
});
