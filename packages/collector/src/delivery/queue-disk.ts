import * as fs from 'node:fs';
import * as path from 'node:path';
import { crc32 } from 'node:zlib';
import { present } from '../errors';
import { Waiters } from './waiters';
import { queueFull } from './queue-memory';
import type { DeliveryQueue, QueueChunk, QueueDepth, QueueRecord } from './queue';

export type FsyncPolicy = 'always' | 'never';

export interface DiskQueueOptions {
  /** Folder holding the segment files and the read pointer; created if missing. */
  dir: string;
  capacityBytes: number;
  /** `always`: push resolves after fdatasync (survives power loss); `never`: after write (survives SIGKILL). */
  fsync: FsyncPolicy;
  segmentBytes?: number;
  /** Told about torn or corrupt records found at open, which are cut off. */
  onCorruption?: (file: string, offset: number, lostBytes: number) => void;
}

interface Cursor {
  segment: number;
  offset: number;
}

interface DiskChunk extends QueueChunk {
  readonly end: Cursor;
  readonly fileBytes: number;
}

/** A chunk handed out by read(), in read order, until the acknowledged prefix passes it. */
interface OutstandingChunk {
  chunk: DiskChunk;
  acked: boolean;
}

// Record = [u32 payload length][u32 crc32 of what follows it][u32 entry count][f64 oldest ms][payload, as the sink encoded it].
const HEADER = 20;
const CHECKED_FROM = 8;
const POINTER_FILE = 'read-pointer.json';
const SEGMENT_RE = /^(\d{16})\.wal$/;

/**
 * A write-ahead log of segment files under `dir`, holding records as their sink encoded them. Records are appended (group commit: one write and
 * one fsync for every push waiting), read from a persisted read pointer that ack() moves atomically
 * (temp file + rename), and a torn tail left by a crash is cut off at open. Bounded by `capacityBytes`.
 */
export function createDiskQueue(options: DiskQueueOptions): DeliveryQueue {
  return new DiskQueue(options);
}

interface PendingPush {
  record: Buffer;
  entries: number;
  resolve(): void;
  reject(err: unknown): void;
}

class DiskQueue implements DeliveryQueue {
  readonly durable = true;
  readonly #dir: string;
  readonly #capacityBytes: number;
  readonly #fsync: FsyncPolicy;
  readonly #segmentBytes: number;
  /** Segment number -> bytes of complete records written. */
  readonly #segments = new Map<number, number>();
  #writeSegment: number;
  #writeFd: number;
  #committed: Cursor;
  #readCursor: Cursor;
  #outstanding: OutstandingChunk[] = [];
  #unread: QueueDepth = { entries: 0, bytes: 0 };
  /** Pointer writes one after another: two acks must not interleave temp file and rename. */
  #persisting: Promise<void> = Promise.resolve();
  #depth: QueueDepth = { entries: 0, bytes: 0 };
  #pending: PendingPush[] = [];
  #pendingBytes = 0;
  #flushing = false;
  #closed = false;
  #waiters = new Waiters();
  #acks = new Waiters();
  refusing = false;
  #readFd: { segment: number; fd: number } | undefined;

  constructor(options: DiskQueueOptions) {
    this.#dir = options.dir;
    this.#capacityBytes = options.capacityBytes;
    this.#fsync = options.fsync;
    this.#segmentBytes = options.segmentBytes ?? 16 * 1024 * 1024;
    fs.mkdirSync(this.#dir, { recursive: true });
    this.#committed = this.#readPointer();
    const numbers = fs
      .readdirSync(this.#dir)
      .flatMap((name) => {
        const m = SEGMENT_RE.exec(name);
        return m ? [Number(m[1])] : [];
      })
      .sort((a, b) => a - b);
    for (const n of numbers) {
      if (n < this.#committed.segment) {
        fs.rmSync(this.#segmentPath(n), { force: true }); // acked before a crash, not yet removed
        continue;
      }
      this.#segments.set(n, this.#scan(n, options.onCorruption));
    }
    if (!this.#segments.has(this.#committed.segment)) {
      const first = this.#segments.keys().next();
      this.#committed = { segment: first.done ? this.#committed.segment : first.value, offset: 0 };
    }
    this.#readCursor = { ...this.#committed };
    this.#unread = { ...this.#depth };
    const last = numbers.filter((n) => this.#segments.has(n)).pop();
    this.#writeSegment = last ?? this.#committed.segment;
    if (!this.#segments.has(this.#writeSegment)) this.#segments.set(this.#writeSegment, 0);
    this.#writeFd = fs.openSync(this.#segmentPath(this.#writeSegment), 'a');
  }

  get capacityBytes(): number {
    return this.#capacityBytes;
  }

  async push(queued: QueueRecord): Promise<void> {
    if (this.#closed) throw new Error('disk queue is closed');
    const { payload, entries } = queued;
    const record = Buffer.allocUnsafe(HEADER + payload.length);
    record.writeUInt32LE(payload.length, 0);
    record.writeUInt32LE(entries, 8);
    record.writeDoubleLE(queued.oldestMs, 12);
    payload.copy(record, HEADER);
    record.writeUInt32LE(crc32(record.subarray(CHECKED_FROM)), 4);
    const used = this.#depth.bytes + this.#pendingBytes;
    if (used > 0 && used + record.length > this.#capacityBytes) {
      this.refusing = true;
      this.#waiters.wake();
      throw queueFull(`disk queue full: ${used} of ${this.#capacityBytes} bytes used`, this.#acks);
    }
    this.#pendingBytes += record.length;
    const done = new Promise<void>((resolve, reject) => this.#pending.push({ record, entries, resolve, reject }));
    if (!this.#flushing) void this.#flush();
    return done;
  }

  async #flush(): Promise<void> {
    this.#flushing = true;
    while (this.#pending.length > 0) {
      const batch = this.#pending;
      this.#pending = [];
      try {
        const buffer = batch.length === 1 ? batch[0].record : Buffer.concat(batch.map((p) => p.record));
        await writeAll(this.#writeFd, buffer);
        if (this.#fsync === 'always')
          await new Promise<void>((res, rej) => fs.fdatasync(this.#writeFd, (err) => (err ? rej(err) : res())));
        const segmentSize =
          present(this.#segments.get(this.#writeSegment), 'the size of the segment being written') + buffer.length;
        this.#segments.set(this.#writeSegment, segmentSize);
        this.#pendingBytes -= buffer.length;
        for (const p of batch) {
          this.#depth.entries += p.entries;
          this.#unread.entries += p.entries;
        }
        this.#depth.bytes += buffer.length;
        this.#unread.bytes += buffer.length;
        if (segmentSize >= this.#segmentBytes) this.#rollSegment();
        for (const p of batch) p.resolve();
      } catch (err) {
        for (const p of batch) {
          this.#pendingBytes -= p.record.length;
          p.reject(err);
        }
      }
      this.#waiters.wake();
    }
    this.#flushing = false;
  }

  #rollSegment(): void {
    fs.closeSync(this.#writeFd);
    this.#writeSegment++;
    this.#segments.set(this.#writeSegment, 0);
    this.#writeFd = fs.openSync(this.#segmentPath(this.#writeSegment), 'a');
  }

  async read(maxBytes: number): Promise<QueueChunk | undefined> {
    const records: QueueRecord[] = [];
    let bytes = 0;
    let fileBytes = 0;
    const cursor = { ...this.#readCursor };
    while (bytes < maxBytes) {
      const size = this.#segments.get(cursor.segment);
      if (size === undefined) break;
      if (cursor.offset >= size) {
        if (cursor.segment === this.#writeSegment) break;
        cursor.segment++;
        cursor.offset = 0;
        continue;
      }
      const record = this.#readRecord(cursor.segment, cursor.offset);
      if (records.length > 0 && bytes + record.payload.length > maxBytes) break;
      records.push(record);
      bytes += record.payload.length;
      fileBytes += HEADER + record.payload.length;
      cursor.offset += HEADER + record.payload.length;
    }
    if (records.length === 0) return undefined;
    const chunk: DiskChunk = { records, bytes, end: cursor, fileBytes };
    this.#readCursor = { ...cursor };
    for (const record of records) this.#unread.entries -= record.entries;
    this.#unread.bytes -= fileBytes;
    this.#outstanding.push({ chunk, acked: false });
    return chunk;
  }

  #readRecord(segment: number, offset: number): QueueRecord {
    if (this.#readFd?.segment !== segment) {
      if (this.#readFd) fs.closeSync(this.#readFd.fd);
      this.#readFd = { segment, fd: fs.openSync(this.#segmentPath(segment), 'r') };
    }
    const fd = this.#readFd.fd;
    const header = Buffer.alloc(HEADER);
    fs.readSync(fd, header, 0, HEADER, offset);
    const payload = Buffer.alloc(header.readUInt32LE(0));
    fs.readSync(fd, payload, 0, payload.length, offset + HEADER);
    return { payload, entries: header.readUInt32LE(8), oldestMs: header.readDoubleLE(12) };
  }

  async ack(chunk: QueueChunk): Promise<void> {
    const out = this.#outstanding.find((o) => o.chunk === chunk);
    if (out) out.acked = true;
    let end: Cursor | undefined;
    while (this.#outstanding[0]?.acked) {
      const done = present(this.#outstanding.shift(), 'the acknowledged chunk').chunk;
      for (const record of done.records) this.#depth.entries -= record.entries;
      this.#depth.bytes -= done.fileBytes;
      end = done.end;
    }
    if (end === undefined) return; // an earlier chunk is still out: the pointer cannot move past it yet
    this.#committed = { ...end };
    const persisted = this.#persisting.then(() => this.#persist(end));
    this.#persisting = persisted.catch(() => undefined);
    await persisted;
    this.refusing = false;
    this.#acks.wake();
  }

  async #persist(end: Cursor): Promise<void> {
    const tmp = path.join(this.#dir, `${POINTER_FILE}.tmp`);
    await fs.promises.writeFile(tmp, JSON.stringify(end));
    await fs.promises.rename(tmp, path.join(this.#dir, POINTER_FILE));
    for (const n of [...this.#segments.keys()]) {
      if (n >= end.segment) break;
      this.#segments.delete(n);
      if (this.#readFd?.segment === n) {
        fs.closeSync(this.#readFd.fd);
        this.#readFd = undefined;
      }
      await fs.promises.rm(this.#segmentPath(n), { force: true });
    }
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
    if (this.#closed) return;
    this.#closed = true;
    while (this.#flushing) await new Promise((r) => setImmediate(r));
    fs.closeSync(this.#writeFd);
    if (this.#readFd) fs.closeSync(this.#readFd.fd);
    this.#readFd = undefined;
    this.#waiters.wake();
    this.#acks.wake();
  }

  #segmentPath(n: number): string {
    return path.join(this.#dir, `${String(n).padStart(16, '0')}.wal`);
  }

  #readPointer(): Cursor {
    try {
      const raw = JSON.parse(fs.readFileSync(path.join(this.#dir, POINTER_FILE), 'utf8')) as Partial<Cursor>;
      const { segment, offset } = raw;
      if (
        typeof segment === 'number' &&
        typeof offset === 'number' &&
        Number.isInteger(segment) &&
        Number.isInteger(offset)
      )
        return { segment, offset };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    return { segment: 1, offset: 0 };
  }

  /** Validates a segment's records, counts the unread ones, and cuts off a torn or corrupt tail. */
  #scan(n: number, onCorruption: DiskQueueOptions['onCorruption']): number {
    const file = this.#segmentPath(n);
    const data = fs.readFileSync(file);
    let offset = 0;
    const from = n === this.#committed.segment ? this.#committed.offset : 0;
    while (offset + HEADER <= data.length) {
      const len = data.readUInt32LE(offset);
      const end = offset + HEADER + len;
      if (end > data.length || crc32(data.subarray(offset + CHECKED_FROM, end)) !== data.readUInt32LE(offset + 4))
        break;
      if (offset >= from) {
        this.#depth.entries += data.readUInt32LE(offset + 8);
        this.#depth.bytes += HEADER + len;
      }
      offset = end;
    }
    if (offset < data.length) {
      fs.truncateSync(file, offset);
      onCorruption?.(file, offset, data.length - offset);
    }
    return offset;
  }
}

async function writeAll(fd: number, buffer: Buffer): Promise<void> {
  let written = 0;
  while (written < buffer.length) {
    written += await new Promise<number>((resolve, reject) =>
      fs.write(fd, buffer, written, buffer.length - written, null, (err, n) => (err ? reject(err) : resolve(n))),
    );
  }
}
