import { formatRfc3339Nano, type LogEntry } from '../entry';
import { formatLabels } from '../protocols/loki/labels';

/** One NDJSON line: `{ts, ts_ns, labels, structured_metadata, line}` and a newline. */
export function formatNdjsonEntry(entry: LogEntry): string {
  return (
    JSON.stringify({
      ts: formatRfc3339Nano(entry.timestampNs),
      ts_ns: entry.timestampNs.toString(),
      labels: entry.labels,
      structured_metadata: entry.structuredMetadata,
      line: entry.line,
    }) + '\n'
  );
}

/** A line for people: `<ts> {labels} line` and metadata as `k=v` when present. */
export function formatTextEntry(entry: LogEntry): string {
  let meta = '';
  for (const key in entry.structuredMetadata) meta += ` ${key}=${JSON.stringify(entry.structuredMetadata[key])}`;
  return `${formatRfc3339Nano(entry.timestampNs)} ${formatLabels(entry.labels)} ${entry.line}${meta}\n`;
}
