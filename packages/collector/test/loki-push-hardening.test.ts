import * as snappy from 'snappyjs';
import { createLokiPushSource, lokiPushSourceConfig, type LokiPushSource } from '../src/sources/loki-push';
import { pushRequestType } from '../src/protocols/loki/push-proto';
import { createMemoryConsumer, type MemoryConsumer } from '../src/testing/memory-consumer';
import { createTestContext, metricValue } from './support/sink-context';

describe('loki push source: what a client may not choose', () => {
  let source: LokiPushSource | undefined;
  let sink: MemoryConsumer;
  afterEach(async () => {
    await source?.shutdown(AbortSignal.timeout(1000));
    source = undefined;
  });
  const start = async (yaml: Record<string, unknown> = {}): Promise<string> => {
    sink = createMemoryConsumer();
    source = createLokiPushSource(lokiPushSourceConfig.parse({ listen_port: 0, ...yaml }), {
      ...createTestContext('sources.push'),
      next: sink,
    });
    await source.start();
    return `http://127.0.0.1:${source.port}/loki/api/v1/push`;
  };
  const pushJson = (url: string, body: string, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });
  const stream = (labels: string): string => `{"streams":[{"stream":${labels},"values":[["1","x"]]}]}`;
  const pushProto = (url: string, labels: string, metadata: { name: string; value: string }[] = []) => {
    const raw = pushRequestType
      .encode(
        pushRequestType.fromObject({
          streams: [
            { labels, entries: [{ timestamp: { seconds: 1, nanos: 0 }, line: 'x', structuredMetadata: metadata }] },
          ],
        }),
      )
      .finish();
    return fetch(url, {
      method: 'POST',
      body: snappy.compress(raw),
      headers: { 'Content-Type': 'application/x-protobuf' },
    });
  };

  test('refuses a pushed __tenant_id__ label with 400 by default, so a client cannot pick the Loki tenant', async () => {
    const url = await start();
    const res = await pushJson(url, stream('{"job":"a","__tenant_id__":"team-b"}'));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(
      'streams[0] label __tenant_id__: this source does not let a push choose the Loki tenant (tenant_from_push: true allows it)',
    );
    expect(sink.entries).toHaveLength(0);
  });

  test('ignores the X-Scope-OrgID header by default', async () => {
    const url = await start();
    expect((await pushJson(url, stream('{"job":"a"}'), { 'X-Scope-OrgID': 'team-b' })).status).toBe(204);
    expect(sink.entries[0].labels).toEqual({ job: 'a' });
  });

  test('takes the pushed label, else the X-Scope-OrgID header, as the tenant when tenant_from_push is on', async () => {
    const url = await start({ tenant_from_push: true });
    expect(
      (await pushJson(url, stream('{"job":"a","__tenant_id__":"team-b"}'), { 'X-Scope-OrgID': 'team-c' })).status,
    ).toBe(204);
    expect((await pushJson(url, stream('{"job":"a"}'), { 'X-Scope-OrgID': 'team-c' })).status).toBe(204);
    expect(sink.entries.map((e) => e.labels.__tenant_id__)).toEqual(['team-b', 'team-c']);
  });

  test.each([
    ['..', '..'],
    ['../../etc', '../../etc'],
    ['.', '.'],
    ['151 characters', 'a'.repeat(151)],
    ['a space', 'team b'],
  ])('answers 400 for the invalid tenant %s, from a label or the header', async (_what, tenant) => {
    const url = await start({ tenant_from_push: true });
    const fromLabel = await pushJson(url, stream(JSON.stringify({ __tenant_id__: tenant })));
    expect(fromLabel.status).toBe(400);
    expect(await fromLabel.text()).toContain('streams[0] label __tenant_id__: tenant id');
    const fromHeader = await pushJson(url, stream('{}'), { 'X-Scope-OrgID': tenant });
    expect(fromHeader.status).toBe(400);
    expect(await fromHeader.text()).toContain('streams[0] X-Scope-OrgID header: tenant id');
    expect(sink.entries).toHaveLength(0);
  });

  test.each([
    [
      'a label named __proto__',
      stream('{"job":"a","__proto__":"x"}'),
      'streams[0].stream.__proto__: the name __proto__ is not accepted',
    ],
    [
      'structured metadata named __proto__',
      '{"streams":[{"stream":{},"values":[["1","x",{"__proto__":"y"}]]}]}',
      'streams[0].values[0][2].__proto__: the name __proto__ is not accepted',
    ],
    [
      'a label name with a dash',
      stream('{"a-b":"x"}'),
      'streams[0].stream["a-b"]: invalid label name "a-b": Loki takes [a-zA-Z_][a-zA-Z0-9_]*',
    ],
    ['an empty label name', stream('{"":"x"}'), 'streams[0].stream[""]: invalid label name ""'],
    ['a label name starting with a digit', stream('{"1a":"x"}'), 'streams[0].stream["1a"]: invalid label name "1a"'],
  ])('answers 400 naming the field for %s in a JSON push, never dropping it', async (_what, body, message) => {
    const url = await start();
    const res = await pushJson(url, body);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(message);
    expect(sink.entries).toHaveLength(0);
  });

  test('answers 500 without the cause in the body when the next step fails unexpectedly (it may name server paths)', async () => {
    source = createLokiPushSource(lokiPushSourceConfig.parse({ listen_port: 0 }), {
      ...createTestContext('sources.push'),
      next: {
        consume: async () => {
          throw new Error("EISDIR: illegal operation on a directory, open '/srv/collector/out'");
        },
      },
    });
    await source.start();
    const res = await pushJson(`http://127.0.0.1:${source.port}/loki/api/v1/push`, stream('{"job":"a"}'));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('/srv');
    expect(text).toContain('internal error');
  });

  test('does not count GET /ready in collector_push_requests_total (probes are not pushes)', async () => {
    const ctx = createTestContext('sources.push');
    source = createLokiPushSource(lokiPushSourceConfig.parse({ listen_port: 0 }), {
      ...ctx,
      next: createMemoryConsumer(),
    });
    await source.start();
    for (let i = 0; i < 3; i++) expect((await fetch(`http://127.0.0.1:${source.port}/ready`)).status).toBe(200);
    expect(
      await metricValue(ctx.registry, 'collector_push_requests_total', { source: 'sources.push', status: '200' }),
    ).toBe(0);
  });

  test('answers 400 for a label or structured metadata named __proto__ in a protobuf push', async () => {
    const url = await start();
    const label = await pushProto(url, '{job="a", __proto__="x"}');
    expect(label.status).toBe(400);
    expect(await label.text()).toContain('streams[0].labels: the label name __proto__ is not accepted');
    const meta = await pushProto(url, '{job="a"}', [{ name: '__proto__', value: 'x' }]);
    expect(meta.status).toBe(400);
    expect(await meta.text()).toContain(
      'streams[0].entries[0].structuredMetadata[0].name: the name __proto__ is not accepted',
    );
    expect(sink.entries).toHaveLength(0);
  });
});
