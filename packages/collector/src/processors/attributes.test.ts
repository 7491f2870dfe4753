import { createHash } from 'node:crypto';
import { attributesConfig, createAttributesProcessor } from './attributes';
import { gauges, recording, spans } from '../testing/otlp-data';
import type { MetricsData, TracesData } from '../protocols/otlp/types';

async function runOnSpan(config: unknown, attrs: Record<string, string>): Promise<Record<string, unknown>> {
  const out = recording<TracesData>();
  const processor = createAttributesProcessor(attributesConfig.parse(config));
  await processor.wrap('traces', out).consume(spans(['s', attrs]), AbortSignal.timeout(1000));
  return Object.fromEntries(out.batches[0].resourceSpans[0].scopeSpans[0].spans[0].attributes);
}

describe('attributes processor', () => {
  test.each([
    [
      'adds a missing attribute when the action is insert',
      { key: 'env', action: 'insert', value: 'prod' },
      { a: '1' },
      { a: '1', env: 'prod' },
    ],
    [
      'keeps an existing attribute when the action is insert',
      { key: 'a', action: 'insert', value: 'x' },
      { a: '1' },
      { a: '1' },
    ],
    [
      'changes only an existing attribute when the action is update',
      { key: 'a', action: 'update', value: 'x' },
      { a: '1' },
      { a: 'x' },
    ],
    ['adds nothing when update finds no attribute', { key: 'b', action: 'update', value: 'x' }, { a: '1' }, { a: '1' }],
    [
      'sets the value either way when the action is upsert',
      { key: 'b', action: 'upsert', from_attribute: 'a' },
      { a: '1' },
      { a: '1', b: '1' },
    ],
    ['removes the attribute when the action is delete', { key: 'a', action: 'delete' }, { a: '1', b: '2' }, { b: '2' }],
    [
      'replaces the value with its SHA-256 when the action is hash',
      { key: 'email', action: 'hash' },
      { email: 'a@b.c' },
      { email: createHash('sha256').update('a@b.c').digest('hex') },
    ],
    [
      'adds each named group when the action is extract',
      { key: 'url', action: 'extract', pattern: '^(?P<scheme>\\w+)://(?P<host>[^/]+)' },
      { url: 'https://shop.example/cart' },
      { url: 'https://shop.example/cart', scheme: 'https', host: 'shop.example' },
    ],
  ])('%s', async (_name, action, attrs, expected) => {
    expect(await runOnSpan({ actions: [action] }, attrs)).toEqual(expected);
  });

  test('changes resource attributes instead of span attributes when target is resource', async () => {
    const out = recording<TracesData>();
    const processor = createAttributesProcessor(
      attributesConfig.parse({
        target: 'resource',
        actions: [{ key: 'service', action: 'insert', from_attribute: 'service.name' }],
      }),
    );
    await processor.wrap('traces', out).consume(spans(['s', { a: '1' }]), AbortSignal.timeout(1000));
    const rs = out.batches[0].resourceSpans[0];
    expect(rs.resource.attributes.get('service')).toBe('api');
    expect(rs.scopeSpans[0].spans[0].attributes.has('service')).toBe(false);
  });

  test('changes every data point when the signal is metrics', async () => {
    const out = recording<MetricsData>();
    const processor = createAttributesProcessor(
      attributesConfig.parse({ actions: [{ key: 'pod', action: 'delete' }] }),
    );
    await processor
      .wrap('metrics', out)
      .consume(gauges(['up', [{ pod: 'a', x: '1' }, { pod: 'b' }]]), AbortSignal.timeout(1000));
    expect(
      out.batches[0].resourceMetrics[0].scopeMetrics[0].metrics[0].data.dataPoints.map((p) =>
        Object.fromEntries(p.attributes),
      ),
    ).toEqual([{ x: '1' }, {}]);
  });

  test.each([
    [
      'insert has neither value nor from_attribute',
      { actions: [{ key: 'a', action: 'insert' }] },
      'insert needs exactly one of value or from_attribute',
    ],
    [
      'extract has no pattern',
      { actions: [{ key: 'a', action: 'extract' }] },
      'extract needs a pattern with named groups',
    ],
    [
      'the extract pattern has no named group',
      { actions: [{ key: 'a', action: 'extract', pattern: '(a)' }] },
      'pattern has no named group',
    ],
    [
      'the extract pattern does not compile',
      { actions: [{ key: 'a', action: 'extract', pattern: '(?P<a>' }] },
      'invalid regex',
    ],
    ['an action is unknown', { actions: [{ key: 'a', action: 'rename' }] }, 'Invalid option'],
    ['a key is unknown', { actions: [{ key: 'a', action: 'delete', values: 1 }] }, 'Unrecognized key'],
  ])('rejects the config when %s', (_name, config, message) => {
    const parsed = attributesConfig.safeParse(config);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message).join('\n')).toContain(message);
  });
});
