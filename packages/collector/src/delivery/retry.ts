import type { Logger } from '../component';
import { abortableSleep } from './abortable-sleep';
import { backoffMs } from './backoff';
import type { RetryConfig } from './config';
import type { Send, SendResult } from './send';
import type { SinkMetrics } from './sink-metrics';

export interface RetryOptions {
  minBackoffMs: number;
  maxBackoffMs: number;
  /** Attempts after the first; 0 retries forever (until the signal aborts). */
  maxRetries: number;
  random?: () => number;
  /** Called before each wait, for the retries counter and a log line. */
  onRetry?: (result: SendResult & { status: 'retryable' }, attempt: number, waitMs: number) => void;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** RetryOptions from a sink's `retry:` block; each retry is counted and logged as `message` (e.g. "loki push failed"). */
export function retryOptions(
  config: RetryConfig,
  metrics: SinkMetrics,
  logger: Logger,
  sink: string,
  message: string,
): RetryOptions {
  return {
    minBackoffMs: config.min_backoff_ms,
    maxBackoffMs: config.max_backoff_ms,
    maxRetries: config.max_retries,
    onRetry: (result, attempt, waitMs) => {
      metrics.retries.inc();
      logger.warn(`${message}, retrying`, { sink, attempt: attempt + 1, waitMs, error: result.error.message });
    },
  };
}

/** Retries retryable results with exponential backoff + jitter, waiting the longer of backoff and Retry-After. */
export function withRetry<T>(send: Send<T>, options: RetryOptions): Send<T> {
  const sleep = options.sleep ?? abortableSleep;
  return async (batch, signal) => {
    for (let attempt = 0; ; attempt++) {
      const result = await send(batch, signal);
      if (result.status !== 'retryable') return result;
      if (options.maxRetries > 0 && attempt >= options.maxRetries) return result;
      if (signal.aborted) return result;
      const backoff = backoffMs(attempt, {
        minMs: options.minBackoffMs,
        maxMs: options.maxBackoffMs,
        random: options.random,
      });
      const waitMs = Math.max(backoff, result.retryAfterMs ?? 0);
      options.onRetry?.(result, attempt, waitMs);
      try {
        await sleep(waitMs, signal);
      } catch {
        return result;
      }
    }
  };
}
