import type { Logger, Sink } from '../component';
import type { LogBatch, LogEntry } from '../entry';
import { QueueFullError, ShutdownError } from '../errors';
import type { DeliveryQueue, QueueRecord } from './queue';
import type { Send } from './send';
import type { SinkMetrics } from './sink-metrics';

export interface QueuedSinkOptions {
  id: string;
  queue: DeliveryQueue;
  /** Encodes a consumed batch into the record the sender will send, once, when accepted; absent when fed by enqueue() only. */
  encode?: (entries: readonly LogEntry[]) => QueueRecord;
  /** Sends the records of one chunk, retries included (e.g. withRetry(withTimeout(post))). */
  send: Send;
  /** A batch is sent once this many bytes are queued... */
  batchSizeBytes: number;
  /** ...or once the first queued entry waited this long. */
  batchWaitMs: number;
  /** Batches in flight at once (default 1); more hide a backend's round-trip time. */
  parallelRequests?: number;
  overflow: 'block' | 'drop';
  metrics: SinkMetrics;
  logger: Logger;
  /** Called after entries are delivered or given up, e.g. so a file sink can close its handle. */
  onStop?: () => Promise<void>;
}

/** A sink whose queue also takes records encoded elsewhere (OTLP requests that are not log entries). */
export interface QueuedSink extends Sink {
  enqueue(record: QueueRecord): Promise<void>;
}

/**
 * A sink = consume() into its own bounded queue + one sender loop that batches by bytes and time and
 * sends through the retry chain. consume() encodes the batch as the sink will send it and resolves once it is
 * queued (disk: written), so a slow backend never stalls another sink, and a waiting batch is a few bytes per
 * entry outside the JS heap. shutdown() drains until its signal aborts; a disk queue keeps the rest.
 */
export function createQueuedSink(options: QueuedSinkOptions): QueuedSink {
  return new QueuedSinkImpl(options);
}

class QueuedSinkImpl implements QueuedSink {
  readonly id: string;
  readonly #o: QueuedSinkOptions;
  #stopping = false;
  #started = false;
  #stopped = false;
  #loop: Promise<void> | undefined;
  readonly #loopAbort = new AbortController();
  readonly #wake = new AbortController();

  constructor(options: QueuedSinkOptions) {
    this.id = options.id;
    this.#o = options;
    options.metrics.queueCapacityBytes.set(options.queue.capacityBytes);
    this.#updateDepth();
  }

  async consume(batch: LogBatch, _signal: AbortSignal): Promise<void> {
    if (this.#stopping) throw new ShutdownError(`sink ${this.id} is shutting down`);
    if (batch.entries.length === 0) return;
    if (!this.#o.encode) throw new Error(`sink ${this.id} takes no log entries`);
    await this.enqueue(this.#o.encode(batch.entries));
  }

  async enqueue(record: QueueRecord): Promise<void> {
    if (this.#stopping) throw new ShutdownError(`sink ${this.id} is shutting down`);
    try {
      await this.#o.queue.push(record);
    } catch (err) {
      if (err instanceof QueueFullError && this.#o.overflow === 'drop') {
        this.#o.metrics.dropped('queue_full').inc(record.entries);
        return;
      }
      throw err;
    } finally {
      this.#updateDepth();
    }
  }

  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    this.#loop = this.#run().catch((err: unknown) => {
      // Only the queue's own I/O can throw here (a send never does); what is queued stays for the next start.
      this.#o.logger.error('sink sender stopped: queue failed', { sink: this.id, error: (err as Error).message });
    });
  }

  async shutdown(signal: AbortSignal): Promise<void> {
    if (this.#stopped) return;
    this.#stopping = true;
    this.#wake.abort();
    const onAbort = (): void => this.#loopAbort.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) onAbort();
    try {
      await this.#loop;
    } finally {
      signal.removeEventListener('abort', onAbort);
      this.#stopped = true;
      const left = this.#o.queue.depth().entries;
      if (left > 0 && !this.#o.queue.durable) {
        this.#o.metrics.dropped('shutdown').inc(left);
        this.#o.logger.warn('sink stopped before its memory queue drained; entries lost', {
          sink: this.id,
          entries: left,
        });
      } else if (left > 0) {
        this.#o.logger.info('sink stopped; undelivered entries stay in its disk queue for the next start', {
          sink: this.id,
          entries: left,
        });
      }
      await this.#o.queue.close();
      await this.#o.onStop?.();
    }
  }

  /** Reads batches and keeps up to parallelRequests of them in flight; each is acked once delivered or given up. */
  async #run(): Promise<void> {
    const { queue, batchSizeBytes, batchWaitMs } = this.#o;
    const parallel = this.#o.parallelRequests ?? 1;
    const loopSignal = this.#loopAbort.signal;
    const wakeOrStop = AbortSignal.any([this.#wake.signal, loopSignal]);
    const inFlight = new Set<Promise<void>>();
    let failure: Error | undefined;
    let firstSeenMs: number | undefined;
    try {
      while (!loopSignal.aborted) {
        if (inFlight.size >= parallel) {
          await Promise.race(inFlight);
          continue;
        }
        const unread = queue.unread();
        if (unread.entries === 0) {
          firstSeenMs = undefined;
          if (this.#stopping) {
            if (inFlight.size === 0) return;
            await Promise.race(inFlight);
          } else {
            await queue.waitForPush(batchWaitMs, wakeOrStop);
          }
          continue;
        }
        firstSeenMs ??= Date.now();
        const waited = Date.now() - firstSeenMs;
        if (!this.#stopping && !queue.refusing && unread.bytes < batchSizeBytes && waited < batchWaitMs) {
          await queue.waitForPush(batchWaitMs - waited, wakeOrStop);
          continue;
        }
        const chunk = await queue.read(batchSizeBytes);
        if (!chunk) {
          firstSeenMs = undefined;
          continue;
        }
        const sending: Promise<void> = this.#deliver(chunk.records, chunk.bytes, loopSignal)
          .then(async (delivered) => {
            if (!delivered) return; // shutdown deadline hit mid-send: leave the chunk in the queue
            await queue.ack(chunk);
            this.#updateDepth();
          })
          .catch((err: unknown) => {
            // Only the queue's own I/O can fail here; stop the sender, and report it once the rest settled.
            failure ??= err instanceof Error ? err : new Error(String(err));
            this.#loopAbort.abort(err);
          })
          .finally(() => inFlight.delete(sending));
        inFlight.add(sending);
        firstSeenMs = queue.unread().entries > 0 ? Date.now() : undefined;
      }
    } finally {
      await Promise.allSettled(inFlight);
    }
    if (failure !== undefined) throw failure;
  }

  /** Returns false only when shutdown cut the attempt short; every other outcome is final for the chunk. */
  async #deliver(records: readonly QueueRecord[], bytes: number, signal: AbortSignal): Promise<boolean> {
    const { metrics, logger } = this.#o;
    let entries = 0;
    let oldestMs = Infinity;
    for (const record of records) {
      entries += record.entries;
      oldestMs = Math.min(oldestMs, record.oldestMs);
    }
    let result;
    try {
      result = await this.#o.send(records, signal);
    } catch (err) {
      if (signal.aborted) return false;
      result = { status: 'rejected' as const, error: err as Error, reason: 'send_error' };
    }
    if (result.status === 'ok') {
      metrics.sentEntries.inc(entries);
      metrics.sentBytes.inc(bytes);
      metrics.propagationLatency.observe(Math.max(0, Date.now() - oldestMs) / 1000);
      return true;
    }
    if (signal.aborted) return false;
    const reason = result.status === 'rejected' ? result.reason : 'max_retries';
    const delivered = result.delivered ?? { entries: 0, bytes: 0 };
    if (delivered.entries > 0) {
      metrics.sentEntries.inc(delivered.entries);
      metrics.sentBytes.inc(delivered.bytes);
    }
    metrics.dropped(reason).inc(entries - delivered.entries);
    logger.error('sink dropped a batch', {
      sink: this.id,
      entries: entries - delivered.entries,
      reason,
      error: result.error.message,
    });
    return true;
  }

  #updateDepth(): void {
    const depth = this.#o.queue.depth();
    this.#o.metrics.queueEntries.set(depth.entries);
    this.#o.metrics.queueBytes.set(depth.bytes);
  }
}

/** The oldest timestamp of a batch in ms, as a QueueRecord carries it. */
export function oldestMs(entries: readonly LogEntry[]): number {
  let min = entries[0].timestampNs;
  for (const e of entries) if (e.timestampNs < min) min = e.timestampNs;
  return Number(min / 1_000_000n);
}
