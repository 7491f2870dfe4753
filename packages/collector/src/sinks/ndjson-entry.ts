import type { LogEntry } from '../entry';
import { formatLabels } from '../protocols/loki/labels';

/** RFC 3339 with nanoseconds in UTC, e.g. `2026-11-22T05:27:14.123456789Z`. */
export function formatRfc3339Nano(timestampNs: bigint): string {
  const ms = timestampNs / 1_000_000n;
  const iso = new Date(Number(ms)).toISOString(); // ...T05:27:14.123Z
  const nanos = ((timestampNs % 1_000_000_000n) + 1_000_000_000n) % 1_000_000_000n;
  return `${iso.slice(0, 19)}.${nanos.toString().padStart(9, '0')}Z`;
}

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
