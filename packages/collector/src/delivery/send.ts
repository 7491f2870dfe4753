import type { QueueRecord } from './queue';

/** What got through when one send made several requests (one per tenant) and some of them failed. */
export interface Delivered {
  entries: number;
  bytes: number;
}

/** The outcome of one delivery attempt; senders return it instead of throwing. */
export type SendResult =
  | { status: 'ok' }
  | { status: 'retryable'; error: Error; retryAfterMs?: number; delivered?: Delivered }
  | {
      status: 'rejected';
      error: Error;
      reason: string;
      delivered?: Delivered;
      /** Set when the backend named how many of the sent entries it refused: it kept the others. */
      refusedEntries?: number;
    };

/** Delivers a batch (by default: queued records) to a backend once; wrappers (timeout, retry) compose around it. */
export type Send<T = readonly QueueRecord[]> = (batch: T, signal: AbortSignal) => Promise<SendResult>;
