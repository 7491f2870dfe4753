import type { Counter } from 'prom-client';
import { z } from 'zod';
import { extractedString, type LogEntry } from '../entry';
import { labelSetKey } from '../labels/label-set-key';
import type { Stage, StageContext, StageDefinition } from './stage';
import { createTimestampParser, type TimestampParser } from './timestamp/parser';
import { createZone, utcZone, type Zone } from './timestamp/zone';
import { counter } from '../telemetry/metric-factory';

// Alloy keeps the last timestamp of at most this many streams for `fudge`.
const MAX_FUDGE_STREAMS = 10_000;
const FALLBACKS_METRIC = 'collector_stage_timestamp_fallbacks_total';

const config = z
  .object({
    source: z.string().min(1).describe('Extracted key holding the timestamp text.'),
    format: z
      .string()
      .min(1)
      .describe(
        'Go reference layout (`2006-01-02T15:04:05.000Z07:00`, `Jan _2 15:04:05`) or a name: ANSIC, UnixDate, RubyDate, RFC822, RFC822Z, RFC850, RFC1123, RFC1123Z, RFC3339, RFC3339Nano, Kitchen, Stamp, StampMilli, StampMicro, StampNano, Unix, UnixMs, UnixUs, UnixNs. A layout without a year takes the current year.',
      ),
    fallback_formats: z
      .array(z.string().min(1))
      .default([])
      .describe('Formats tried in order when `format` does not fit; each use is counted.'),
    location: z
      .string()
      .min(1)
      .optional()
      .describe(
        'IANA time zone (`Europe/Berlin`) for layouts without a zone; named RFC/ANSIC formats stay UTC as in Alloy.',
      ),
    action_on_failure: z
      .enum(['fudge', 'skip'])
      .default('fudge')
      .describe(
        "On failure, `fudge` sets the last parsed timestamp of the stream + 1ns (or keeps the entry's own); `skip` keeps the entry's own.",
      ),
  })
  .strict()
  .superRefine((c, issues) => {
    let zone: Zone = utcZone;
    if (c.location !== undefined) {
      try {
        zone = createZone(c.location);
      } catch {
        issues.addIssue({
          code: 'custom',
          path: ['location'],
          message: `unknown time zone "${c.location}" (expected an IANA name like Europe/Berlin)`,
        });
      }
    }
    const formats: Array<[string | number, string]> = [
      ['format', c.format],
      ...c.fallback_formats.map((f, i): [number, string] => [i, f]),
    ];
    for (const [key, format] of formats) {
      try {
        createTimestampParser(format, zone);
      } catch (err) {
        const path = key === 'format' ? ['format'] : ['fallback_formats', key];
        issues.addIssue({ code: 'custom', path, message: (err as Error).message });
      }
    }
  });

export type TimestampStageConfig = z.infer<typeof config>;

function fallbackCounter(ctx: StageContext): Counter<'stage' | 'outcome'> {
  return counter(
    ctx.registry,
    FALLBACKS_METRIC,
    'Timestamp stage outcomes other than a parse with `format`: fallback_format, fudged, kept (receive time)',
    ['stage', 'outcome'],
  );
}

class TimestampStage implements Stage {
  readonly #source: string;
  readonly #parsers: TimestampParser[];
  readonly #fudge: boolean;
  readonly #lastByStream = new Map<string, bigint>();
  readonly #ctx: StageContext;
  readonly #usedFallback: { inc(): void };
  readonly #fudged: { inc(): void };
  readonly #kept: { inc(): void };

  constructor(cfg: TimestampStageConfig, ctx: StageContext) {
    const zone = cfg.location === undefined ? utcZone : createZone(cfg.location);
    this.#source = cfg.source;
    this.#parsers = [cfg.format, ...cfg.fallback_formats].map((f) => createTimestampParser(f, zone));
    this.#fudge = cfg.action_on_failure === 'fudge';
    this.#ctx = ctx;
    const outcomes = fallbackCounter(ctx);
    this.#usedFallback = outcomes.labels({ stage: ctx.name, outcome: 'fallback_format' });
    this.#fudged = outcomes.labels({ stage: ctx.name, outcome: 'fudged' });
    this.#kept = outcomes.labels({ stage: ctx.name, outcome: 'kept' });
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    const parsed = this.#parse(entry.extracted[this.#source]);
    if (parsed !== undefined) {
      entry.timestampNs = parsed;
      if (this.#fudge) this.#remember(labelSetKey(entry.labels), parsed);
    } else {
      this.#ctx.counters.parseFailed.inc();
      this.#onFailure(entry);
    }
    out.push(entry);
  }

  #parse(value: unknown): bigint | undefined {
    const text = extractedString(value);
    if (text === undefined) return undefined;
    const parsers = this.#parsers;
    const first = parsers[0].parse(text);
    if (first !== undefined) return first;
    for (let i = 1; i < parsers.length; i++) {
      const ts = parsers[i].parse(text);
      if (ts !== undefined) {
        this.#usedFallback.inc();
        return ts;
      }
    }
    return undefined;
  }

  #onFailure(entry: LogEntry): void {
    if (!this.#fudge) {
      this.#kept.inc();
      return;
    }
    const key = labelSetKey(entry.labels);
    const last = this.#lastByStream.get(key);
    if (last === undefined) {
      this.#kept.inc();
      return;
    }
    entry.timestampNs = last + 1n;
    this.#remember(key, entry.timestampNs);
    this.#fudged.inc();
  }

  #remember(key: string, ts: bigint): void {
    const map = this.#lastByStream;
    // At the cap the longest-known stream is forgotten (Alloy's LRU, approximated by first insertion to keep set() cheap).
    if (map.size >= MAX_FUDGE_STREAMS && !map.has(key)) {
      const oldest = map.keys().next();
      if (!oldest.done) map.delete(oldest.value);
    }
    map.set(key, ts);
  }
}

export const timestampStage: StageDefinition<TimestampStageConfig> = {
  type: 'timestamp',
  description:
    'Sets the entry timestamp from an extracted value. Failures (missing key, text that fits no format) count in collector_stage_parse_failures_total; fallback formats, fudged and kept timestamps count in collector_stage_timestamp_fallbacks_total{stage,outcome}.',
  config,
  create: (cfg, ctx) => new TimestampStage(cfg, ctx),
};
