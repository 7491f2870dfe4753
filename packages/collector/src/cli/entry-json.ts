import { formatRfc3339Nano, type LogEntry } from '../entry';

/** The JSON shape dry-run prints for an entry leaving a pipeline. */
export interface EntryJson {
  ts: string;
  labels: Record<string, string>;
  structured_metadata: Record<string, string>;
  line: string;
  forward_to: readonly string[];
}

export function entryJson(entry: LogEntry, forwardTo: readonly string[]): EntryJson {
  return {
    ts: formatRfc3339Nano(entry.timestampNs),
    labels: entry.labels,
    structured_metadata: entry.structuredMetadata,
    line: entry.line,
    forward_to: forwardTo,
  };
}
