import { Counter, type Registry } from 'prom-client';
import type { StageCounters } from './stage';

type Inc = { inc(n?: number): void };

/** A stage's counters, each a child resolved once for its {pipeline, stage} labels. */
export interface StageMetrics extends StageCounters {
  entriesIn: Inc;
  entriesOut: Inc;
}

function counter(registry: Registry, name: string, help: string, labelNames: string[]): Counter<string> {
  const existing = registry.getSingleMetric(name);
  if (existing) return existing as Counter<string>;
  return new Counter({ name, help, labelNames, registers: [registry] });
}

/** Creates (or reuses, per registry) the per-stage counters and resolves this stage's children. */
export function createStageMetrics(registry: Registry, pipeline: string, stage: string): StageMetrics {
  const labels = { pipeline, stage };
  const entriesIn = counter(registry, 'collector_stage_entries_in_total', 'Entries that entered a pipeline stage.', ['pipeline', 'stage']).labels(labels);
  const entriesOut = counter(registry, 'collector_stage_entries_out_total', 'Entries that left a pipeline stage.', ['pipeline', 'stage']).labels(labels);
  const parseFailed = counter(registry, 'collector_stage_parse_failures_total', 'Entries a stage could not parse (no regex match, bad JSON, missing source...).', ['pipeline', 'stage']).labels(labels);
  const dropped = counter(registry, 'collector_stage_dropped_entries_total', 'Entries a stage dropped, by reason.', ['pipeline', 'stage', 'reason']);
  const byReason = new Map<string, Inc>();
  return {
    entriesIn,
    entriesOut,
    parseFailed,
    dropped(reason: string): Inc {
      let child = byReason.get(reason);
      if (!child) {
        child = dropped.labels({ pipeline, stage, reason });
        byReason.set(reason, child);
      }
      return child;
    },
  };
}
