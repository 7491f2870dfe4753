import { Registry } from 'prom-client';
import { startFakeSorter, type FakeSorter } from '@obs/sorter-client/testing';
import type { Consumer } from '../consumer';
import { StatusCode, type LogRecord, type LogsData, type Span, type TracesData } from '../protocols/otlp/types';
import { classifiersOf, classifyProcessorConfig, classifyProcessorDefinition } from './classify';
import type { Processor } from './processor';
import { required } from '@obs/schema/testing';

const silentLogger = { debug() {}, info() {}, warn() {}, error() {} };
const scope = { name: 'test', version: '', attributes: new Map(), droppedAttributesCount: 0 };
const resource = { attributes: new Map([['service.name', 'checkout']]), droppedAttributesCount: 0 };

function span(name: string, status: number, message = '', events: Span['events'] = []): Span {
  return {
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: 'b7ad6b7169203331',
    traceState: '',
    parentSpanId: '',
    flags: 0,
    name,
    kind: 2,
    startTimeUnixNano: 1n,
    endTimeUnixNano: 2n,
    attributes: new Map([['http.route', '/pay']]),
    droppedAttributesCount: 0,
    events,
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    status: { code: status, message },
  };
}

function record(body: string, severityNumber = 0, severityText = ''): LogRecord {
  return {
    timeUnixNano: 1n,
    observedTimeUnixNano: 1n,
    severityNumber,
    severityText,
    body,
    attributes: new Map(),
    droppedAttributesCount: 0,
    flags: 0,
    traceId: '',
    spanId: '',
    eventName: '',
  };
}

const traces = (...spans: Span[]): TracesData => ({
  resourceSpans: [{ resource, schemaUrl: '', scopeSpans: [{ scope, schemaUrl: '', spans }] }],
});
const logs = (...logRecords: LogRecord[]): LogsData => ({
  resourceLogs: [{ resource, schemaUrl: '', scopeLogs: [{ scope, schemaUrl: '', logRecords }] }],
});

function capture<T>(): Consumer<T> & { received: T[] } {
  const received: T[] = [];
  return { received, consume: async (data) => void received.push(data) };
}

describe('classify processor', () => {
  let processor: Processor | undefined;
  let sorter: FakeSorter | undefined;

  afterEach(async () => {
    await processor?.shutdown(AbortSignal.timeout(1000));
    await sorter?.close();
    processor = undefined;
    sorter = undefined;
  });

  function build(config: Record<string, unknown> = {}): Processor {
    processor = classifyProcessorDefinition.create(classifyProcessorConfig.parse(config), {
      id: 'sources.otlp/0/classify',
      logger: silentLogger,
      registry: new Registry(),
    });
    return processor;
  }

  test('annotates error spans with severity, category, forward_to, decided_by and template and leaves other spans alone', async () => {
    const next = capture<TracesData>();
    const consumer = build().wrap('traces', next);
    const failed = span('POST /pay', StatusCode.error, 'upstream timed out', [
      {
        timeUnixNano: 1n,
        name: 'exception',
        attributes: new Map([
          ['exception.type', 'TimeoutError'],
          ['exception.message', 'db query timeout after 30s'],
        ]),
        droppedAttributesCount: 0,
      },
    ]);
    const fine = span('GET /health', StatusCode.ok);
    await consumer.consume(traces(failed, fine), AbortSignal.timeout(1000));
    expect(next.received).toHaveLength(1);
    expect(Object.fromEntries(failed.attributes)).toMatchObject({
      'http.route': '/pay',
      severity: 'error',
      decided_by: 'rules',
      forward_to: expect.any(String),
      category: expect.any(String),
      template: expect.stringContaining('POST'),
    });
    expect([...fine.attributes.keys()]).toEqual(['http.route']);
  });

  test('classifies every span when spans is all', async () => {
    const consumer = build({ spans: 'all' }).wrap('traces', capture<TracesData>());
    const fine = span('GET /health', StatusCode.unset);
    await consumer.consume(traces(fine), AbortSignal.timeout(1000));
    expect(fine.attributes.get('decided_by')).toBe('rules');
  });

  test('fills in a missing log severity and keeps a stated one when classifying log records', async () => {
    const consumer = build().wrap('logs', capture<LogsData>());
    const unstated = record('FATAL: out of memory, killing worker 3');
    const stated = record('cache warmed in 20ms', 9, 'INFO');
    await consumer.consume(logs(unstated, stated), AbortSignal.timeout(1000));
    expect([unstated.severityNumber, unstated.severityText]).toEqual([21, 'FATAL']);
    expect(unstated.attributes.get('severity')).toBe('critical');
    expect([stated.severityNumber, stated.severityText]).toEqual([9, 'INFO']);
    expect(stated.attributes.get('severity')).toBe('info');
  });

  test('passes other signals straight to next when there is nothing to classify', () => {
    const next = capture<never>();
    expect(build({ logs: false }).wrap('metrics', next)).toBe(next);
    expect(required(processor, 'the processor built above').wrap('logs', next)).toBe(next);
  });

  test('decides later error spans of a template from the sorter answer when the sorter answered the first', async () => {
    sorter = await startFakeSorter();
    sorter.setMode({
      kind: 'answer',
      override: { severity: 'critical', category: 'availability', forward_to: 'alerting' },
    });
    const consumer = build({ url: sorter.url, max_wait_ms: 1 }).wrap('traces', capture<TracesData>());
    const first = span('POST /pay', StatusCode.error, 'payment provider 503 for order 1');
    await consumer.consume(traces(first), AbortSignal.timeout(1000));
    await required(
      classifiersOf(required(processor, 'the processor built above')),
      "the classify processor's classifiers",
    ).spans.settled();
    const second = span('POST /pay', StatusCode.error, 'payment provider 503 for order 2');
    await consumer.consume(traces(second), AbortSignal.timeout(1000));
    expect(first.attributes.get('decided_by')).toBe('rules');
    expect(Object.fromEntries(second.attributes)).toMatchObject({
      severity: 'critical',
      category: 'availability',
      forward_to: 'alerting',
      decided_by: 'cache',
    });
    expect(sorter.requests.flat()[0]).toMatchObject({ type: 'span' });
  });
});
