import { Registry } from 'prom-client';
import { createLogger } from '../runtime/logger';
import type { LogsData, MetricsData, TracesData } from '../protocols/otlp/types';
import { createFilterProcessor, filterConfig } from './filter';
import { gauges, logRecords, recording, spans } from '../testing/otlp-data';
import { required } from '@obs/schema/testing';

const ctx = () => ({ id: 'sources.otlp', logger: createLogger({ level: 'silent' }), registry: new Registry() });

async function spanNames(config: unknown, data: TracesData): Promise<string[]> {
  const out = recording<TracesData>();
  await createFilterProcessor(filterConfig.parse(config), ctx())
    .wrap('traces', out)
    .consume(data, AbortSignal.timeout(1000));
  return out.batches[0].resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => s.name)));
}

describe('filter processor', () => {
  test('drops health-check spans by name when a spans entry matches the whole name', async () => {
    expect(
      await spanNames(
        { spans: [{ name: 'GET /(healthz|readyz)' }] },
        spans(['GET /healthz'], ['GET /readyz'], ['GET /healthz/deep'], ['POST /cart']),
      ),
    ).toEqual(['GET /healthz/deep', 'POST /cart']);
  });

  test('drops spans only when every key of one entry matches', async () => {
    const config = { spans: [{ attributes: { 'http.target': '/ping' }, status: 'ok', kind: 'server' }] };
    expect(
      await spanNames(
        config,
        spans(
          ['a', { 'http.target': '/ping' }, 1],
          ['b', { 'http.target': '/ping' }, 2],
          ['c', { 'http.target': '/x' }, 1],
        ),
      ),
    ).toEqual(['b', 'c']);
  });

  test('matches attribute values by regex and resource attributes by equality when both are set', async () => {
    const config = {
      spans: [{ attributes_regex: { 'user.agent': 'kube-probe/.*' }, resource_attributes: { 'service.name': 'api' } }],
    };
    expect(
      await spanNames(config, spans(['a', { 'user.agent': 'kube-probe/1.29' }], ['b', { 'user.agent': 'curl/8' }])),
    ).toEqual(['b']);
  });

  test('removes scopes and resources left empty and counts the dropped spans when all spans match', async () => {
    const c = ctx();
    const out = recording<TracesData>();
    await createFilterProcessor(filterConfig.parse({ spans: [{ name: '.*' }] }), c)
      .wrap('traces', out)
      .consume(spans(['a'], ['b']), AbortSignal.timeout(1000));
    expect(out.batches[0].resourceSpans).toEqual([]);
    const metric = await required(
      c.registry.getSingleMetric('collector_processor_dropped_items_total'),
      'the dropped items metric',
    ).get();
    expect(metric.values).toEqual([
      { labels: { source: 'sources.otlp', signal: 'traces', reason: 'filter' }, value: 2 },
    ]);
  });

  test('drops log records below a severity and by body when two logs entries are given', async () => {
    const out = recording<LogsData>();
    const processor = createFilterProcessor(
      filterConfig.parse({ logs: [{ severity_below: 'info' }, { body: 'GET /healthz' }] }),
      ctx(),
    );
    await processor
      .wrap('logs', out)
      .consume(
        logRecords(
          ['debug detail', 5],
          ['unset severity', 0],
          ['served GET /healthz 200', 9],
          ['order placed', 9],
          ['db down', 17],
        ),
        AbortSignal.timeout(1000),
      );
    expect(out.batches[0].resourceLogs[0].scopeLogs[0].logRecords.map((r) => r.body)).toEqual([
      'order placed',
      'db down',
    ]);
  });

  test('drops whole metrics by name and single data points by attribute when both lists are set', async () => {
    const out = recording<MetricsData>();
    const processor = createFilterProcessor(
      filterConfig.parse({
        metrics: [{ name: 'go_.*' }],
        datapoints: [{ metric_name: 'http_.*', attributes: { route: '/healthz' } }],
      }),
      ctx(),
    );
    await processor
      .wrap('metrics', out)
      .consume(
        gauges(
          ['go_gc', [{}]],
          ['http_requests', [{ route: '/healthz' }, { route: '/cart' }]],
          ['up', [{ route: '/healthz' }]],
        ),
        AbortSignal.timeout(1000),
      );
    const metrics = out.batches[0].resourceMetrics[0].scopeMetrics[0].metrics;
    expect(metrics.map((m) => [m.name, m.data.dataPoints.length])).toEqual([
      ['http_requests', 1],
      ['up', 1],
    ]);
  });

  test('passes everything when an entry has no keys', async () => {
    expect(await spanNames({ spans: [{}] }, spans(['a']))).toEqual(['a']);
  });

  test.each([
    ['a regex does not compile', { spans: [{ name: '(' }] }, 'invalid regex'],
    ['a status is unknown', { spans: [{ status: 'failed' }] }, 'Invalid option'],
    ['a key is unknown', { spans: [{ named: 'x' }] }, 'Unrecognized key'],
  ])('rejects the config when %s', (_name, config, message) => {
    const parsed = filterConfig.safeParse(config);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message).join('\n')).toContain(message);
  });
});
