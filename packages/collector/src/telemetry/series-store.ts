import type { Registry } from 'prom-client';
import type { Labels } from '../entry';
import { present } from '../errors';

export type MetricKind = 'counter' | 'gauge' | 'histogram';

/** One label set of a metric: a counter/gauge value, or histogram bucket counts. */
export interface Series {
  readonly labels: Labels;
  value: number;
  /** Per-bucket (non-cumulative) counts; histograms only. */
  readonly counts: Float64Array | undefined;
  count: number;
  lastUpdateMs: number;
  /** Set when the store dropped this series (idle or reset): holders must resolve it again. */
  expired: boolean;
}

interface SampleValue {
  value: number;
  labels: Labels;
  metricName?: string;
}

/**
 * The bucket a histogram sample falls in: the first upper bound >= value (binary search), or
 * `bounds.length` for +Inf (samples are never NaN: recorders count those as parse failures).
 */
export function bucketIndex(bounds: Float64Array, value: number): number {
  let lo = 0;
  let hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (value > bounds[mid]) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A metric whose label names are not known up front (they are each entry's label set), exposed on a
 * prom-client Registry. prom-client's own metrics require fixed label names, so this implements the
 * registry's metric contract (name, help, type, get, reset). Idle series are removed when collected,
 * as Alloy does.
 */
export class SeriesStore {
  readonly aggregator = 'sum';
  readonly #series = new Map<string, Series>();
  readonly #bounds: Float64Array;
  #maxIdleMs: number;

  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: MetricKind,
    readonly buckets: readonly number[],
    maxIdleMs: number,
  ) {
    this.#maxIdleMs = maxIdleMs;
    this.#bounds = Float64Array.from(buckets);
  }

  /** Another stage shares this metric; the longest idle time wins so no stage loses series early. */
  share(maxIdleMs: number): void {
    this.#maxIdleMs = Math.max(this.#maxIdleMs, maxIdleMs);
  }

  /** The series for a label set, created once per distinct set (`key` is its canonical string). */
  series(key: string, labels: Labels): Series {
    let series = this.#series.get(key);
    if (series === undefined) {
      const own: Labels = {};
      // Prometheus reserves names starting with __; Loki-internal labels stay out of metric series.
      for (const name in labels) if (!name.startsWith('__')) own[name] = labels[name];
      series = {
        labels: own,
        value: 0,
        counts: this.type === 'histogram' ? new Float64Array(this.buckets.length + 1) : undefined,
        count: 0,
        lastUpdateMs: 0,
        expired: false,
      };
      this.#series.set(key, series);
    }
    return series;
  }

  observe(series: Series, value: number): void {
    present(series.counts, 'bucket counts of a histogram series')[bucketIndex(this.#bounds, value)]++;
    series.value += value;
    series.count++;
  }

  async get(): Promise<{ name: string; help: string; type: MetricKind; aggregator: string; values: SampleValue[] }> {
    const now = Date.now();
    const values: SampleValue[] = [];
    for (const [key, series] of this.#series) {
      if (now - series.lastUpdateMs >= this.#maxIdleMs) {
        series.expired = true;
        this.#series.delete(key);
        continue;
      }
      if (this.type !== 'histogram') {
        values.push({ value: series.value, labels: series.labels });
        continue;
      }
      const counts = present(series.counts, 'bucket counts of a histogram series');
      let cumulative = 0;
      for (let b = 0; b <= this.buckets.length; b++) {
        cumulative += counts[b];
        const le = b < this.buckets.length ? String(this.buckets[b]) : '+Inf';
        values.push({ metricName: `${this.name}_bucket`, labels: { ...series.labels, le }, value: cumulative });
      }
      values.push({ metricName: `${this.name}_sum`, labels: series.labels, value: series.value });
      values.push({ metricName: `${this.name}_count`, labels: series.labels, value: series.count });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    for (const series of this.#series.values()) series.expired = true;
    this.#series.clear();
  }
}

/**
 * The store registered under `name`, created on first use. Pipelines that declare the same metric share
 * it; a different type, buckets or a non-stage metric of that name is an error naming the metric.
 */
export function registerSeriesStore(
  registry: Registry,
  name: string,
  help: string,
  type: MetricKind,
  buckets: readonly number[],
  maxIdleMs: number,
): SeriesStore {
  const existing = registry.getSingleMetric(name) as unknown;
  if (existing === undefined) {
    const store = new SeriesStore(name, help, type, buckets, maxIdleMs);
    // prom-client accepts any object with its metric contract; its type only names its own classes.
    registry.registerMetric(store as unknown as Parameters<Registry['registerMetric']>[0]);
    return store;
  }
  if (!(existing instanceof SeriesStore))
    throw new Error(`metric ${name} is already registered by the collector itself; choose another name or prefix`);
  if (existing.type !== type || existing.buckets.join(',') !== buckets.join(',')) {
    throw new Error(
      `metric ${name} is declared twice with different definitions (${existing.type} [${existing.buckets.join(',')}] vs ${type} [${buckets.join(',')}]); the same name must mean the same metric in every pipeline`,
    );
  }
  existing.share(maxIdleMs);
  return existing;
}
