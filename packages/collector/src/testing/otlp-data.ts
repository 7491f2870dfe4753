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

/** Records what reaches the end of a processor chain. */
export function recording<T>(): Consumer<T> & { batches: T[] } {
  const batches: T[] = [];
  return { batches, consume: async (batch) => void batches.push(batch) };
}
