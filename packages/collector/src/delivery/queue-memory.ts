import type { LogEntry } from '../entry';
import { QueueFullError } from '../errors';
import { PushWaiters } from './push-waiters';
import type { DeliveryQueue, QueueChunk, QueueDepth } from './queue';

const EMPTY: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;
const RELEASED: LogEntry[] = [];

interface MemoryRecord {
  entries: LogEntry[];
  bytes: number;
}

interface MemoryChunk extends QueueChunk {
  readonly records: number;
}

// In-process callers (file source) retry this soon; HTTP clients get at least 1 s (Retry-After is in seconds).
export const FULL_RETRY_AFTER_MS = 100;

export interface MemoryQueueOptions {
  capacityBytes: number;
}

/** A bounded in-process queue; what it holds is lost if the process dies. */
export function createMemoryQueue(options: MemoryQueueOptions): DeliveryQueue {
  return new MemoryQueue(options.capacityBytes);
}

class MemoryQueue implements DeliveryQueue {
  readonly durable = false;
  #records: MemoryRecord[] = [];
  #head = 0;
  #depth: QueueDepth = { entries: 0, bytes: 0 };
  #waiters = new PushWaiters();

  constructor(readonly capacityBytes: number) {}

  async push(entries: LogEntry[], bytes: number): Promise<void> {
    if (this.#depth.bytes > 0 && this.#depth.bytes + bytes > this.capacityBytes) {
      throw new QueueFullError(`queue full: ${this.#depth.bytes} of ${this.capacityBytes} bytes used`, FULL_RETRY_AFTER_MS);
    }
    // Keep only what a sink sends: the pipeline's extracted map would otherwise stay alive in the queue.
    const slim: LogEntry[] = new Array(entries.length);
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      slim[i] = { timestampNs: e.timestampNs, line: e.line, labels: e.labels, structuredMetadata: e.structuredMetadata, extracted: EMPTY };
    }
    this.#records.push({ entries: slim, bytes });
    this.#depth.entries += entries.length;
    this.#depth.bytes += bytes;
    this.#waiters.wake();
  }

  async read(maxBytes: number): Promise<QueueChunk | undefined> {
    if (this.#head >= this.#records.length) return undefined;
    const first = this.#records[this.#head]!;
    if (this.#head + 1 === this.#records.length || first.bytes >= maxBytes) {
      const chunk: MemoryChunk = { entries: first.entries, bytes: first.bytes, records: 1 };
      return chunk;
    }
    const entries: LogEntry[] = [];
    let bytes = 0;
    let records = 0;
    for (let i = this.#head; i < this.#records.length; i++) {
      const record = this.#records[i]!;
      if (records > 0 && bytes + record.bytes > maxBytes) break;
      for (const entry of record.entries) entries.push(entry);
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
      this.#depth.entries -= record.entries.length;
      this.#depth.bytes -= record.bytes;
      record.entries = RELEASED; // delivered entries must not stay reachable until the next compaction
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
