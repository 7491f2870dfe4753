import type { Registry } from 'prom-client';
import { buildLabels, type SeriesSample } from './series';

/**
 * Reads the current value of every metric in a prom-client registry whose name matches `names`, stamped `timestampMs`.
 * Histograms come out as prom-client exposes them (`_bucket{le}`, `_sum`, `_count`), summaries with `quantile`.
 */
export async function readRegistry(
  registry: Registry,
  names: RegExp,
  externalLabels: Record<string, string>,
  timestampMs: number,
): Promise<SeriesSample[]> {
  const samples: SeriesSample[] = [];
  for (const metric of await registry.getMetricsAsJSON()) {
    if (!names.test(metric.name)) continue;
    for (const point of metric.values) {
      const labels: Record<string, string> = {};
      for (const key in point.labels) {
        const value = point.labels[key];
        if (value !== undefined) labels[key] = String(value);
      }
      const name = (point as { metricName?: string }).metricName ?? metric.name;
      samples.push({ labels: buildLabels(name, labels, externalLabels), value: point.value, timestampMs });
    }
  }
  return samples;
}
