import * as fs from 'node:fs';
import type { Sink } from '../src/component';
import { createEntry, type LogEntry } from '../src/entry';
import { lokiSinkDefinition } from '../src/sinks/loki/sink';
import { TENANT_LABEL } from '../src/protocols/loki/tenant';
import { LokiPushReceiver } from '../src/testing/loki-push-receiver';
import { waitFor } from '@obs/schema/testing';
import { createTestContext, metricValue } from './support/sink-context';

const signal = () => new AbortController().signal;
const entry = (line: string, tenant?: string): LogEntry =>
  createEntry(
    line,
    tenant === undefined ? { job: 'app' } : { job: 'app', [TENANT_LABEL]: tenant },
    1_700_000_000_000_000_000n,
  );
const received = (r: LokiPushReceiver) => r.entries.map((e) => ({ line: e.line, tenant: e.tenant, labels: e.labels }));

describe('loki sink per-entry tenant', () => {
  let receiver: LokiPushReceiver;
  const sinks: Sink[] = [];
  const dirs: string[] = [];
  const sink = async (yaml: Record<string, unknown>, ctx = createTestContext('sinks.loki')) => {
    dirs.push(ctx.dataDir);
    // A large batch_wait_ms: the test's entries leave in one batch, sent when shutdown drains the queue.
    const s = lokiSinkDefinition.create(
      lokiSinkDefinition.config.parse({
        url: receiver.url,
        batch_wait_ms: 60_000,
        retry: { min_backoff_ms: 5, max_backoff_ms: 20 },
        ...yaml,
      }),
      ctx,
    );
    sinks.push(s);
    await s.start();
    return { sink: s, ctx };
  };
  beforeEach(async () => {
    receiver = await LokiPushReceiver.start();
  });
  afterEach(async () => {
    for (const s of sinks.splice(0)) await s.shutdown(AbortSignal.timeout(2000));
    await receiver.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  test('sends one request per __tenant_id__ with it as X-Scope-OrgID and the sink tenant_id for the rest when a batch mixes tenants', async () => {
    const { sink: s } = await sink({ tenant_id: 'fallback' });
    await s.consume(
      { entries: [entry('a1', 'team-a'), entry('n1'), entry('b1', 'team-b'), entry('a2', 'team-a')] },
      signal(),
    );
    await s.shutdown(AbortSignal.timeout(2000));
    expect(receiver.requests.map((q) => [q.headers['x-scope-orgid'], q.entries])).toEqual([
      ['team-a', 2],
      ['fallback', 1],
      ['team-b', 1],
    ]);
    expect(received(receiver)).toEqual([
      { line: 'a1', tenant: 'team-a', labels: { job: 'app' } },
      { line: 'a2', tenant: 'team-a', labels: { job: 'app' } },
      { line: 'n1', tenant: 'fallback', labels: { job: 'app' } },
      { line: 'b1', tenant: 'team-b', labels: { job: 'app' } },
    ]);
  });

  test('sends entries without __tenant_id__ with no X-Scope-OrgID when the sink has no tenant_id', async () => {
    const { sink: s } = await sink({});
    await s.consume({ entries: [entry('plain'), entry('tenanted', 'team-a')] }, signal());
    await s.shutdown(AbortSignal.timeout(2000));
    expect(receiver.requests.map((q) => q.headers['x-scope-orgid'])).toEqual([undefined, 'team-a']);
    expect(received(receiver)).toEqual([
      { line: 'plain', tenant: undefined, labels: { job: 'app' } },
      { line: 'tenanted', tenant: 'team-a', labels: { job: 'app' } },
    ]);
  });

  test('keeps the tenant of entries read back from the disk queue after a restart', async () => {
    const down = await LokiPushReceiver.start();
    down.fail({ status: 503, times: 1_000_000 });
    const first = await sink({ url: down.url, queue: { type: 'disk' }, batch_wait_ms: 10 });
    await first.sink.consume({ entries: [entry('kept-a', 'team-a'), entry('kept-b', 'team-b')] }, signal());
    await waitFor(() => down.requests.length > 0, 'a refused push');
    await first.sink.shutdown(AbortSignal.timeout(50));
    await down.close();
    await sink({ queue: { type: 'disk' }, batch_wait_ms: 10 }, createTestContext('sinks.loki', first.ctx.dataDir));
    await receiver.waitForEntries(2);
    expect(received(receiver)).toEqual([
      { line: 'kept-a', tenant: 'team-a', labels: { job: 'app' } },
      { line: 'kept-b', tenant: 'team-b', labels: { job: 'app' } },
    ]);
  });

  test('delivers the other tenants and counts only the refused one as dropped when Loki rejects one tenant', async () => {
    receiver.fail({ status: 400, times: 1, body: 'tenant limits' });
    const { sink: s, ctx } = await sink({});
    await s.consume({ entries: [entry('r1', 'refused'), entry('r2', 'refused'), entry('ok', 'team-ok')] }, signal());
    await s.shutdown(AbortSignal.timeout(2000));
    expect(receiver.requests.map((q) => [q.status, q.headers['x-scope-orgid']])).toEqual([
      [400, 'refused'],
      [204, 'team-ok'],
    ]);
    expect(receiver.lines()).toEqual(['ok']);
    expect(
      await metricValue(ctx.registry, 'collector_sink_dropped_entries_total', {
        sink: 'sinks.loki',
        reason: 'http_400',
      }),
    ).toBe(2);
    expect(await metricValue(ctx.registry, 'collector_sink_sent_entries_total', { sink: 'sinks.loki' })).toBe(1);
  });

  test('retries only the failing tenant so no other tenant gets an entry twice when Loki answers 500 once', async () => {
    receiver.fail({ status: 500, times: 1 });
    const { sink: s } = await sink({});
    await s.consume({ entries: [entry('a', 'team-a'), entry('b', 'team-b')] }, signal());
    await s.shutdown(AbortSignal.timeout(2000));
    expect(receiver.requests.map((q) => [q.status, q.headers['x-scope-orgid']])).toEqual([
      [500, 'team-a'],
      [204, 'team-a'],
      [204, 'team-b'],
    ]);
    expect(receiver.lines()).toEqual(['a', 'b']);
  });

  test('drops entries with reason invalid_tenant and sends no request when __tenant_id__ is not a valid Loki tenant', async () => {
    const { sink: s, ctx } = await sink({});
    await s.consume({ entries: [entry('bad', 'has space\r\n'), entry('good', 'team-a')] }, signal());
    await s.shutdown(AbortSignal.timeout(2000));
    expect(receiver.requests.map((q) => q.headers['x-scope-orgid'])).toEqual(['team-a']);
    expect(receiver.lines()).toEqual(['good']);
    expect(
      await metricValue(ctx.registry, 'collector_sink_dropped_entries_total', {
        sink: 'sinks.loki',
        reason: 'invalid_tenant',
      }),
    ).toBe(1);
  });
});
