import type { LogEntry } from '../entry';

/** The outcome of one delivery attempt; senders return it instead of throwing. */
export type SendResult =
  | { status: 'ok' }
  | { status: 'retryable'; error: Error; retryAfterMs?: number }
  | { status: 'rejected'; error: Error; reason: string };

/** Delivers entries to a backend once; wrappers (timeout, retry) compose around it. */
export type Send = (entries: readonly LogEntry[], signal: AbortSignal) => Promise<SendResult>;
