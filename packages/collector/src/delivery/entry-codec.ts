import type { Labels, LogEntry } from '../entry';

type WireEntry = [ts: string, line: string, labels: Labels, structuredMetadata: Labels];

/** Serialises what a sink needs of each entry (not `extracted`) for the disk queue. */
export function encodeEntries(entries: readonly LogEntry[]): Buffer {
  const wire: WireEntry[] = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    wire[i] = [e.timestampNs.toString(), e.line, e.labels, e.structuredMetadata];
  }
  return Buffer.from(JSON.stringify(wire), 'utf8');
}

export function decodeEntries(bytes: Buffer): LogEntry[] {
  const wire = JSON.parse(bytes.toString('utf8')) as WireEntry[];
  const entries: LogEntry[] = new Array(wire.length);
  for (let i = 0; i < wire.length; i++) {
    const [ts, line, labels, structuredMetadata] = wire[i]!;
    entries[i] = { timestampNs: BigInt(ts), line, labels, structuredMetadata, extracted: {} };
  }
  return entries;
}
