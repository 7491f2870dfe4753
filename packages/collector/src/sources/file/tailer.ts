import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Logger } from '../../component';
import type { Consumer } from '../../consumer';
import { copyLabels, nowNs, type Labels, type LogBatch, type LogEntry } from '../../entry';
import { Waiters } from '../../delivery/waiters';
import type { SourceMetrics } from '../source-metrics';
import type { FileSourceConfig } from './config';
import { emitBatch } from './emitter';
import { codecFor, followsByteOrderMark, type TextCodec } from './encoding';
import type { FilePosition, Positions } from './positions';
import { present } from '../../errors';

export interface TailerDeps {
  path: string;
  labels: Labels;
  config: FileSourceConfig;
  positions: Positions;
  next: Consumer<LogBatch>;
  metrics: SourceMetrics;
  logger: Logger;
  source: string;
  /** Aborted when the shutdown deadline passes: in-flight consume calls give up. */
  signal: AbortSignal;
}

/**
 * Follows one path: reads complete lines from the acknowledged offset, hands them on, and only then
 * moves and saves the offset. Handles rotation by rename (the old file is read to its end, then the
 * new one from 0), copytruncate (size below offset: restart at 0), and a partial last line (held until `\n`).
 */
export class Tailer {
  readonly path: string;
  #d: TailerDeps;
  #fd: fs.promises.FileHandle | undefined;
  #dev = 0;
  #ino = 0;
  #offset = 0;
  #size = 0;
  #skipping = false;
  #stopping = false;
  #finished = false;
  #goneSinceMs: number | undefined;
  #watcher: fs.FSWatcher | undefined;
  // Idle polling ends early on stop(), wake() and fs.watch events.
  readonly #wakers = new Waiters();
  #buffer: Buffer;
  // `UTF-16` without an order: decided by the first two bytes of the open file at its first read, see #codecAt.
  readonly #byFirstBytes: boolean;
  #codec: TextCodec | undefined;

  constructor(deps: TailerDeps) {
    this.#d = deps;
    this.path = deps.path;
    this.#buffer = Buffer.allocUnsafe(Math.max(deps.config.read_chunk_bytes, deps.config.max_line_size_bytes + 1));
    this.#byFirstBytes = followsByteOrderMark(deps.config.encoding);
    this.#codec = this.#byFirstBytes ? undefined : codecFor(deps.config.encoding);
  }

  /** True once the file vanished and was read to its end; the source then drops the tailer. */
  get finished(): boolean {
    return this.#finished;
  }

  /** Bytes in the file not yet acknowledged. */
  get lagBytes(): number {
    return Math.max(0, this.#size - this.#offset);
  }

  stop(): void {
    this.#stopping = true;
    this.#wakers.wake();
  }

  wake(): void {
    this.#wakers.wake();
  }

  /** Opens the file at its saved (or initial) position; false when it is gone. Call run() after. */
  async open(): Promise<boolean> {
    try {
      return await this.#open();
    } catch (err) {
      await this.#close();
      if (!this.#d.signal.aborted)
        this.#d.logger.error('cannot open file', {
          source: this.#d.source,
          path: this.path,
          error: (err as Error).message,
        });
      return false;
    }
  }

  /** Follows the file until stop() or until it vanished and was read to its end. */
  async run(): Promise<void> {
    try {
      while (!this.#stopping && !this.#finished) {
        const progressed = await this.#step();
        if (!progressed && !this.#stopping && !this.#finished) await this.#idle();
      }
    } catch (err) {
      if (!this.#d.signal.aborted)
        this.#d.logger.error('file tailer failed', {
          source: this.#d.source,
          path: this.path,
          error: (err as Error).message,
        });
    } finally {
      await this.#close();
    }
  }

  async #close(): Promise<void> {
    this.#watcher?.close();
    await this.#fd?.close().catch(() => undefined);
    this.#fd = undefined;
  }

  async #open(): Promise<boolean> {
    const saved = this.#d.positions.get(this.path);
    const fd = await fs.promises.open(this.path, 'r').catch(() => undefined);
    if (!fd) {
      this.#finished = true;
      return false;
    }
    this.#fd = fd;
    const st = await fd.stat();
    if (saved && (saved.ino !== st.ino || saved.dev !== st.dev)) await this.#finishRotatedAway(saved);
    this.#dev = st.dev;
    this.#ino = st.ino;
    this.#size = st.size;
    if (saved && saved.ino === st.ino && saved.dev === st.dev && saved.offset <= st.size) this.#offset = saved.offset;
    else this.#offset = saved ? 0 : this.#d.config.tail_from_end ? st.size : 0;
    this.#watch();
    await this.#commit();
    return true;
  }

  /** The file was rotated while the collector was down: finish the old inode if it is still in the folder. */
  async #finishRotatedAway(saved: FilePosition): Promise<void> {
    const dir = path.dirname(this.path);
    for (const name of await fs.promises.readdir(dir).catch(() => [] as string[])) {
      const candidate = path.join(dir, name);
      const st = await fs.promises.stat(candidate).catch(() => undefined);
      if (!st || st.ino !== saved.ino || st.dev !== saved.dev || st.size <= saved.offset) continue;
      const current = this.#fd;
      const fd = await fs.promises.open(candidate, 'r');
      this.#fd = fd;
      this.#dev = saved.dev;
      this.#ino = saved.ino;
      this.#offset = saved.offset;
      this.#size = st.size;
      this.#forgetByteOrder();
      try {
        while (!this.#stopping && (await this.#readAndEmit(true))) {
          /* read the rotated file to its end */
        }
      } finally {
        await fd.close();
        this.#fd = current;
        this.#forgetByteOrder();
      }
      return;
    }
  }

  /** The open file: set by #open before reading starts, replaced on rotation, cleared only by #close at the end. */
  #file(): fs.promises.FileHandle {
    return present(this.#fd, 'the tailed file handle');
  }

  async #step(): Promise<boolean> {
    const st = await this.#file().stat();
    this.#size = st.size;
    if (st.size < this.#offset) {
      this.#d.logger.info('file truncated; reading from the start', { source: this.#d.source, path: this.path });
      this.#offset = 0;
      this.#skipping = false;
      this.#forgetByteOrder();
      await this.#commit();
      return true;
    }
    if (st.size > this.#offset && (await this.#readAndEmit(false))) return true;
    const current = await fs.promises.stat(this.path).catch(() => undefined);
    if (current && (current.ino !== this.#ino || current.dev !== this.#dev)) {
      await this.#drain();
      if (this.#stopping) return false;
      await this.#switchTo(current);
      return true;
    }
    if (!current) {
      this.#goneSinceMs ??= Date.now();
      if (Date.now() - this.#goneSinceMs >= this.#d.config.removed_file_grace_ms) {
        await this.#drain();
        if (this.#stopping) return false;
        this.#finished = true;
        await this.#d.positions.forget(this.path);
      }
      return false;
    }
    this.#goneSinceMs = undefined;
    return false;
  }

  /** Reads the open file to its very end, including a last line without `\n`: it will not grow any more. */
  async #drain(): Promise<void> {
    for (;;) {
      const st = await this.#file().stat();
      this.#size = st.size;
      if (st.size <= this.#offset || this.#stopping) return;
      if (!(await this.#readAndEmit(true))) return;
    }
  }

  async #switchTo(st: fs.Stats): Promise<void> {
    const fd = await fs.promises.open(this.path, 'r').catch(() => undefined);
    if (!fd) return;
    await this.#fd?.close();
    const opened = await fd.stat();
    this.#fd = fd;
    this.#forgetByteOrder();
    this.#dev = opened.dev;
    this.#ino = opened.ino;
    this.#offset = 0;
    this.#size = opened.size;
    this.#skipping = false;
    this.#goneSinceMs = undefined;
    this.#d.logger.info('file rotated; following the new file', {
      source: this.#d.source,
      path: this.path,
      ino: st.ino,
    });
    this.#watch();
    await this.#commit();
  }

  /** Reads one chunk from the offset and hands its complete lines on; false when nothing could be handed on. */
  async #readAndEmit(final: boolean): Promise<boolean> {
    const { config, metrics } = this.#d;
    const available = this.#size - this.#offset;
    if (available <= 0) return false;
    let want = Math.min(config.read_chunk_bytes, available);
    const fd = this.#file();
    let { bytesRead } = await fd.read(this.#buffer, 0, want, this.#offset);
    const buf = this.#buffer;
    const codec = await this.#codecAt(bytesRead, final);
    if (codec === undefined) return false;
    if (bytesRead === want && want < available && codec.lastNewline(buf, 0, bytesRead) === -1) {
      // A line longer than read_chunk_bytes: widen the window up to max_line_size_bytes + 1 to find its end.
      want = Math.min(buf.length, available);
      ({ bytesRead } = await fd.read(buf, 0, want, this.#offset));
    }
    if (bytesRead === 0) return false;
    // A line's longest part kept, in whole code units.
    const maxLine = config.max_line_size_bytes - (config.max_line_size_bytes % codec.unit);
    let start = 0;
    if (this.#skipping) {
      const nl = codec.nextNewline(buf, 0, bytesRead);
      if (nl === -1) {
        this.#offset += bytesRead - (bytesRead % codec.unit);
        await this.#commit();
        return true;
      }
      this.#skipping = false;
      start = nl + codec.newlineBytes;
    }
    let end = codec.lastNewline(buf, start, bytesRead);
    let consumed: number;
    const lines: string[] = [];
    if (end === -1) {
      const rest = bytesRead - start;
      if (rest >= maxLine) {
        lines.push(codec.decode(buf, start, start + maxLine));
        metrics.truncated.inc();
        this.#skipping = true;
        consumed = bytesRead - (bytesRead % codec.unit);
      } else if (final && rest > 0 && this.#offset + bytesRead >= this.#size) {
        lines.push(stripCr(codec.decode(buf, start, bytesRead)));
        consumed = bytesRead;
      } else if (start > 0) {
        consumed = start;
      } else {
        return false;
      }
    } else {
      end += codec.newlineBytes;
      let from = start;
      while (from < end) {
        const nl = codec.nextNewline(buf, from, end);
        let lineEnd = nl;
        if (lineEnd - from > maxLine) {
          lineEnd = from + maxLine;
          metrics.truncated.inc();
        }
        lines.push(stripCr(codec.decode(buf, from, lineEnd)));
        from = nl + codec.newlineBytes;
      }
      consumed = end;
    }
    metrics.bytes.inc(consumed);
    if (lines.length > 0 && !(await this.#emit(lines))) return false;
    this.#offset += consumed;
    await this.#commit();
    return true;
  }

  /** A new file, or the same one rewritten from its start: its byte order is read again. */
  #forgetByteOrder(): void {
    if (this.#byFirstBytes) this.#codec = undefined;
  }

  /**
   * The codec for the chunk just read into the buffer. `UTF-16` without an order takes it from the file's first two
   * bytes: at offset 0 those of the chunk (undecided while the file holds fewer, unless it is read to its end), read
   * once from the file when it is resumed mid-way.
   */
  async #codecAt(bytesRead: number, final: boolean): Promise<TextCodec | undefined> {
    if (this.#codec !== undefined) return this.#codec;
    let head = this.#buffer.subarray(0, bytesRead);
    if (this.#offset > 0) {
      head = Buffer.alloc(2);
      head = head.subarray(0, (await this.#file().read(head, 0, 2, 0)).bytesRead);
    }
    if (head.length < 2 && !final) return undefined;
    this.#codec = codecFor(this.#d.config.encoding, head);
    return this.#codec;
  }

  #emit(lines: string[]): Promise<boolean> {
    return emitBatch(
      () => linesToEntries(lines, this.#d.labels),
      this.#d.next,
      this.#d.signal,
      this.#d.metrics,
      this.#d.logger,
      this.#d.source,
    );
  }

  #commit(): Promise<void> {
    return this.#d.positions.commit({
      path: this.path,
      dev: this.#dev,
      ino: this.#ino,
      offset: this.#offset,
      size: this.#size,
    });
  }

  #watch(): void {
    this.#watcher?.close();
    try {
      // Only a hint to wake early; polling stays the source of truth (fs.watch misses events on some filesystems).
      this.#watcher = fs.watch(this.path, { persistent: false }, () => this.#wakers.wake());
      this.#watcher.on('error', () => this.#watcher?.close());
    } catch {
      this.#watcher = undefined;
    }
  }

  #idle(): Promise<void> {
    return this.#wakers.wait(this.#d.config.poll_interval_ms);
  }
}

/** Entries stamped with the read time; consecutive nanoseconds keep the file's line order at the backend. */
export function linesToEntries(lines: readonly string[], labels: Labels): LogEntry[] {
  const base = nowNs();
  const entries: LogEntry[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++)
    entries[i] = {
      timestampNs: base + BigInt(i),
      line: lines[i],
      labels: copyLabels(labels),
      structuredMetadata: {},
      extracted: {},
    };
  return entries;
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
