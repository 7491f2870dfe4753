import { cloneEntry, formatRfc3339Nano, type LogEntry } from '../entry';
import type { CompiledStage } from '../stages/stage-chain';

/** What one stage did to one entry; only what changed is present. */
export interface StageChange {
  stage: string;
  labels?: Record<string, string>;
  labels_removed?: string[];
  structured_metadata?: Record<string, string>;
  extracted?: Record<string, unknown>;
  line?: string;
  ts?: string;
  parse_failed?: true;
  dropped?: string;
  held?: true;
}

/** Notes what the stage under inspection reported through its counters. */
export interface StageReport {
  parseFailed: boolean;
  dropReason: string | undefined;
}

function changed<T>(before: Record<string, T>, after: Record<string, T>): Record<string, T> | undefined {
  const out: Record<string, T> = {};
  let any = false;
  for (const [k, v] of Object.entries(after)) {
    if (before[k] !== v) {
      out[k] = v;
      any = true;
    }
  }
  return any ? out : undefined;
}

export interface InspectedEntry {
  /** The entries that left the last stage (0 when dropped or held). */
  out: LogEntry[];
  /** One trail per entry that left, or the trail up to the stage that dropped or held it. */
  trail: StageChange[];
}

/**
 * Runs one entry through the stages one at a time and records what each changed. `report` is reset
 * before each stage and filled by the counters the stages were built with.
 */
export function inspectEntry(entry: LogEntry, stages: readonly CompiledStage[], report: StageReport): InspectedEntry {
  const trail: StageChange[] = [];
  let current: LogEntry[] = [entry];
  for (const { name, stage } of stages) {
    const next: LogEntry[] = [];
    for (const e of current) {
      const before = cloneEntry(e);
      report.parseFailed = false;
      report.dropReason = undefined;
      const produced: LogEntry[] = [];
      stage.process(e, produced);
      const change: StageChange = { stage: name };
      const after = produced[0] ?? e;
      const labels = changed(before.labels, after.labels);
      if (labels) change.labels = labels;
      const removed = Object.keys(before.labels).filter((k) => !(k in after.labels));
      if (removed.length > 0) change.labels_removed = removed;
      const metadata = changed(before.structuredMetadata, after.structuredMetadata);
      if (metadata) change.structured_metadata = metadata;
      const extracted = changed(before.extracted, after.extracted);
      if (extracted) change.extracted = extracted;
      if (after.line !== before.line) change.line = after.line;
      if (after.timestampNs !== before.timestampNs) change.ts = formatRfc3339Nano(after.timestampNs);
      if (report.parseFailed) change.parse_failed = true;
      if (produced.length === 0) {
        if (report.dropReason !== undefined) change.dropped = report.dropReason;
        else change.held = true;
      }
      trail.push(change);
      next.push(...produced);
    }
    current = next;
    if (current.length === 0) break;
  }
  return { out: current, trail };
}
