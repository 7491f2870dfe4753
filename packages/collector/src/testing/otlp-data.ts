// OTLP test data for processor and sink tests, built through the real OTLP/JSON decoder.
import { codecs } from '../protocols/otlp/codec';
import type { Consumer } from '../consumer';
import type { LogsData, MetricsData, TracesData } from '../protocols/otlp/types';

/** Spans from JSON: each `[name, attributes, statusCode]` becomes one span of service `api`. */
export function spans(...items: [name: string, attrs?: Record<string, string>, status?: number][]): TracesData {
  return codecs.traces.decodeJson(
    JSON.stringify({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'api' } }] },
          scopeSpans: [
            {
              spans: items.map(([name, attrs = {}, status = 0]) => ({
                name,
                kind: 2,
                status: { code: status },
                attributes: Object.entries(attrs).map(([key, value]) => ({ key, value: { stringValue: value } })),
              })),
            },
          ],
        },
      ],
    }),
  );
}

export function logRecords(...items: [body: string, severityNumber: number][]): LogsData {
  return codecs.logs.decodeJson(
    JSON.stringify({
      resourceLogs: [
        {
          scopeLogs: [
            { logRecords: items.map(([body, severityNumber]) => ({ body: { stringValue: body }, severityNumber })) },
          ],
        },
      ],
    }),
  );
}

export function gauges(...items: [name: string, points: Record<string, string>[]][]): MetricsData {
  return codecs.metrics.decodeJson(
    JSON.stringify({
      resourceMetrics: [
        {
          scopeMetrics: [
            {
              metrics: items.map(([name, points]) => ({
                name,
                gauge: {
                  dataPoints: points.map((attrs) => ({
                    asInt: '1',
                    attributes: Object.entries(attrs).map(([key, value]) => ({ key, value: { stringValue: value } })),
                  })),
                },
              })),
            },
          ],
        },
      ],
    }),
  );
}

/**
 * An OTLP/JSON metrics request with one metric of each type (gauge with an attribute and an exemplar, sum, histogram,
 * exponential histogram, summary), 64-bit ints given as strings and as numbers, and a double given as 'Infinity'.
 */
export const everyMetricTypeJson = {
  resourceMetrics: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'db' } }] },
      scopeMetrics: [
        {
          scope: { name: 'm', version: '1' },
          metrics: [
            {
              name: 'up',
              unit: '1',
              gauge: {
                dataPoints: [
                  {
                    asInt: '1',
                    timeUnixNano: '10',
                    attributes: [{ key: 'a', value: { boolValue: true } }],
                    exemplars: [
                      { asDouble: 0.3, spanId: '0102030405060708', traceId: '0102030405060708090a0b0c0d0e0f10' },
                    ],
                  },
                ],
              },
            },
            {
              name: 'reqs',
              sum: {
                aggregationTemporality: 2,
                isMonotonic: true,
                dataPoints: [
                  { asDouble: 2.5, startTimeUnixNano: 1, timeUnixNano: '10' },
                  { asDouble: 'Infinity', startTimeUnixNano: 1, timeUnixNano: '20' },
                ],
              },
            },
            {
              name: 'lat',
              histogram: {
                aggregationTemporality: 1,
                dataPoints: [
                  { count: '3', sum: 1.5, bucketCounts: ['1', 2], explicitBounds: [0.5], min: 0.1, max: 0.9 },
                ],
              },
            },
            {
              name: 'exp',
              exponentialHistogram: {
                aggregationTemporality: 2,
                dataPoints: [
                  {
                    count: 4,
                    scale: 2,
                    zeroCount: '1',
                    positive: { offset: -1, bucketCounts: ['3'] },
                    zeroThreshold: 0,
                  },
                ],
              },
            },
            {
              name: 'q',
              summary: { dataPoints: [{ count: '2', sum: 3, quantileValues: [{ quantile: 0.5, value: 1 }] }] },
            },
          ],
        },
      ],
    },
  ],
};

/** Records what reaches the end of a processor chain. */
export function recording<T>(): Consumer<T> & { batches: T[] } {
  const batches: T[] = [];
  return { batches, consume: async (batch) => void batches.push(batch) };
}
