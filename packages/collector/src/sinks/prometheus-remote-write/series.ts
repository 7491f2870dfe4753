/** One label of a series; a series keeps its labels sorted by name, as remote write requires. */
export interface Label {
  name: string;
  value: string;
}

export interface Sample {
  value: number;
  timestampMs: number;
}

/** One sample of one series, the unit the sink queues. */
export interface SeriesSample {
  /** Sorted by name, `__name__` included, no empty values. */
  labels: Label[];
  value: number;
  timestampMs: number;
}

export interface TimeSeries {
  labels: Label[];
  samples: Sample[];
}

const invalidMetricChars = /[^a-zA-Z0-9_:]/g;
const invalidLabelChars = /[^a-zA-Z0-9_]/g;

/** Makes a metric name valid (`[a-zA-Z_:][a-zA-Z0-9_:]*`): other characters become `_`, a leading digit gets `_`. */
export function sanitizeMetricName(name: string): string {
  const replaced = name.replace(invalidMetricChars, '_');
  return /^[0-9]/.test(replaced) ? `_${replaced}` : replaced;
}

/** Makes a label name valid (`[a-zA-Z_][a-zA-Z0-9_]*`), e.g. `service.name` -> `service_name`. */
export function sanitizeLabelName(name: string): string {
  const replaced = name.replace(invalidLabelChars, '_');
  return /^[0-9]/.test(replaced) ? `_${replaced}` : replaced;
}

/**
 * Builds the complete, sorted label set of a sample: `__name__`, the sample's labels, then external labels
 * for names not already set. Empty values are left out (remote write forbids them; Prometheus reads them as absent).
 */
export function buildLabels(name: string, labels: Record<string, string>, external: Record<string, string>): Label[] {
  const merged = new Map<string, string>();
  for (const key in labels) {
    const value = labels[key];
    if (value !== '') merged.set(sanitizeLabelName(key), value);
  }
  for (const key in external) if (!merged.has(key) && external[key] !== '') merged.set(key, external[key]);
  merged.set('__name__', sanitizeMetricName(name));
  return [...merged].map(([n, value]) => ({ name: n, value })).sort(byName);
}

function byName(a: Label, b: Label): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Groups samples into series (one per label set) with samples in timestamp order, as remote write requires. */
export function groupSeries(samples: readonly SeriesSample[]): TimeSeries[] {
  const byKey = new Map<string, TimeSeries>();
  for (const sample of samples) {
    const key = seriesKey(sample.labels);
    let series = byKey.get(key);
    if (!series) {
      series = { labels: sample.labels, samples: [] };
      byKey.set(key, series);
    }
    series.samples.push({ value: sample.value, timestampMs: sample.timestampMs });
  }
  for (const series of byKey.values()) series.samples.sort((a, b) => a.timestampMs - b.timestampMs);
  return [...byKey.values()];
}

function seriesKey(labels: readonly Label[]): string {
  let key = '';
  for (const label of labels) key += `${label.name}\u0000${label.value}\u0000`;
  return key;
}
