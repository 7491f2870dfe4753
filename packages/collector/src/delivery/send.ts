import type { LogEntry } from '../entry';

/** The outcome of one delivery attempt; senders return it instead of throwing. */
export type SendResult =
  | { status: 'ok' }
  | { status: 'retryable'; error: Error; retryAfterMs?: number; delivered?: readonly LogEntry[] }
  | { status: 'rejected'; error: Error; reason: string; delivered?: readonly LogEntry[] };
// `delivered`: entries that did get through when one send made several requests (one per tenant); the rest failed.

/** Delivers entries to a backend once; wrappers (timeout, retry) compose around it. */
export type Send = (entries: readonly LogEntry[], signal: AbortSignal) => Promise<SendResult>;
