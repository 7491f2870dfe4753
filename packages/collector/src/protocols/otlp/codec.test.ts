import { codecs } from './codec';
import { KeyValueList, type MetricsData } from './types';
import { OtlpWireError } from './wire-error';
import { everyMetricTypeJson } from '../../testing/otlp-data';

describe('OTLP codecs', () => {
  test('decodes every metric type with 64-bit ints given as strings or numbers when the body is OTLP/JSON', () => {
    const data = codecs.metrics.decodeJson(JSON.stringify(everyMetricTypeJson));
    const [up, reqs, lat, exp, q] = data.resourceMetrics[0].scopeMetrics[0].metrics;
    expect(up.data).toEqual({
      type: 'gauge',
      dataPoints: [
        {
          attributes: new Map([['a', true]]),
          startTimeUnixNano: 0n,
          timeUnixNano: 10n,
          value: 1n,
          exemplars: [
            {
              filteredAttributes: new Map(),
              timeUnixNano: 0n,
              value: 0.3,
              spanId: '0102030405060708',
              traceId: '0102030405060708090a0b0c0d0e0f10',
            },
          ],
          flags: 0,
        },
      ],
    });
    expect(reqs.data).toMatchObject({
      type: 'sum',
      isMonotonic: true,
      aggregationTemporality: 2,
      dataPoints: [
        { value: 2.5, startTimeUnixNano: 1n },
        { value: Infinity, timeUnixNano: 20n },
      ],
    });
    expect(lat.data).toMatchObject({
      type: 'histogram',
      dataPoints: [{ count: 3n, sum: 1.5, bucketCounts: [1n, 2n], explicitBounds: [0.5], min: 0.1, max: 0.9 }],
    });
    expect(exp.data).toMatchObject({
      type: 'exponentialHistogram',
      dataPoints: [
        {
          count: 4n,
          scale: 2,
          zeroCount: 1n,
          positive: { offset: -1, bucketCounts: [3n] },
          negative: { offset: 0, bucketCounts: [] },
        },
      ],
    });
    expect(q.data).toMatchObject({
      type: 'summary',
      dataPoints: [{ count: 2n, sum: 3, quantileValues: [{ quantile: 0.5, value: 1 }] }],
    });
    expect(codecs.metrics.count(data)).toBe(6);
  });

  test('gives back the same data when metrics go through protobuf and back', () => {
    const data = codecs.metrics.decodeJson(JSON.stringify(everyMetricTypeJson));
    expect(codecs.metrics.decodeProtobuf(codecs.metrics.encodeProtobuf(data))).toEqual(data);
  });

  test('keeps every attribute value type when spans go through protobuf and back', () => {
    const data = codecs.traces.decodeJson(
      JSON.stringify({
        resourceSpans: [
          {
            scopeSpans: [
              {
                spans: [
                  {
                    traceId: '0102030405060708090a0b0c0d0e0f10',
                    spanId: '0102030405060708',
                    name: 'x',
                    endTimeUnixNano: '18446744073709551615',
                    attributes: [
                      { key: 's', value: { stringValue: 'v' } },
                      { key: 'neg', value: { intValue: '-9007199254740993' } },
                      { key: 'd', value: { doubleValue: 'NaN' } },
                      { key: 'b', value: { bytesValue: 'AQID' } },
                      { key: 'arr', value: { arrayValue: { values: [{ stringValue: 'a' }, { intValue: 1 }] } } },
                      { key: 'kv', value: { kvlistValue: { values: [{ key: 'in', value: { boolValue: false } }] } } },
                      { key: 'empty', value: {} },
                    ],
                    events: [{ name: 'e', timeUnixNano: '3' }],
                    links: [{ traceId: '0102030405060708090a0b0c0d0e0f11', spanId: '0102030405060709' }],
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    const span = data.resourceSpans[0].scopeSpans[0].spans[0];
    expect(span.endTimeUnixNano).toBe(18446744073709551615n);
    expect(span.attributes.get('neg')).toBe(-9007199254740993n);
    expect(span.attributes.get('d')).toBeNaN();
    expect(span.attributes.get('b')).toEqual(Buffer.from([1, 2, 3]));
    expect(span.attributes.get('arr')).toEqual(['a', 1n]);
    expect(span.attributes.get('kv')).toEqual(new KeyValueList(new Map([['in', false]])));
    expect(span.attributes.get('empty')).toBeNull();
    expect(codecs.traces.decodeProtobuf(codecs.traces.encodeProtobuf(data))).toEqual(data);
  });

  test.each([
    [
      'a trace id of the wrong length',
      { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 'abc' }] }] }] },
      'resourceSpans[0].scopeSpans[0].spans[0].traceId: expected 32 hex characters, got "abc"',
    ],
    [
      'a list that is an object',
      { resourceSpans: [{ scopeSpans: { spans: [] } }] },
      'resourceSpans[0].scopeSpans: expected an array, got object',
    ],
    [
      'a 64-bit int that is not a number',
      { resourceSpans: [{ scopeSpans: [{ spans: [{ startTimeUnixNano: '12x' }] }] }] },
      'resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano: expected an unsigned 64-bit integer, got "12x"',
    ],
    [
      'an enum given by name',
      { resourceSpans: [{ scopeSpans: [{ spans: [{ kind: 'SPAN_KIND_SERVER' }] }] }] },
      'resourceSpans[0].scopeSpans[0].spans[0].kind: expected an integer, got "SPAN_KIND_SERVER"',
    ],
    [
      'an attribute value of the wrong type',
      { resourceSpans: [{ resource: { attributes: [{ key: 'k', value: { stringValue: 5 } }] } }] },
      'resourceSpans[0].resource.attributes[0].value.stringValue: expected a string, got number',
    ],
    [
      'a span that is null',
      { resourceSpans: [{ scopeSpans: [{ spans: [null] }] }] },
      'resourceSpans[0].scopeSpans[0].spans[0]: expected an object, got null',
    ],
  ])('names the field when OTLP/JSON has %s', (_what, body, message) => {
    expect(() => codecs.traces.decodeJson(JSON.stringify(body))).toThrow(OtlpWireError);
    expect(() => codecs.traces.decodeJson(JSON.stringify(body))).toThrow(message);
  });

  test('encodes partial success in both response forms when some items were rejected', () => {
    const partial = { rejected: 3, errorMessage: 'no target' };
    expect(JSON.parse(codecs.logs.encodeResponseJson(partial))).toEqual({
      partialSuccess: { rejectedLogRecords: '3', errorMessage: 'no target' },
    });
    expect(codecs.logs.decodeResponseProtobuf(codecs.logs.encodeResponseProtobuf(partial))).toEqual(partial);
    expect(codecs.metrics.decodeResponseProtobuf(codecs.metrics.encodeResponseProtobuf(undefined))).toBeUndefined();
  });

  test('returns empty data when the request has no resources', () => {
    const empty: MetricsData = { resourceMetrics: [] };
    expect(codecs.metrics.decodeJson('{}')).toEqual(empty);
    expect(codecs.metrics.decodeProtobuf(new Uint8Array(0))).toEqual(empty);
  });
});
