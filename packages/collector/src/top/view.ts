import { sumBy, total, type Sample } from './prometheus-text';

/** What the live view shows, computed from two scrapes of the collector and the sorter. */
export interface TopModel {
  linesInPerSecond: number;
  linesOutPerSecond: number;
  /** Share of entries that no stage failed to parse, over the interval; undefined before any entry. */
  parseSuccessRatio: number | undefined;
  severity: Map<string, number>;
  category: Map<string, number>;
  decidedBy: Map<string, number>;
  queueDepth: Map<string, number>;
  sinkErrors: number;
}

export interface Scrape {
  collector: Sample[];
  sorter: Sample[];
  atMs: number;
}

// The metric names the view reads; each is documented in the README's metric tables.
export const topMetrics = {
  linesRead: 'collector_source_read_lines_total',
  otlpReceived: 'collector_otlp_received_items_total',
  linesOut: 'collector_sink_sent_entries_total',
  stageIn: 'collector_stage_entries_in_total',
  parseFailures: 'collector_stage_parse_failures_total',
  classified: 'collector_classify_entries_total',
  sorterItems: 'sorter_items_total',
  queueEntries: 'collector_sink_queue_entries',
  sinkDropped: 'collector_sink_dropped_entries_total',
} as const;

function rate(prev: readonly Sample[], curr: readonly Sample[], name: string, seconds: number): number {
  return seconds > 0 ? Math.max(0, total(curr, name) - total(prev, name)) / seconds : 0;
}

/** Log lines taken in: file and Loki push sources count lines read, OTLP receivers count log records. */
function linesIn(samples: readonly Sample[]): number {
  return total(samples, topMetrics.linesRead) + (sumBy(samples, topMetrics.otlpReceived, 'signal').get('logs') ?? 0);
}

function entriesIntoPipelines(samples: readonly Sample[]): number {
  // The first stage of a pipeline sees every entry: the largest per-pipeline count is what entered it.
  const perPipeline = new Map<string, number>();
  for (const s of samples) {
    if (s.name !== topMetrics.stageIn) continue;
    const p = s.labels.pipeline ?? '';
    perPipeline.set(p, Math.max(perPipeline.get(p) ?? 0, s.value));
  }
  let sum = 0;
  for (const v of perPipeline.values()) sum += v;
  return sum;
}

/** Mixes are cumulative since start: a person watching wants the overall picture, not one second's noise. */
function mix(scrape: Scrape, label: string): Map<string, number> {
  const fromCollector = sumBy(scrape.collector, topMetrics.classified, label);
  return fromCollector.size > 0 ? fromCollector : sumBy(scrape.sorter, topMetrics.sorterItems, label);
}

export function buildTopModel(prev: Scrape, curr: Scrape): TopModel {
  const seconds = (curr.atMs - prev.atMs) / 1000;
  const entered = entriesIntoPipelines(curr.collector) - entriesIntoPipelines(prev.collector);
  const failed = total(curr.collector, topMetrics.parseFailures) - total(prev.collector, topMetrics.parseFailures);
  return {
    linesInPerSecond: seconds > 0 ? Math.max(0, linesIn(curr.collector) - linesIn(prev.collector)) / seconds : 0,
    linesOutPerSecond: rate(prev.collector, curr.collector, topMetrics.linesOut, seconds),
    parseSuccessRatio: entered > 0 ? Math.max(0, 1 - failed / entered) : undefined,
    severity: mix(curr, 'severity'),
    category: mix(curr, 'category'),
    decidedBy: mix(curr, 'decided_by'),
    queueDepth: sumBy(curr.collector, topMetrics.queueEntries, 'sink'),
    sinkErrors: total(curr.collector, topMetrics.sinkDropped),
  };
}

function shares(values: Map<string, number>, width: number): string[] {
  const all = [...values.values()].reduce((a, b) => a + b, 0);
  if (all === 0) return ['  (nothing yet)'];
  return [...values.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => {
      const share = n / all;
      const bar = '#'.repeat(Math.round(share * width));
      return `  ${key.padEnd(14)} ${(share * 100).toFixed(1).padStart(5)}% ${String(n).padStart(9)}  ${bar}`;
    });
}

/** Renders one frame of the live view as lines of plain text. */
export function renderTop(model: TopModel, header: readonly string[]): string[] {
  const parse = model.parseSuccessRatio === undefined ? '  -' : `${(model.parseSuccessRatio * 100).toFixed(1)}%`;
  // Only sinks with a delivery queue (loki, otlp, prometheus_remote_write) report one; file and stdout write at once.
  const queues =
    model.queueDepth.size > 0
      ? `entries waiting in sink queues  ${[...model.queueDepth.entries()].map(([sink, n]) => `${sink}=${n}`).join('  ')}`
      : 'entries waiting in sink queues  none (no sink with a queue: file and stdout sinks write at once)';
  return [
    ...header,
    '',
    `  lines/s in ${model.linesInPerSecond.toFixed(0).padStart(8)}    lines/s out ${model.linesOutPerSecond.toFixed(0).padStart(8)}    parse success ${parse}`,
    `  ${queues}`,
    `  entries dropped by sinks  ${model.sinkErrors}`,
    '',
    'severity',
    ...shares(model.severity, 30),
    'category',
    ...shares(model.category, 30),
    'decided by',
    ...shares(model.decidedBy, 30),
  ];
}
