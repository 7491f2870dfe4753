import { present, QueueFullError } from '../errors';
import { Waiters } from './waiters';
import type { DeliveryQueue, QueueChunk, QueueDepth, QueueRecord } from './queue';

interface MemoryChunk extends QueueChunk {
  /** Sequence number of its first record. */
  readonly first: number;
}

/** A queued record and where its payload sits in the ring (-1: outside it, see push). */
interface Slot {
  record: QueueRecord;
  start: number;
  acked: boolean;
}

// HTTP clients get at least 1 s (Retry-After is in seconds); in-process callers wait for `room` instead.
export const FULL_RETRY_AFTER_MS = 100;
// A source held back by a full queue looks again after an ack, or after this long at the latest.
const ROOM_WAIT_MS = 1000;

/** A QueueFullError whose `room` resolves on the queue's next ack. */
export function queueFull(message: string, acks: Waiters): QueueFullError {
  return new QueueFullError(message, FULL_RETRY_AFTER_MS, acks.wait(ROOM_WAIT_MS, { unref: true }));
}

export interface MemoryQueueOptions {
  capacityBytes: number;
}

/**
 * A bounded in-process queue; what it holds is lost if the process dies. Payloads are copied into one ring buffer
 * of `capacity_bytes`, so the queue's memory is fixed and a waiting batch leaves no garbage for the JS heap to
 * promote and collect later.
 */
export function createMemoryQueue(options: MemoryQueueOptions): DeliveryQueue {
  return new MemoryQueue(options.capacityBytes);
}

class MemoryQueue implements DeliveryQueue {
  readonly durable = false;
  // Untouched pages of the ring cost no RSS: allocated whole, resident only as far as it fills.
  readonly #ring: Buffer;
  #slots: (Slot | undefined)[] = [];
  /** Index in #slots of the oldest unacknowledged record, and of the next unread one. */
  #head = 0;
  #next = 0;
  /** Sequence number of #slots[0]: chunks name their records by sequence, which compaction does not change. */
  #base = 0;
  #unread: QueueDepth = { entries: 0, bytes: 0 };
  /** Where the next payload goes in the ring. */
  #write = 0;
  #depth: QueueDepth = { entries: 0, bytes: 0 };
  #waiters = new Waiters();
  #acks = new Waiters();
  refusing = false;

  constructor(readonly capacityBytes: number) {
    this.#ring = Buffer.allocUnsafeSlow(capacityBytes);
  }

  async push(record: QueueRecord): Promise<void> {
    const size = record.payload.length;
    const empty = this.#head === this.#slots.length;
    const start = empty || this.#depth.bytes + size <= this.capacityBytes ? this.#place(size) : undefined;
    if (start === undefined) {
      if (!empty) {
        this.refusing = true;
        this.#waiters.wake();
        throw queueFull(`queue full: ${this.#depth.bytes} of ${this.capacityBytes} bytes used`, this.#acks);
      }
      // One batch larger than the whole queue is still taken when the queue is empty; it keeps its own buffer.
      this.#slots.push({ record, start: -1, acked: false });
    } else {
      record.payload.copy(this.#ring, start);
      this.#write = start + size;
      this.#slots.push({
        record: { ...record, payload: this.#ring.subarray(start, start + size) },
        start,
        acked: false,
      });
    }
    this.#depth.entries += record.entries;
    this.#depth.bytes += size;
    this.#unread.entries += record.entries;
    this.#unread.bytes += size;
    this.#waiters.wake();
  }

  /** Where a payload of `size` bytes fits contiguously after the newest one and before the oldest, if anywhere. */
  #place(size: number): number | undefined {
    const oldest = this.#oldestStart();
    if (oldest === undefined) return size <= this.capacityBytes ? 0 : undefined;
    if (this.#write > oldest) {
      if (this.#write + size <= this.capacityBytes) return this.#write;
      return size <= oldest ? 0 : undefined;
    }
    return this.#write + size <= oldest ? this.#write : undefined;
  }

  /** Slots from #head on hold their records; only acknowledged ones before it are cleared. */
  #slot(i: number): Slot {
    return present(this.#slots[i], 'a queue slot at or after the oldest unacknowledged one');
  }

  #oldestStart(): number | undefined {
    for (let i = this.#head; i < this.#slots.length; i++) {
      const start = this.#slot(i).start;
      if (start >= 0) return start;
    }
    return undefined;
  }

  async read(maxBytes: number): Promise<QueueChunk | undefined> {
    const records: QueueRecord[] = [];
    let bytes = 0;
    let entries = 0;
    for (let i = this.#next; i < this.#slots.length; i++) {
      const { record } = this.#slot(i);
      if (records.length > 0 && bytes + record.payload.length > maxBytes) break;
      records.push(record);
      bytes += record.payload.length;
      entries += record.entries;
    }
    if (records.length === 0) return undefined;
    const chunk: MemoryChunk = { records, bytes, first: this.#base + this.#next };
    this.#next += records.length;
    this.#unread.entries -= entries;
    this.#unread.bytes -= bytes;
    return chunk;
  }

  /** The chunk's payloads are views of the ring: a sender is done with them when it acks. */
  async ack(chunk: QueueChunk): Promise<void> {
    const { first, records } = chunk as MemoryChunk;
    for (let i = 0; i < records.length; i++) this.#slot(first - this.#base + i).acked = true;
    const head = this.#head;
    while (this.#head < this.#next && this.#slot(this.#head).acked) {
      const { record } = this.#slot(this.#head);
      this.#depth.entries -= record.entries;
      this.#depth.bytes -= record.payload.length;
      this.#slots[this.#head++] = undefined;
    }
    if (this.#head === head) return; // an earlier chunk is still out: nothing is freed yet
    if (this.#head === this.#slots.length) this.#write = 0;
    // Compact now and then instead of shifting on every ack.
    if (this.#head >= 64 && this.#head * 2 > this.#slots.length) {
      this.#slots = this.#slots.slice(this.#head);
      this.#base += this.#head;
      this.#next -= this.#head;
      this.#head = 0;
    }
    this.refusing = false;
    this.#acks.wake();
  }

  depth(): QueueDepth {
    return { ...this.#depth };
  }

  unread(): QueueDepth {
    return { ...this.#unread };
  }

  waitForPush(timeoutMs: number, signal: AbortSignal): Promise<void> {
    return this.#waiters.wait(timeoutMs, { signal });
  }

  async close(): Promise<void> {
    this.#waiters.wake();
    this.#acks.wake();
  }
}
