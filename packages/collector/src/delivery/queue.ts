/**
 * One consumed batch as its sink will send it, encoded once when the sink accepted it (Loki streams, an OTLP
 * request), so a queue holds compact bytes outside the JS heap instead of entry objects.
 */
export interface QueueRecord {
  readonly payload: Buffer;
  /** Entries (or OTLP spans and data points) in the payload. */
  readonly entries: number;
  /** The oldest entry timestamp in it, in ms since the epoch, for the propagation latency histogram. */
  readonly oldestMs: number;
}

/** What the sender read from the head of a queue; hand it back to ack() once delivered or given up. */
export interface QueueChunk {
  readonly records: readonly QueueRecord[];
  /** Payload bytes of the records. */
  readonly bytes: number;
}

export interface QueueDepth {
  entries: number;
  bytes: number;
}

/**
 * A bounded FIFO of records between a sink's consume() and its sender loop. read() hands out the next unread
 * records; several chunks may be out at once (parallel requests) and acked in any order: the queue frees, and a
 * disk queue persists as read, only the prefix in which every chunk was acked.
 * push() resolves once the record is stored (disk: written, and fsynced under `fsync: always`);
 * it rejects with QueueFullError when `capacity_bytes` would be exceeded and the queue is not empty.
 */
export interface DeliveryQueue {
  /** true when what the queue holds survives a restart (disk). */
  readonly durable: boolean;
  /** The `capacity_bytes` bound, in the same units as depth().bytes. */
  readonly capacityBytes: number;
  push(record: QueueRecord): Promise<void>;
  /** Reads from the unread head, at least one record and up to about `maxBytes` of payload; undefined when empty. */
  read(maxBytes: number): Promise<QueueChunk | undefined>;
  ack(chunk: QueueChunk): Promise<void>;
  /** Unacknowledged entries and bytes. */
  depth(): QueueDepth;
  /** Entries and bytes not yet handed out by read(). */
  unread(): QueueDepth;
  /** true from a push refused for want of room until the next ack: a producer waits, so the sender should not. */
  readonly refusing: boolean;
  /** Resolves on the next push, or after `timeoutMs`, or when the signal aborts. */
  waitForPush(timeoutMs: number, signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}
