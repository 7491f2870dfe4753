import type { AnyValue, Attributes, MetricsData, NumberDataPoint, Resource } from '../../protocols/otlp/types';
import { AggregationTemporality, KeyValueList } from '../../protocols/otlp/types';
import { prometheusMetricName } from './otlp-names';
import { buildLabels, type SeriesSample } from './series';

export interface OtlpTranslationOptions {
  externalLabels: Record<string, string>;
  /** Also turn every resource attribute into a label (cardinality risk); job/instance are always set. */
  resourceToLabels: boolean;
}

export interface OtlpTranslation {
  samples: SeriesSample[];
  /** Data points that cannot be expressed in remote write 1.0, by reason. */
  skipped: Map<'delta_temporality' | 'unsupported_type', number>;
}

/**
 * Translates OTLP metrics to Prometheus samples the way Prometheus' OTLP translator names them:
 * gauges and sums one sample each, histograms as `_bucket{le}` (cumulative) + `_sum` + `_count`, summaries as
 * `{quantile}` + `_sum` + `_count`. Delta temporality and exponential histograms are skipped and counted.
 */
export function translateOtlpMetrics(data: MetricsData, options: OtlpTranslationOptions): OtlpTranslation {
  const samples: SeriesSample[] = [];
  const skipped = new Map<'delta_temporality' | 'unsupported_type', number>();
  const skip = (reason: 'delta_temporality' | 'unsupported_type', n: number): void => {
    skipped.set(reason, (skipped.get(reason) ?? 0) + n);
  };
  for (const rm of data.resourceMetrics) {
    const resourceLabels = labelsFromResource(rm.resource, options.resourceToLabels);
    for (const sm of rm.scopeMetrics) {
      for (const metric of sm.metrics) {
        const d = metric.data;
        const push = (
          name: string,
          point: { attributes: Attributes; timeUnixNano: bigint },
          value: number,
          extra?: Record<string, string>,
        ): void => {
          const labels = { ...resourceLabels, ...attributesToLabels(point.attributes), ...extra };
          samples.push({
            labels: buildLabels(name, labels, options.externalLabels),
            value,
            timestampMs: toMs(point.timeUnixNano),
          });
        };
        switch (d.type) {
          case 'gauge': {
            const name = prometheusMetricName(metric.name, metric.unit, 'gauge');
            for (const p of d.dataPoints) push(name, p, numberValue(p));
            break;
          }
          case 'sum': {
            if (d.aggregationTemporality === AggregationTemporality.delta) {
              skip('delta_temporality', d.dataPoints.length);
              break;
            }
            const name = prometheusMetricName(metric.name, metric.unit, d.isMonotonic ? 'counter' : 'gauge');
            for (const p of d.dataPoints) push(name, p, numberValue(p));
            break;
          }
          case 'histogram': {
            if (d.aggregationTemporality === AggregationTemporality.delta) {
              skip('delta_temporality', d.dataPoints.length);
              break;
            }
            const base = prometheusMetricName(metric.name, metric.unit, 'other');
            for (const p of d.dataPoints) {
              let cumulative = 0;
              p.explicitBounds.forEach((bound, i) => {
                cumulative += Number(p.bucketCounts[i] ?? 0n);
                push(`${base}_bucket`, p, cumulative, { le: formatFloat(bound) });
              });
              push(`${base}_bucket`, p, Number(p.count), { le: '+Inf' });
              if (p.sum !== undefined) push(`${base}_sum`, p, p.sum);
              push(`${base}_count`, p, Number(p.count));
            }
            break;
          }
          case 'summary': {
            const base = prometheusMetricName(metric.name, metric.unit, 'other');
            for (const p of d.dataPoints) {
              for (const q of p.quantileValues) push(base, p, q.value, { quantile: formatFloat(q.quantile) });
              push(`${base}_sum`, p, p.sum);
              push(`${base}_count`, p, Number(p.count));
            }
            break;
          }
          case 'exponentialHistogram':
            skip('unsupported_type', d.dataPoints.length);
            break;
          case 'empty':
            break;
        }
      }
    }
  }
  return { samples, skipped };
}

function labelsFromResource(resource: Resource, all: boolean): Record<string, string> {
  const labels: Record<string, string> = all ? attributesToLabels(resource.attributes) : {};
  const service = stringOf(resource.attributes.get('service.name'));
  const namespace = stringOf(resource.attributes.get('service.namespace'));
  const instance = stringOf(resource.attributes.get('service.instance.id'));
  // Prometheus' OTLP convention: job = [namespace/]service.name, instance = service.instance.id.
  if (service) labels.job = namespace ? `${namespace}/${service}` : service;
  if (instance) labels.instance = instance;
  return labels;
}

function attributesToLabels(attributes: Attributes): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, value] of attributes) labels[key] = stringOf(value);
  return labels;
}

function stringOf(value: AnyValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value instanceof KeyValueList)
    return JSON.stringify(Object.fromEntries([...value.values].map(([k, v]) => [k, stringOf(v)])));
  return JSON.stringify(value.map(stringOf));
}

function numberValue(point: NumberDataPoint): number {
  return typeof point.value === 'bigint' ? Number(point.value) : point.value;
}

function toMs(timeUnixNano: bigint): number {
  // A point without a time (0) is stamped now rather than at 1970, which Prometheus would reject as too old.
  return timeUnixNano === 0n ? Date.now() : Number(timeUnixNano / 1_000_000n);
}

/** Prometheus writes `le`/`quantile` with the shortest exact float text, `+Inf` for infinity. */
function formatFloat(value: number): string {
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}
