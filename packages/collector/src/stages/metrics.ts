import { z } from 'zod';
import { durationMs } from '../schema/units';
import type { LogEntry } from '../entry';
import { LabelSetCache } from '../labels/label-set-cache';
import { labelSetKey } from '../labels/label-set-key';
import { compileColumnReader } from './compiled-properties';
import {
  ABSENT,
  CounterRecorder,
  GaugeRecorder,
  HistogramRecorder,
  type Recorder,
  type RecorderOptions,
} from './metrics/recorders';
import { createBatchClock } from './metrics/batch-clock';
import { SeriesSlots } from './metrics/series-slots';
import { registerSeriesStore, type MetricKind } from '../telemetry/series-store';
import type { Stage, StageContext, StageDefinition } from './stage';

const DEFAULT_PREFIX = 'loki_process_custom_';
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

const shared = {
  name: z.string().min(1).describe('Metric name; exposed as `prefix` + name.'),
  description: z.string().default('').describe('Help text of the metric.'),
  source: z.string().min(1).optional().describe('Extracted key the metric reads; defaults to `name`.'),
  prefix: z
    .string()
    .default(DEFAULT_PREFIX)
    .describe('Prefix of the exposed name (Alloy default `loki_process_custom_`; empty means the default).'),
  max_idle_duration: durationMs('Go duration')
    .refine((ms) => ms >= 1000, { message: 'max_idle_duration must be greater or equal than 1s' })
    .default(300_000)
    .describe('A series not updated for this long is removed from /metrics (Go duration, default 5m, at least 1s).'),
  value: z.string().min(1).optional().describe('Only entries whose source equals this value update the metric.'),
};

const counterSchema = z
  .object({
    ...shared,
    action: z
      .enum(['inc', 'add'])
      .describe('`inc` adds 1; `add` adds the source read as a float or a Go duration in seconds.'),
    match_all: z.boolean().default(false).describe('Count every entry, extracted or not (no `value` then).'),
    count_entry_bytes: z
      .boolean()
      .default(false)
      .describe('With match_all and action add: add the line length in bytes.'),
  })
  .strict()
  .superRefine((c, issues) => {
    if (c.match_all && c.value !== undefined) {
      issues.addIssue({
        code: 'custom',
        path: ['match_all'],
        message: "a counter supports either 'match_all' or a 'value', but not both",
      });
    }
    if (c.count_entry_bytes && (!c.match_all || c.action !== 'add')) {
      issues.addIssue({
        code: 'custom',
        path: ['count_entry_bytes'],
        message: 'count_entry_bytes needs match_all: true and action: add',
      });
    }
  });

const gaugeSchema = z
  .object({
    ...shared,
    action: z
      .enum(['set', 'inc', 'dec', 'add', 'sub'])
      .describe('`inc`/`dec` by 1; `set`/`add`/`sub` the source read as a float or a Go duration in seconds.'),
  })
  .strict();

const histogramSchema = z
  .object({
    ...shared,
    buckets: z
      .array(z.number())
      .min(1)
      .describe('Upper bounds of the buckets, strictly increasing (+Inf is implicit).'),
  })
  .strict()
  .superRefine((c, issues) => {
    if (c.buckets.some((b, i) => i > 0 && b <= c.buckets[i - 1])) {
      issues.addIssue({ code: 'custom', path: ['buckets'], message: 'buckets must be strictly increasing' });
    }
  });

const config = z
  .object({
    counter: z.array(counterSchema).default([]).describe('Counters (Alloy `metric.counter` blocks).'),
    gauge: z.array(gaugeSchema).default([]).describe('Gauges (Alloy `metric.gauge` blocks).'),
    histogram: z.array(histogramSchema).default([]).describe('Histograms (Alloy `metric.histogram` blocks).'),
  })
  .strict()
  .superRefine((c, issues) => {
    const seen = new Map<string, string>();
    for (const kind of ['counter', 'gauge', 'histogram'] as const) {
      c[kind].forEach((m, i) => {
        const full = (m.prefix || DEFAULT_PREFIX) + m.name;
        if (!METRIC_NAME.test(full)) {
          issues.addIssue({
            code: 'custom',
            path: [kind, i, 'name'],
            message: `"${full}" is not a valid Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)`,
          });
        } else if (seen.has(full)) {
          issues.addIssue({
            code: 'custom',
            path: [kind, i, 'name'],
            message: `metric "${full}" is already declared in this stage (${seen.get(full)})`,
          });
        }
        seen.set(full, `${kind}[${i}]`);
      });
    }
    if (c.counter.length + c.gauge.length + c.histogram.length === 0) {
      issues.addIssue({ code: 'custom', path: [], message: 'declare at least one counter, gauge or histogram' });
    }
  });

export type MetricsStageConfig = z.infer<typeof config>;
type SharedConfig = z.infer<typeof counterSchema> | z.infer<typeof gaugeSchema> | z.infer<typeof histogramSchema>;

const NO_ENTRIES: readonly LogEntry[] = [];

class MetricsStage implements Stage {
  readonly #recorders: Recorder[];
  // Label sets repeat line after line: their key and series are resolved once per set, not per entry.
  readonly #slots: LabelSetCache<SeriesSlots>;
  readonly #readSources: (
    extracted: Record<string, unknown>,
    columns: unknown[][],
    row: number,
    absent: unknown,
  ) => void;
  readonly #now = createBatchClock();
  // Reused for every batch: its arrays grow to the largest batch seen and keep the last batch's values until the next.
  readonly #batch: { entries: readonly LogEntry[]; slots: SeriesSlots[]; columns: unknown[][] };
  readonly #single: LogEntry[] = [];

  /** `sources` are the extracted keys the recorders read, by their RecorderOptions.column. */
  constructor(recorders: Recorder[], sources: readonly string[]) {
    this.#recorders = recorders;
    this.#slots = new LabelSetCache((labels) => new SeriesSlots(labelSetKey(labels), labels, recorders.length));
    this.#readSources = compileColumnReader(sources);
    this.#batch = { entries: [], slots: [], columns: sources.map(() => []) };
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    this.#single[0] = entry;
    this.updateBatch(this.#single);
    out.push(entry);
  }

  // One pass over the entries gathers what the metrics need (entries are large and scattered in memory,
  // small arrays are not), then each metric takes the batch in turn in a loop that sees one metric.
  updateBatch(entries: readonly LogEntry[]): void {
    const batch = this.#batch;
    const { slots, columns } = batch;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      slots[i] = this.#slots.get(entry.labels);
      this.#readSources(entry.extracted, columns, i, ABSENT);
    }
    batch.entries = entries;
    const now = this.#now();
    const recorders = this.#recorders;
    for (let r = 0; r < recorders.length; r++) recorders[r].recordBatch(batch, now);
    batch.entries = NO_ENTRIES;
  }
}

function options(
  m: SharedConfig,
  kind: MetricKind,
  buckets: readonly number[],
  ctx: StageContext,
  index: number,
  column: number,
): RecorderOptions {
  const name = (m.prefix || DEFAULT_PREFIX) + m.name;
  const store = registerSeriesStore(
    ctx.registry,
    name,
    m.description || `${kind} from pipeline stage ${ctx.name}`,
    kind,
    buckets,
    m.max_idle_duration,
  );
  const parseFailed = ctx.counters.parseFailed;
  return { store, column, value: m.value, onParseFailure: () => parseFailed.inc(), index };
}

function createMetricsStage(cfg: MetricsStageConfig, ctx: StageContext): Stage {
  const sources: string[] = [];
  // match_all counters read no source; every other metric reads its source's column.
  const column = (m: SharedConfig, reads = true): number => {
    if (!reads) return -1;
    const source = m.source ?? m.name;
    if (!sources.includes(source)) sources.push(source);
    return sources.indexOf(source);
  };
  const gauges = cfg.counter.length;
  const histograms = gauges + cfg.gauge.length;
  const recorders: Recorder[] = [
    ...cfg.counter.map(
      (m, i) =>
        new CounterRecorder(
          options(m, 'counter', [], ctx, i, column(m, !m.match_all)),
          m.action,
          m.match_all,
          m.count_entry_bytes,
        ),
    ),
    ...cfg.gauge.map((m, i) => new GaugeRecorder(options(m, 'gauge', [], ctx, gauges + i, column(m)), m.action)),
    ...cfg.histogram.map(
      (m, i) => new HistogramRecorder(options(m, 'histogram', m.buckets, ctx, histograms + i, column(m))),
    ),
  ];
  return new MetricsStage(recorders, sources);
}

export const metricsStage: StageDefinition<MetricsStageConfig> = {
  type: 'metrics',
  description:
    "Updates Prometheus metrics from extracted values, exposed on the collector's /metrics (Alloy semantics). Each metric's labels are the entry's current label set (minus `__`-prefixed labels): keep high-cardinality values out of labels before this stage. Two pipelines declaring the same full name share one metric; declaring it with a different type or buckets fails at startup. Values that are not numbers or Go durations count as parse failures.",
  config,
  create: createMetricsStage,
};
