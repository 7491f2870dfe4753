/** Why a datagram or message was dropped: the `reason` of collector_source_dropped_lines_total. */
export type GelfDropReason =
  | 'invalid_chunk'
  | 'incomplete_message'
  | 'too_many_open_messages'
  | 'too_large'
  | 'invalid_compression'
  | 'invalid_json'
  | 'receive_buffer_full';

export class GelfError extends Error {
  override name = 'GelfError';
  constructor(
    readonly reason: GelfDropReason,
    message: string,
  ) {
    super(message);
  }
}

// GELF chunk header: magic 0x1e 0x0f, an 8-byte message id, the sequence number and the sequence count.
const HEADER_BYTES = 12;
const MAX_CHUNKS = 128;

export function isChunk(datagram: Buffer): boolean {
  return datagram.length >= 2 && datagram[0] === 0x1e && datagram[1] === 0x0f;
}

interface OpenMessage {
  parts: (Buffer | undefined)[];
  received: number;
  bytes: number;
  firstAtMs: number;
}

export interface ChunkLimits {
  maxMessageBytes: number;
  timeoutMs: number;
  maxOpenMessages: number;
}

/**
 * Reassembles chunked GELF messages. A message is complete when every sequence number of its count has arrived (a
 * repeated chunk is ignored); one that does not complete within the timeout, or is the oldest when too many are open,
 * is dropped and reported by `expire`/`push`. Memory is bounded by maxOpenMessages × maxMessageBytes.
 */
export class ChunkAssembler {
  // Insertion order is arrival order of each message's first chunk: the first key is the oldest.
  readonly #open = new Map<string, OpenMessage>();

  constructor(readonly limits: ChunkLimits) {}

  get openMessages(): number {
    return this.#open.size;
  }

  /**
   * Adds one chunk; returns the whole payload once its last chunk arrived. Throws GelfError for a chunk that cannot
   * belong to a message; `onDrop` hears of messages evicted to make room.
   */
  push(datagram: Buffer, nowMs: number, onDrop: (err: GelfError) => void): Buffer | undefined {
    if (datagram.length <= HEADER_BYTES) throw new GelfError('invalid_chunk', 'chunk shorter than its 12-byte header');
    const id = datagram.toString('hex', 2, 10);
    const seq = datagram[10];
    const count = datagram[11];
    if (count === 0 || count > MAX_CHUNKS)
      throw new GelfError('invalid_chunk', `sequence count ${count} is not within 1..${MAX_CHUNKS}`);
    if (seq >= count) throw new GelfError('invalid_chunk', `sequence number ${seq} is not below its count ${count}`);
    let msg = this.#open.get(id);
    if (msg === undefined) {
      while (this.#open.size >= this.limits.maxOpenMessages) {
        const [oldest] = this.#open.keys();
        this.#open.delete(oldest);
        onDrop(
          new GelfError(
            'too_many_open_messages',
            `chunked message ${oldest} dropped: ${this.limits.maxOpenMessages} messages were being reassembled (max_open_messages)`,
          ),
        );
      }
      msg = { parts: new Array<Buffer | undefined>(count).fill(undefined), received: 0, bytes: 0, firstAtMs: nowMs };
      this.#open.set(id, msg);
    } else if (msg.parts.length !== count) {
      this.#open.delete(id);
      throw new GelfError(
        'invalid_chunk',
        `chunk of message ${id} says ${count} chunks, an earlier one ${msg.parts.length}`,
      );
    }
    if (msg.parts[seq] !== undefined) return undefined;
    const body = datagram.subarray(HEADER_BYTES);
    msg.bytes += body.length;
    if (msg.bytes > this.limits.maxMessageBytes) {
      this.#open.delete(id);
      throw new GelfError(
        'too_large',
        `chunked message ${id} is over max_message_bytes (${this.limits.maxMessageBytes})`,
      );
    }
    msg.parts[seq] = Buffer.from(body); // the datagram's buffer is not ours to keep
    msg.received++;
    if (msg.received < count) return undefined;
    this.#open.delete(id);
    return Buffer.concat(msg.parts as Buffer[], msg.bytes);
  }

  /** Drops messages whose first chunk is older than the timeout; returns one error per dropped message. */
  expire(nowMs: number): GelfError[] {
    const dropped: GelfError[] = [];
    for (const [id, msg] of this.#open) {
      if (nowMs - msg.firstAtMs < this.limits.timeoutMs) break; // the rest arrived later
      this.#open.delete(id);
      dropped.push(
        new GelfError(
          'incomplete_message',
          `chunked message ${id} dropped: ${msg.received} of ${msg.parts.length} chunks arrived within ${this.limits.timeoutMs} ms`,
        ),
      );
    }
    return dropped;
  }
}
