import { AggregationTemporality, type Metric, type MetricsData } from '../../protocols/otlp/types';
import { translateOtlpMetrics } from './from-otlp';

const t = 1_700_000_000_000_000_000n;

function metricsData(...metrics: Metric[]): MetricsData {
  const scope = { name: 's', version: '', attributes: new Map(), droppedAttributesCount: 0 };
  const resource = {
    attributes: new Map<string, string>([
      ['service.name', 'api'],
      ['service.namespace', 'shop'],
      ['host.name', 'h1'],
    ]),
    droppedAttributesCount: 0,
  };
  return { resourceMetrics: [{ resource, schemaUrl: '', scopeMetrics: [{ scope, schemaUrl: '', metrics }] }] };
}

const point = (value: number | bigint, attrs: Record<string, string> = {}) => ({
  attributes: new Map(Object.entries(attrs)),
  startTimeUnixNano: 0n,
  timeUnixNano: t,
  value,
  exemplars: [],
  flags: 0,
});

function render(data: MetricsData, resourceToLabels = false): string[] {
  return translateOtlpMetrics(data, { externalLabels: {}, resourceToLabels }).samples.map(
    (s) => `${s.labels.map((l) => `${l.name}=${l.value}`).join(',')} ${s.value} @${s.timestampMs}`,
  );
}

describe('translateOtlpMetrics', () => {
  test('names a monotonic cumulative sum with _total and sets job and instance labels from the resource', () => {
    const data = metricsData({
      name: 'http.server.requests',
      description: '',
      unit: '{request}',
      metadata: new Map(),
      data: {
        type: 'sum',
        isMonotonic: true,
        aggregationTemporality: AggregationTemporality.cumulative,
        dataPoints: [point(7n, { 'http.route': '/a' })],
      },
    });
    expect(render(data)).toEqual(['__name__=http_server_requests_total,http_route=/a,job=shop/api 7 @1700000000000']);
  });

  test('turns an explicit-bucket histogram into cumulative _bucket{le}, _sum and _count when translating', () => {
    const data = metricsData({
      name: 'rpc.duration',
      description: '',
      unit: 's',
      metadata: new Map(),
      data: {
        type: 'histogram',
        aggregationTemporality: AggregationTemporality.cumulative,
        dataPoints: [
          {
            attributes: new Map(),
            startTimeUnixNano: 0n,
            timeUnixNano: t,
            count: 6n,
            sum: 2.5,
            bucketCounts: [1n, 2n, 3n],
            explicitBounds: [0.1, 1],
            exemplars: [],
            flags: 0,
          },
        ],
      },
    });
    expect(render(data)).toEqual([
      '__name__=rpc_duration_seconds_bucket,job=shop/api,le=0.1 1 @1700000000000',
      '__name__=rpc_duration_seconds_bucket,job=shop/api,le=1 3 @1700000000000',
      '__name__=rpc_duration_seconds_bucket,job=shop/api,le=+Inf 6 @1700000000000',
      '__name__=rpc_duration_seconds_sum,job=shop/api 2.5 @1700000000000',
      '__name__=rpc_duration_seconds_count,job=shop/api 6 @1700000000000',
    ]);
  });

  test('keeps a non-monotonic sum as a gauge without _total and adds every resource attribute when resource_to_labels is on', () => {
    const data = metricsData({
      name: 'queue.size',
      description: '',
      unit: 'By',
      metadata: new Map(),
      data: {
        type: 'sum',
        isMonotonic: false,
        aggregationTemporality: AggregationTemporality.cumulative,
        dataPoints: [point(3)],
      },
    });
    expect(render(data, true)).toEqual([
      '__name__=queue_size_bytes,host_name=h1,job=shop/api,service_name=api,service_namespace=shop 3 @1700000000000',
    ]);
  });

  test('skips and counts delta sums and exponential histograms when remote write 1.0 cannot carry them', () => {
    const data = metricsData(
      {
        name: 'd',
        description: '',
        unit: '',
        metadata: new Map(),
        data: {
          type: 'sum',
          isMonotonic: true,
          aggregationTemporality: AggregationTemporality.delta,
          dataPoints: [point(1), point(2)],
        },
      },
      {
        name: 'e',
        description: '',
        unit: '',
        metadata: new Map(),
        data: {
          type: 'exponentialHistogram',
          aggregationTemporality: AggregationTemporality.cumulative,
          dataPoints: [
            {
              attributes: new Map(),
              startTimeUnixNano: 0n,
              timeUnixNano: t,
              count: 0n,
              scale: 0,
              zeroCount: 0n,
              positive: { offset: 0, bucketCounts: [] },
              negative: { offset: 0, bucketCounts: [] },
              flags: 0,
              exemplars: [],
              zeroThreshold: 0,
            },
          ],
        },
      },
    );
    const result = translateOtlpMetrics(data, { externalLabels: {}, resourceToLabels: false });
    expect(result.samples).toEqual([]);
    expect([...result.skipped]).toEqual([
      ['delta_temporality', 2],
      ['unsupported_type', 1],
    ]);
  });
});
