import { copyLabels, type Labels, type LogEntry } from '../entry';
import { QueueFullError } from '../errors';
import { LabelSetCache } from '../stages/label-set-cache';
import { PushWaiters } from './push-waiters';
import type { DeliveryQueue, QueueChunk, QueueDepth } from './queue';

/**
 * One pushed batch, kept as columns: a waiting entry outlives several scavenges, so every object it holds
 * gets promoted to old space. Columns hold no per-entry object besides the line (timestamps in a
 * BigInt64Array, one shared labels object per label set, no empty metadata maps); read() rebuilds
 * short-lived entries.
 */
interface MemoryRecord {
  lines: string[];
  timestamps: BigInt64Array;
  labels: Labels[];
  /** Per entry, or undefined for an entry without structured metadata. */
  metadata: (Record<string, string> | undefined)[];
  /** Timestamps outside int64 (by index), which `timestamps` cannot hold; almost always undefined. */
  wide: Map<number, bigint> | undefined;
  bytes: number;
}

interface MemoryChunk extends QueueChunk {
  readonly records: number;
}

const RELEASED_LINES: string[] = [];
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
const EMPTY: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

// In-process callers (file source) retry this soon; HTTP clients get at least 1 s (Retry-After is in seconds).
export const FULL_RETRY_AFTER_MS = 100;

export interface MemoryQueueOptions {
  capacityBytes: number;
}

/** A bounded in-process queue; what it holds is lost if the process dies. */
export function createMemoryQueue(options: MemoryQueueOptions): DeliveryQueue {
  return new MemoryQueue(options.capacityBytes);
}

function hasKeys(map: Record<string, string>): boolean {
  for (const _ in map) return true;
  return false;
}

class MemoryQueue implements DeliveryQueue {
  readonly durable = false;
  #records: MemoryRecord[] = [];
  #head = 0;
  #depth: QueueDepth = { entries: 0, bytes: 0 };
  #waiters = new PushWaiters();
  // Entries of one label set share one (unchanged) labels object while they wait: fewer objects to promote.
  readonly #labelSets = new LabelSetCache<Labels>(copyLabels);

  constructor(readonly capacityBytes: number) {}

  async push(entries: LogEntry[], bytes: number): Promise<void> {
    if (this.#depth.bytes > 0 && this.#depth.bytes + bytes > this.capacityBytes) {
      throw new QueueFullError(`queue full: ${this.#depth.bytes} of ${this.capacityBytes} bytes used`, FULL_RETRY_AFTER_MS);
    }
    // Keep only what a sink sends: the pipeline's extracted map would otherwise stay alive in the queue.
    const n = entries.length;
    const record: MemoryRecord = { lines: new Array<string>(n), timestamps: new BigInt64Array(n), labels: new Array<Labels>(n), metadata: new Array<Record<string, string> | undefined>(n), wide: undefined, bytes };
    for (let i = 0; i < n; i++) {
      const e = entries[i]!;
      record.lines[i] = e.line;
      const ts = e.timestampNs;
      if (ts > INT64_MAX || ts < INT64_MIN) (record.wide ??= new Map()).set(i, ts);
      else record.timestamps[i] = ts;
      record.labels[i] = this.#labelSets.get(e.labels);
      record.metadata[i] = hasKeys(e.structuredMetadata) ? e.structuredMetadata : undefined;
    }
    this.#records.push(record);
    this.#depth.entries += n;
    this.#depth.bytes += bytes;
    this.#waiters.wake();
  }

  async read(maxBytes: number): Promise<QueueChunk | undefined> {
    if (this.#head >= this.#records.length) return undefined;
    const entries: LogEntry[] = [];
    let bytes = 0;
    let records = 0;
    for (let i = this.#head; i < this.#records.length; i++) {
      const record = this.#records[i]!;
      if (records > 0 && bytes + record.bytes > maxBytes) break;
      appendEntries(record, entries);
      bytes += record.bytes;
      records++;
    }
    const chunk: MemoryChunk = { entries, bytes, records };
    return chunk;
  }

  async ack(chunk: QueueChunk): Promise<void> {
    const { records } = chunk as MemoryChunk;
    for (let i = 0; i < records; i++) {
      const record = this.#records[this.#head + i]!;
      this.#depth.entries -= record.lines.length;
      this.#depth.bytes -= record.bytes;
      // Delivered lines must not stay reachable until the next compaction.
      record.lines = RELEASED_LINES;
      record.labels = [];
      record.metadata = [];
    }
    this.#head += records;
    // Compact now and then instead of shifting on every ack.
    if (this.#head >= 64 && this.#head * 2 > this.#records.length) {
      this.#records = this.#records.slice(this.#head);
      this.#head = 0;
    }
  }

  depth(): QueueDepth {
    return { ...this.#depth };
  }

  waitForPush(timeoutMs: number, signal: AbortSignal): Promise<void> {
    return this.#waiters.wait(timeoutMs, signal);
  }

  async close(): Promise<void> {
    this.#waiters.wake();
  }
}

/** Rebuilds a record's entries (young objects that die once sent) onto `out`. */
function appendEntries(record: MemoryRecord, out: LogEntry[]): void {
  const { lines, timestamps, labels, metadata, wide } = record;
  for (let i = 0; i < lines.length; i++) {
    out.push({ timestampNs: wide?.get(i) ?? timestamps[i]!, line: lines[i]!, labels: labels[i]!, structuredMetadata: metadata[i] ?? {}, extracted: EMPTY });
  }
}
