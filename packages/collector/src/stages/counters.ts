import { Counter, type Registry } from 'prom-client';
import { getOrCreate } from '../telemetry/metric-factory';
import type { StageCounters } from './stage';

type Inc = { inc(n?: number): void };

/** A stage's counters, each a child resolved once for its {pipeline, stage} labels. */
export interface StageMetrics extends StageCounters {
  entriesIn: Inc;
  entriesOut: Inc;
}

/**
 * A count kept in a plain number on the hot path and handed to prom-client when the counter is
 * collected (scrape or get()): prom-client hashes the label set on every inc(), which costs more than
 * the stage itself.
 */
class Tally implements Inc {
  value = 0;
  inc(n = 1): void {
    this.value += n;
  }
}

const talliesByCounter = new WeakMap<Counter<string>, { labels: Record<string, string>; tally: Tally }[]>();

function counter(registry: Registry, name: string, help: string, labelNames: string[]): Counter<string> {
  return getOrCreate(registry, name, () => {
    const tallies: { labels: Record<string, string>; tally: Tally }[] = [];
    const created = new Counter({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        for (const t of tallies) {
          if (t.tally.value === 0) continue;
          this.inc(t.labels, t.tally.value);
          t.tally.value = 0;
        }
      },
    });
    talliesByCounter.set(created, tallies);
    return created;
  });
}

/** A child of a counter made by `counter()`: shown at 0 right away, counted through a Tally. */
function child(c: Counter<string>, labels: Record<string, string>): Inc {
  const tallies = talliesByCounter.get(c);
  if (!tallies) return c.labels(labels);
  c.inc(labels, 0);
  const tally = new Tally();
  tallies.push({ labels, tally });
  return tally;
}

/** Creates (or reuses, per registry) the per-stage counters and resolves this stage's children. */
export function createStageMetrics(registry: Registry, pipeline: string, stage: string): StageMetrics {
  const labels = { pipeline, stage };
  const entriesIn = child(
    counter(registry, 'collector_stage_entries_in_total', 'Entries that entered a pipeline stage.', [
      'pipeline',
      'stage',
    ]),
    labels,
  );
  const entriesOut = child(
    counter(registry, 'collector_stage_entries_out_total', 'Entries that left a pipeline stage.', [
      'pipeline',
      'stage',
    ]),
    labels,
  );
  const parseFailed = child(
    counter(
      registry,
      'collector_stage_parse_failures_total',
      'Entries a stage could not parse (no regex match, bad JSON, missing source...).',
      ['pipeline', 'stage'],
    ),
    labels,
  );
  const dropped = counter(registry, 'collector_stage_dropped_entries_total', 'Entries a stage dropped, by reason.', [
    'pipeline',
    'stage',
    'reason',
  ]);
  const byReason = new Map<string, Inc>();
  return {
    entriesIn,
    entriesOut,
    parseFailed,
    dropped(reason: string): Inc {
      let c = byReason.get(reason);
      if (!c) {
        c = child(dropped, { pipeline, stage, reason });
        byReason.set(reason, c);
      }
      return c;
    },
  };
}
