import type { Logger } from '../../component';
import type { Consumer } from '../../consumer';
import type { LogBatch, LogEntry } from '../../entry';
import { PermanentError, QueueFullError, RetryableError, ShutdownError } from '../../errors';
import { abortableSleep } from '../../delivery/abortable-sleep';
import { backoffMs } from '../../delivery/backoff';
import type { SourceMetrics } from '../source-metrics';

/**
 * Hands a batch to the next step and waits until it is accepted: retryable refusals (full queue,
 * back pressure) are retried with the announced delay; only a PermanentError gives the batch up.
 * Returns false when the source is stopping, so the caller must not advance its position.
 * Each attempt gets fresh entries from `build`: pipelines change entries in place, so a refused batch is not reusable.
 */
export async function emitBatch(
  build: () => LogEntry[],
  next: Consumer<LogBatch>,
  signal: AbortSignal,
  metrics: SourceMetrics,
  logger: Logger,
  source: string,
): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    if (signal.aborted) return false;
    const entries = build();
    try {
      await next.consume({ entries }, signal);
      metrics.lines.inc(entries.length);
      return true;
    } catch (err) {
      if (signal.aborted || err instanceof ShutdownError) return false;
      if (err instanceof PermanentError) {
        metrics.dropped('rejected').inc(entries.length);
        logger.error('next step rejected a batch permanently; skipping it', {
          source,
          entries: entries.length,
          error: err.message,
        });
        return true;
      }
      metrics.retries.inc();
      if (err instanceof QueueFullError && err.room) {
        // A full queue is back pressure, not a failure: look again once the sink delivered something.
        attempt = -1;
        if (!(await untilAborted(err.room, signal))) return false;
        continue;
      }
      const wait = Math.max(
        err instanceof RetryableError ? (err.retryAfterMs ?? 0) : 0,
        backoffMs(attempt, { minMs: 50, maxMs: 5000 }),
      );
      if (!(err instanceof RetryableError))
        logger.error('next step failed; retrying the batch', { source, error: (err as Error).message });
      try {
        await abortableSleep(wait, signal);
      } catch {
        return false;
      }
    }
  }
}

/** Waits for `event`; false when the signal aborted first. */
function untilAborted(event: Promise<void>, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => resolve(false);
    signal.addEventListener('abort', onAbort, { once: true });
    void event.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(!signal.aborted);
    });
  });
}
