import * as snappy from 'snappyjs';
import type { Labels, LogEntry } from '../../entry';
import { formatLabels, sanitizeLabelName } from './labels';
import { pushRequestType, type WireEntry, type WireStream } from './push-proto';

export interface EncodeOptions {
  externalLabels: Labels;
  /** Loki's `max_label_names_per_series`; labels past it move to structured metadata. */
  maxLabels: number;
  /** Lines longer than this many UTF-8 bytes are cut; 0 keeps every line whole. */
  maxLineBytes: number;
}

export interface EncodeStats {
  streams: number;
  truncatedLines: number;
  /** Labels moved to structured metadata because the stream had more than maxLabels. */
  movedLabels: number;
}

export interface EncodedPush {
  body: Uint8Array;
  stats: EncodeStats;
}

/**
 * Builds a snappy-compressed logproto.PushRequest. Per entry: external labels are added (entry labels
 * win), `__`-prefixed labels are stripped, names are sanitised, labels past maxLabels (by sorted name,
 * external labels kept first) become structured metadata; entries are grouped per stream, sorted by time.
 */
export function encodePush(entries: readonly LogEntry[], options: EncodeOptions): EncodedPush {
  const streams = new Map<string, { stream: WireStream; ts: bigint[] }>();
  // Label sets repeat across entries: resolve each distinct set (in insertion order) once per push.
  const resolved = new Map<string, ResolvedLabels>();
  const stats: EncodeStats = { streams: 0, truncatedLines: 0, movedLabels: 0 };
  for (const entry of entries) {
    let raw = '';
    for (const name in entry.labels) raw += name + '\u0001' + entry.labels[name] + '\u0002';
    let labelSet = resolved.get(raw);
    if (!labelSet) resolved.set(raw, (labelSet = resolveLabels(entry.labels, options)));
    let group = streams.get(labelSet.key);
    if (!group) streams.set(labelSet.key, (group = { stream: { labels: labelSet.key, entries: [] }, ts: [] }));
    let line = entry.line;
    if (options.maxLineBytes > 0 && line.length * 3 > options.maxLineBytes && Buffer.byteLength(line) > options.maxLineBytes) {
      line = truncateUtf8(line, options.maxLineBytes);
      stats.truncatedLines++;
    }
    const seconds = entry.timestampNs / 1_000_000_000n;
    const wire: WireEntry = { timestamp: { seconds: Number(seconds), nanos: Number(entry.timestampNs - seconds * 1_000_000_000n) }, line };
    let metadata: { name: string; value: string }[] | undefined;
    for (const name in entry.structuredMetadata) (metadata ??= []).push({ name, value: entry.structuredMetadata[name]! });
    if (labelSet.moved.length > 0) {
      metadata = (metadata ?? []).concat(labelSet.moved);
      stats.movedLabels += labelSet.moved.length;
    }
    if (metadata) wire.structuredMetadata = metadata;
    group.stream.entries.push(wire);
    group.ts.push(entry.timestampNs);
  }
  const wireStreams: WireStream[] = [];
  for (const { stream, ts } of streams.values()) {
    if (!isSorted(ts)) {
      const order = ts.map((_, i) => i).sort((a, b) => (ts[a]! < ts[b]! ? -1 : ts[a]! > ts[b]! ? 1 : a - b));
      stream.entries = order.map((i) => stream.entries[i]!);
    }
    wireStreams.push(stream);
  }
  stats.streams = wireStreams.length;
  const raw = pushRequestType.encode({ streams: wireStreams }).finish();
  return { body: snappy.compress(raw), stats };
}

interface ResolvedLabels {
  /** The stream's label text, `{a="b"}`. */
  key: string;
  /** Labels past maxLabels, sent as structured metadata. */
  moved: { name: string; value: string }[];
}

function resolveLabels(entryLabels: Labels, options: EncodeOptions): ResolvedLabels {
  const { labels, moved } = streamLabels(entryLabels, options);
  return { key: formatLabels(labels), moved: Object.keys(moved).map((name) => ({ name, value: moved[name]! })) };
}

function streamLabels(entryLabels: Labels, options: EncodeOptions): { labels: Labels; moved: Labels } {
  const merged: Labels = {};
  const external = Object.keys(options.externalLabels).sort();
  const own = Object.keys(entryLabels).filter((n) => !n.startsWith('__') && !(n in options.externalLabels)).sort();
  const labels: Labels = {};
  const moved: Labels = {};
  let count = 0;
  for (const name of external) merged[name] = entryLabels[name] ?? options.externalLabels[name]!;
  for (const name of own) merged[name] = entryLabels[name]!;
  for (const name of [...external, ...own]) {
    const value = merged[name]!;
    if (value === '') continue; // Loki treats an empty value as an absent label
    const safe = sanitizeLabelName(name);
    if (count < options.maxLabels) {
      labels[safe] = value;
      count++;
    } else {
      moved[safe] = value;
    }
  }
  return { labels, moved };
}

function isSorted(ts: bigint[]): boolean {
  for (let i = 1; i < ts.length; i++) if (ts[i]! < ts[i - 1]!) return false;
  return true;
}

/** Cuts a string to at most `maxBytes` UTF-8 bytes without splitting a character. */
export function truncateUtf8(line: string, maxBytes: number): string {
  const bytes = Buffer.from(line, 'utf8');
  let end = maxBytes;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8');
}
