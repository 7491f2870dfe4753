import type { LogEntry } from '../entry';

/** What the sender read from the head of a queue; hand it back to ack() once delivered or given up. */
export interface QueueChunk {
  readonly entries: LogEntry[];
  readonly bytes: number;
}

export interface QueueDepth {
  entries: number;
  bytes: number;
}

/**
 * A bounded FIFO between a sink's consume() and its sender loop. One reader: read() then ack() in turn.
 * push() resolves once the entries are stored (disk: written, and fsynced under `fsync: always`);
 * it rejects with QueueFullError when `capacity_bytes` would be exceeded and the queue is not empty.
 */
export interface DeliveryQueue {
  /** true when what the queue holds survives a restart (disk). */
  readonly durable: boolean;
  /** The `capacity_bytes` bound, in the same units as depth().bytes. */
  readonly capacityBytes: number;
  push(entries: LogEntry[], bytes: number): Promise<void>;
  /** Reads from the unread head, at least one record and up to about `maxBytes`; undefined when empty. */
  read(maxBytes: number): Promise<QueueChunk | undefined>;
  ack(chunk: QueueChunk): Promise<void>;
  /** Unacknowledged entries and bytes. */
  depth(): QueueDepth;
  /** Resolves on the next push, or after `timeoutMs`, or when the signal aborts. */
  waitForPush(timeoutMs: number, signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

/** Approximate size of an entry, as a queue and batcher count it: line plus label and metadata text. */
export function entryBytes(entry: LogEntry): number {
  let n = entry.line.length;
  for (const key in entry.labels) n += key.length + entry.labels[key]!.length;
  for (const key in entry.structuredMetadata) n += key.length + entry.structuredMetadata[key]!.length;
  return n;
}

export function batchBytes(entries: readonly LogEntry[]): number {
  let n = 0;
  for (const entry of entries) n += entryBytes(entry);
  return n;
}
