import type { Labels, LogEntry } from '../../entry';
import { LabelSetCache } from '../../labels/label-set-cache';
import { cutUtf8 } from '../../utf8';
import { formatLabels, sanitizeLabelName } from './labels';

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
  /** A logproto.PushRequest, not yet compressed. */
  body: Buffer;
  stats: EncodeStats;
}

/**
 * Builds a logproto.PushRequest (uncompressed; see joinPushRequests). Per entry: external labels are added
 * (entry labels win), `__`-prefixed labels are stripped, names are sanitised, labels past maxLabels (by sorted
 * name, external labels kept first) become structured metadata; entries are grouped per stream, sorted by time.
 */
export function encodePush(entries: readonly LogEntry[], options: EncodeOptions): EncodedPush {
  const streams = new Map<string, { labels: ResolvedLabels; members: number[] }>();
  const resolved = resolvedLabelSets(options);
  const stats: EncodeStats = { streams: 0, truncatedLines: 0, movedLabels: 0 };
  for (let i = 0; i < entries.length; i++) {
    const labelSet = resolved.get(entries[i].labels);
    let group = streams.get(labelSet.key);
    if (!group) streams.set(labelSet.key, (group = { labels: labelSet, members: [] }));
    group.members.push(i);
  }
  // Two passes over one buffer: sizes first (every length prefix known up front), then bytes, so a push
  // allocates one buffer instead of protobufjs' per-field operation objects.
  const lines = new Array<string>(entries.length);
  const lineBytes = new Int32Array(entries.length);
  const entrySizes = new Int32Array(entries.length);
  const seconds = new Float64Array(entries.length);
  const nanos = new Int32Array(entries.length);
  const groups = [...streams.values()];
  const streamSizes = new Float64Array(groups.length);
  const keyBytes = new Int32Array(groups.length);
  let total = 0;
  for (let g = 0; g < groups.length; g++) {
    const { labels, members } = groups[g];
    sortByTime(members, entries);
    keyBytes[g] = Buffer.byteLength(labels.key);
    let streamSize = fieldSize(keyBytes[g]);
    for (const i of members) {
      const entry = entries[i];
      let line = entry.line;
      if (options.maxLineBytes > 0) {
        line = cutUtf8(line, options.maxLineBytes);
        if (line !== entry.line) stats.truncatedLines++;
      }
      lines[i] = line;
      const s = entry.timestampNs / 1_000_000_000n;
      const n = Number(entry.timestampNs - s * 1_000_000_000n);
      // A Timestamp's nanos are 0..999999999 (BigInt division truncates toward zero before 1970).
      seconds[i] = n < 0 ? Number(s) - 1 : Number(s);
      nanos[i] = n < 0 ? n + 1_000_000_000 : n;
      let size = fieldSize(timestampSize(seconds[i], nanos[i]));
      if (line !== '') size += fieldSize((lineBytes[i] = Buffer.byteLength(line)));
      for (const name in entry.structuredMetadata) size += fieldSize(pairSize(name, entry.structuredMetadata[name]));
      for (const pair of labels.moved) size += fieldSize(pairSize(pair.name, pair.value));
      stats.movedLabels += labels.moved.length;
      entrySizes[i] = size;
      streamSize += fieldSize(size);
    }
    streamSizes[g] = streamSize;
    total += fieldSize(streamSize);
  }
  const buf = Buffer.allocUnsafe(total);
  let pos = 0;
  for (let g = 0; g < groups.length; g++) {
    const { labels, members } = groups[g];
    buf[pos++] = PUSH_STREAMS;
    pos = writeVarint(buf, pos, streamSizes[g]);
    buf[pos++] = STREAM_LABELS;
    pos = writeVarint(buf, pos, keyBytes[g]);
    pos += buf.write(labels.key, pos);
    for (const i of members) {
      const entry = entries[i];
      buf[pos++] = STREAM_ENTRIES;
      pos = writeVarint(buf, pos, entrySizes[i]);
      buf[pos++] = ENTRY_TIMESTAMP;
      pos = writeVarint(buf, pos, timestampSize(seconds[i], nanos[i]));
      if (seconds[i] !== 0) {
        buf[pos++] = TIMESTAMP_SECONDS;
        pos = writeSignedVarint(buf, pos, seconds[i]);
      }
      if (nanos[i] !== 0) {
        buf[pos++] = TIMESTAMP_NANOS;
        pos = writeSignedVarint(buf, pos, nanos[i]);
      }
      if (lines[i] !== '') {
        buf[pos++] = ENTRY_LINE;
        pos = writeVarint(buf, pos, lineBytes[i]);
        pos += buf.write(lines[i], pos);
      }
      for (const name in entry.structuredMetadata) pos = writePair(buf, pos, name, entry.structuredMetadata[name]);
      for (const pair of labels.moved) pos = writePair(buf, pos, pair.name, pair.value);
    }
  }
  if (pos !== total) throw new Error(`encodePush wrote ${pos} bytes, sized ${total}`);
  stats.streams = streams.size;
  return { body: buf, stats };
}

/**
 * Joins PushRequests built by encodePush into one, with one stream per label set (streams repeat across the
 * queued batches of a push). Works on the bytes: a stream's entries are copied, never decoded.
 */
export function joinPushRequests(bodies: readonly Buffer[]): Buffer {
  if (bodies.length === 1) return bodies[0];
  const streams = new Map<string, { labels: Buffer; parts: Buffer[]; size: number }>();
  for (const body of bodies) {
    let pos = 0;
    while (pos < body.length) {
      if (body[pos++] !== PUSH_STREAMS) throw new Error(`joinPushRequests: unexpected field at byte ${pos - 1}`);
      const [size, start] = readVarint(body, pos);
      const end = start + size;
      if (body[start] !== STREAM_LABELS)
        throw new Error(`joinPushRequests: a stream without labels first at byte ${start}`);
      const [labelsSize, labelsStart] = readVarint(body, start + 1);
      const labelsEnd = labelsStart + labelsSize;
      const key = body.toString('latin1', labelsStart, labelsEnd);
      let stream = streams.get(key);
      if (!stream)
        streams.set(
          key,
          (stream = { labels: body.subarray(labelsStart, labelsEnd), parts: [], size: fieldSize(labelsSize) }),
        );
      stream.parts.push(body.subarray(labelsEnd, end));
      stream.size += end - labelsEnd;
      pos = end;
    }
  }
  let total = 0;
  for (const stream of streams.values()) total += fieldSize(stream.size);
  const buf = Buffer.allocUnsafe(total);
  let pos = 0;
  for (const { labels, parts, size } of streams.values()) {
    buf[pos++] = PUSH_STREAMS;
    pos = writeVarint(buf, pos, size);
    buf[pos++] = STREAM_LABELS;
    pos = writeVarint(buf, pos, labels.length);
    pos += labels.copy(buf, pos);
    for (const part of parts) pos += part.copy(buf, pos);
  }
  return buf;
}

/** Reads a varint below 2^53 at `pos`; returns it and the position after it. */
function readVarint(buf: Buffer, pos: number): [number, number] {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = buf[pos++];
    if (byte === undefined) throw new Error('joinPushRequests: truncated varint');
    value += (byte & 127) * scale;
    if (byte < 128) return [value, pos];
    scale *= 128;
  }
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

/** Bytes of a length-delimited field (one-byte tag) whose content is `size` bytes. */
function fieldSize(size: number): number {
  return 1 + varintSize(size) + size;
}

function timestampSize(seconds: number, nanos: number): number {
  return (seconds !== 0 ? 1 + signedVarintSize(seconds) : 0) + (nanos !== 0 ? 1 + signedVarintSize(nanos) : 0);
}

function pairSize(name: string, value: string): number {
  return fieldSize(Buffer.byteLength(name)) + fieldSize(Buffer.byteLength(value));
}

function writePair(buf: Buffer, pos: number, name: string, value: string): number {
  const nameBytes = Buffer.byteLength(name);
  const valueBytes = Buffer.byteLength(value);
  buf[pos++] = ENTRY_METADATA;
  pos = writeVarint(buf, pos, fieldSize(nameBytes) + fieldSize(valueBytes));
  buf[pos++] = PAIR_NAME;
  pos = writeVarint(buf, pos, nameBytes);
  pos += buf.write(name, pos);
  buf[pos++] = PAIR_VALUE;
  pos = writeVarint(buf, pos, valueBytes);
  return pos + buf.write(value, pos);
}

/** Size of a non-negative integer below 2^53 as a varint. */
function varintSize(value: number): number {
  let size = 1;
  while (value >= 128) {
    value = Math.floor(value / 128);
    size++;
  }
  return size;
}

function writeVarint(buf: Buffer, pos: number, value: number): number {
  while (value >= 128) {
    buf[pos++] = (value % 128) | 128;
    value = Math.floor(value / 128);
  }
  buf[pos++] = value;
  return pos;
}

// int64 fields: a negative value is sent as its 64-bit two's complement, 10 varint bytes.
function signedVarintSize(value: number): number {
  return value < 0 ? 10 : varintSize(value);
}

function writeSignedVarint(buf: Buffer, pos: number, value: number): number {
  if (value >= 0) return writeVarint(buf, pos, value);
  let rest = BigInt.asUintN(64, BigInt(value));
  while (rest >= 128n) {
    buf[pos++] = Number(rest & 127n) | 128;
    rest >>= 7n;
  }
  buf[pos++] = Number(rest);
  return pos;
}

/** Sorts entry indexes by timestamp, keeping arrival order for equal timestamps; skips already-sorted runs. */
function sortByTime(members: number[], entries: readonly LogEntry[]): void {
  for (let k = 1; k < members.length; k++) {
    if (entries[members[k]].timestampNs < entries[members[k - 1]].timestampNs) {
      members.sort((a, b) => {
        const ta = entries[a].timestampNs;
        const tb = entries[b].timestampNs;
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
  if (cache === undefined)
    resolvedByOptions.set(options, (cache = new LabelSetCache((labels) => resolveLabels(labels, options))));
  return cache;
}

function resolveLabels(entryLabels: Labels, options: EncodeOptions): ResolvedLabels {
  const { labels, moved } = streamLabels(entryLabels, options);
  return { key: formatLabels(labels), moved: Object.keys(moved).map((name) => ({ name, value: moved[name] })) };
}

function streamLabels(entryLabels: Labels, options: EncodeOptions): { labels: Labels; moved: Labels } {
  const merged: Labels = {};
  const external = Object.keys(options.externalLabels).sort();
  const own = Object.keys(entryLabels)
    .filter((n) => !n.startsWith('__') && !(n in options.externalLabels))
    .sort();
  const labels: Labels = {};
  const moved: Labels = {};
  let count = 0;
  for (const name of external) merged[name] = entryLabels[name] ?? options.externalLabels[name];
  for (const name of own) merged[name] = entryLabels[name];
  for (const name of [...external, ...own]) {
    const value = merged[name];
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
