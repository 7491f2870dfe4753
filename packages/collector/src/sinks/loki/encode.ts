import * as snappy from 'snappyjs';
import type { Labels, LogEntry } from '../../entry';
import { LabelSetCache } from '../../stages/label-set-cache';
import { formatLabels, sanitizeLabelName } from './labels';
import * as protobuf from 'protobufjs';

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
  const streams = new Map<string, { labels: ResolvedLabels; members: number[] }>();
  const resolved = resolvedLabelSets(options);
  const stats: EncodeStats = { streams: 0, truncatedLines: 0, movedLabels: 0 };
  for (let i = 0; i < entries.length; i++) {
    const labelSet = resolved.get(entries[i]!.labels);
    let group = streams.get(labelSet.key);
    if (!group) streams.set(labelSet.key, (group = { labels: labelSet, members: [] }));
    group.members.push(i);
  }
  // Written field by field with protobufjs' Writer: no intermediate message objects per entry.
  const w = protobuf.Writer.create();
  for (const { labels, members } of streams.values()) {
    sortByTime(members, entries);
    w.uint32(PUSH_STREAMS).fork();
    w.uint32(STREAM_LABELS).string(labels.key);
    for (const i of members) {
      const entry = entries[i]!;
      let line = entry.line;
      if (options.maxLineBytes > 0 && line.length * 3 > options.maxLineBytes && Buffer.byteLength(line) > options.maxLineBytes) {
        line = truncateUtf8(line, options.maxLineBytes);
        stats.truncatedLines++;
      }
      const seconds = entry.timestampNs / 1_000_000_000n;
      const nanos = Number(entry.timestampNs - seconds * 1_000_000_000n);
      w.uint32(STREAM_ENTRIES).fork();
      w.uint32(ENTRY_TIMESTAMP).fork();
      if (seconds !== 0n) w.uint32(TIMESTAMP_SECONDS).int64(Number(seconds));
      if (nanos !== 0) w.uint32(TIMESTAMP_NANOS).int32(nanos);
      w.ldelim();
      if (line !== '') w.uint32(ENTRY_LINE).string(line);
      for (const name in entry.structuredMetadata) writePair(w, name, entry.structuredMetadata[name]!);
      for (const pair of labels.moved) writePair(w, pair.name, pair.value);
      stats.movedLabels += labels.moved.length;
      w.ldelim();
    }
    w.ldelim();
  }
  stats.streams = streams.size;
  return { body: snappy.compress(w.finish()), stats };
}

// Field tags (field number << 3 | wire type 2 = length-delimited, 0 = varint) of logproto.PushRequest.
const PUSH_STREAMS = (1 << 3) | 2;
const STREAM_LABELS = (1 << 3) | 2;
const STREAM_ENTRIES = (2 << 3) | 2;
const ENTRY_TIMESTAMP = (1 << 3) | 2;
const ENTRY_LINE = (2 << 3) | 2;
const ENTRY_METADATA = (3 << 3) | 2;
const TIMESTAMP_SECONDS = 1 << 3;
const TIMESTAMP_NANOS = 2 << 3;
const PAIR_NAME = (1 << 3) | 2;
const PAIR_VALUE = (2 << 3) | 2;

function writePair(w: protobuf.Writer, name: string, value: string): void {
  w.uint32(ENTRY_METADATA).fork().uint32(PAIR_NAME).string(name).uint32(PAIR_VALUE).string(value).ldelim();
}

/** Sorts entry indexes by timestamp, keeping arrival order for equal timestamps; skips already-sorted runs. */
function sortByTime(members: number[], entries: readonly LogEntry[]): void {
  for (let k = 1; k < members.length; k++) {
    if (entries[members[k]!]!.timestampNs < entries[members[k - 1]!]!.timestampNs) {
      members.sort((a, b) => {
        const ta = entries[a]!.timestampNs;
        const tb = entries[b]!.timestampNs;
        return ta < tb ? -1 : ta > tb ? 1 : a - b;
      });
      return;
    }
  }
}

interface ResolvedLabels {
  /** The stream's label text, `{a="b"}`. */
  key: string;
  /** Labels past maxLabels, sent as structured metadata. */
  moved: { name: string; value: string }[];
}

// Label sets repeat across entries and pushes: each distinct set is resolved once per sink (its options).
const resolvedByOptions = new WeakMap<EncodeOptions, LabelSetCache<ResolvedLabels>>();

function resolvedLabelSets(options: EncodeOptions): LabelSetCache<ResolvedLabels> {
  let cache = resolvedByOptions.get(options);
  if (cache === undefined) resolvedByOptions.set(options, (cache = new LabelSetCache((labels) => resolveLabels(labels, options))));
  return cache;
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

/** Cuts a string to at most `maxBytes` UTF-8 bytes without splitting a character. */
export function truncateUtf8(line: string, maxBytes: number): string {
  const bytes = Buffer.from(line, 'utf8');
  let end = maxBytes;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8');
}
