import type { ClassifyResult, Item } from '@obs/schema';

/** One item to classify, as POST /classify takes it (packages/schema `Item`); the client assigns `id` when absent. */
export type ClassifyItem = Item;

/** One answer from the sorter (or from the fallback hook), matched to its item by `id` (packages/schema `ClassifyResult`). */
export type { ClassifyResult };

/** Why an item was not answered by the sorter. Bounded: safe as a metric label. */
export type FallbackReason =
  | 'breaker_open'
  | 'timeout'
  | 'http_error'
  | 'network_error'
  | 'bad_response'
  | 'missing_result'
  | 'queue_full'
  | 'closed';

/** What `classify` resolves to; it never rejects. */
export type ClassifyOutcome =
  | { status: 'answered'; result: ClassifyResult }
  | { status: 'fallback'; result: ClassifyResult; reason: FallbackReason }
  | { status: 'unanswered'; reason: FallbackReason };

/** Called for items the sorter did not answer, each with the id the client gave it; returns a result per item (same order) or undefined to leave one unanswered. */
export type FallbackHook = (
  items: readonly (ClassifyItem & { id: string })[],
  reason: FallbackReason,
) => ReadonlyArray<ClassifyResult | undefined> | Promise<ReadonlyArray<ClassifyResult | undefined>>;

/** Hooks for metrics; every callback is optional and must not throw. */
export interface SorterClientObserver {
  /** One HTTP request finished (after its retries); a failed one with what went wrong (`sorter answered HTTP 401`)
   * and the HTTP status the sorter answered, if it answered. */
  requestFinished?(
    outcome: 'ok' | FallbackReason,
    items: number,
    durationSeconds: number,
    error?: string,
    status?: number,
  ): void;
  /** Items handed to the fallback hook (or left unanswered), by reason. */
  itemsFellBack?(reason: FallbackReason, items: number): void;
  breakerStateChanged?(state: 'closed' | 'open' | 'half_open'): void;
}
