import type { Registry } from 'prom-client';
import { SeriesStore } from '../../telemetry/series-store';
import { buildLabels, type SeriesSample } from './series';

/** Which registry metrics to send: those a `metrics` stage created (whatever their prefix), or those whose name matches. */
export type RegistrySelection = { kind: 'metrics_stage' } | { kind: 'names'; names: RegExp };

/**
 * Reads the current value of every selected metric of a prom-client registry, stamped `timestampMs`.
 * Histograms come out as prom-client exposes them (`_bucket{le}`, `_sum`, `_count`), summaries with `quantile`.
 */
export async function readRegistry(
  registry: Registry,
  selection: RegistrySelection,
  externalLabels: Record<string, string>,
  timestampMs: number,
): Promise<SeriesSample[]> {
  const samples: SeriesSample[] = [];
  for (const metric of await registry.getMetricsAsJSON()) {
    const selected =
      selection.kind === 'names'
        ? selection.names.test(metric.name)
        : registry.getSingleMetric(metric.name) instanceof SeriesStore;
    if (!selected) continue;
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
