import type { Consumer } from '../consumer';
import type { LogBatch, LogEntry } from '../entry';

/** One target and the entries it should take. */
export interface Delivery {
  target: Consumer<LogBatch>;
  entries: LogEntry[];
}

/**
 * All-or-nothing: resolves when every target accepted its entries, rejects with the first error.
 * Targets that already accepted keep what they took, so a retried batch reaches them again: sinks
 * must tolerate duplicates on retry. Entries are shared read-only between targets.
 */
export async function fanOut(deliveries: readonly Delivery[], signal: AbortSignal): Promise<void> {
  if (deliveries.length === 1) return deliveries[0].target.consume({ entries: deliveries[0].entries }, signal);
  await Promise.all(deliveries.map((d) => d.target.consume({ entries: d.entries }, signal)));
}
