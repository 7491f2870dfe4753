import { codecs } from './codec';
import { KeyValueList, type AnyValue, type LogsData, type MetricsData, type TracesData } from './types';
import { everyMetricTypeJson } from '../../testing/otlp-data';

const noAttributes = (): Map<string, AnyValue> => new Map();
const resource = { attributes: new Map([['service.name', 'api']]), droppedAttributesCount: 0 };
const scope = { name: 'manual', version: '1.0', attributes: noAttributes(), droppedAttributesCount: 0 };

const traces: TracesData = {
  resourceSpans: [
    {
      resource,
      schemaUrl: 'https://opentelemetry.io/schemas/1.21.0',
      scopeSpans: [
        {
          scope,
          schemaUrl: '',
          spans: [
            {
              traceId: '5b8efff798038103d269b633813fc60c',
              spanId: 'eee19b7ec3c1b174',
              traceState: 'k=v',
              parentSpanId: '0102030405060708',
              flags: 1,
              name: 'GET /orders',
              kind: 2,
              startTimeUnixNano: 1544712660000000000n,
              endTimeUnixNano: 18446744073709551615n,
              attributes: new Map<string, AnyValue>([
                ['s', 'v'],
                ['neg', -9007199254740993n],
                ['nan', NaN],
                ['inf', -Infinity],
                ['bytes', Buffer.from([1, 2, 3])],
                ['arr', ['a', 1n, true]],
                ['kv', new KeyValueList(new Map([['in', false]]))],
                ['empty', null],
              ]),
              droppedAttributesCount: 2,
              events: [{ timeUnixNano: 3n, name: 'retry', attributes: noAttributes(), droppedAttributesCount: 0 }],
              droppedEventsCount: 0,
              links: [
                {
                  traceId: '0102030405060708090a0b0c0d0e0f11',
                  spanId: '0102030405060709',
                  traceState: '',
                  attributes: noAttributes(),
                  droppedAttributesCount: 0,
                  flags: 0,
                },
              ],
              droppedLinksCount: 0,
              status: { code: 2, message: 'boom' },
            },
          ],
        },
      ],
    },
  ],
};

// Decoded from OTLP/JSON so every metric type has the shape the decoder gives (defaults included).
const metrics: MetricsData = codecs.metrics.decodeJson(JSON.stringify(everyMetricTypeJson));

describe('OTLP/JSON encoding', () => {
  test('gives back the same spans with every attribute type when traces are encoded and decoded', () => {
    expect(codecs.traces.decodeJson(codecs.traces.encodeJson(traces))).toEqual(traces);
  });

  test('writes ids as hex, 64-bit ints as strings and enums as integers when traces are encoded', () => {
    const span = JSON.parse(codecs.traces.encodeJson(traces)).resourceSpans[0].scopeSpans[0].spans[0];
    expect(span).toMatchObject({
      traceId: '5b8efff798038103d269b633813fc60c',
      spanId: 'eee19b7ec3c1b174',
      parentSpanId: '0102030405060708',
      kind: 2,
      startTimeUnixNano: '1544712660000000000',
      endTimeUnixNano: '18446744073709551615',
      status: { code: 2, message: 'boom' },
    });
    expect(span.links[0]).toMatchObject({ traceId: '0102030405060708090a0b0c0d0e0f11', spanId: '0102030405060709' });
    expect(span.attributes).toContainEqual({ key: 'bytes', value: { bytesValue: 'AQID' } });
    expect(span.attributes).toContainEqual({ key: 'nan', value: { doubleValue: 'NaN' } });
  });

  test('gives back the same points for every metric type when metrics are encoded and decoded', () => {
    expect(codecs.metrics.count(metrics)).toBe(6);
    const text = codecs.metrics.encodeJson(metrics);
    expect(text).not.toContain('\n');
    expect(codecs.metrics.decodeJson(text)).toEqual(metrics);
    expect(
      JSON.parse(text).resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[0].exemplars[0].traceId,
    ).toBe('0102030405060708090a0b0c0d0e0f10');
  });

  test('gives back the same log records when logs are encoded and decoded', () => {
    const logs: LogsData = codecs.logs.decodeJson(
      JSON.stringify({
        resourceLogs: [
          {
            scopeLogs: [
              {
                logRecords: [
                  {
                    observedTimeUnixNano: '1700000000000000001',
                    severityNumber: 13,
                    body: { stringValue: 'slow' },
                    traceId: '0102030405060708090a0b0c0d0e0f10',
                    spanId: '0102030405060708',
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    expect(codecs.logs.decodeJson(codecs.logs.encodeJson(logs))).toEqual(logs);
  });
});
