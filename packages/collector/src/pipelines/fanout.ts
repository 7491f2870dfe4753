import type { Consumer } from '../consumer';
import { cloneEntry, type LogBatch, type LogEntry } from '../entry';

/** One target and the entries it should take. */
export interface Delivery {
  target: Consumer<LogBatch>;
  entries: LogEntry[];
  /** The target changes entries in place (a pipeline); a sink only reads them while consume() runs. */
  changesEntries: boolean;
}

/** `pipelines.<id>` targets run stages that change entries in place; `sinks.<id>` targets encode them on consume. */
export function changesEntries(target: string): boolean {
  return target.startsWith('pipelines.');
}

/**
 * All-or-nothing: resolves when every target accepted its entries, rejects with the first error.
 * Targets that already accepted keep what they took, so a retried batch reaches them again: sinks
 * must tolerate duplicates on retry.
 *
 * No target sees another's changes: sinks are called first and read the entries before their consume() returns;
 * then each target that changes entries gets its own copy, the last one the entries themselves.
 */
export async function fanOut(deliveries: readonly Delivery[], signal: AbortSignal): Promise<void> {
  if (deliveries.length === 1) return deliveries[0].target.consume({ entries: deliveries[0].entries }, signal);
  const changers = deliveries.filter((d) => d.changesEntries);
  const calls = deliveries
    .filter((d) => !d.changesEntries)
    .map((d) => d.target.consume({ entries: d.entries.slice() }, signal));
  changers.forEach((d, i) =>
    calls.push(
      d.target.consume({ entries: i === changers.length - 1 ? d.entries : d.entries.map(cloneEntry) }, signal),
    ),
  );
  await Promise.all(calls);
}

/** The consumer of a `forward_to` list: fanOut over the targets, each pipeline among them taking its own copy. */
export function forwardTo(
  targets: readonly string[],
  resolve: (target: string) => Consumer<LogBatch>,
): Consumer<LogBatch> {
  const consumers = targets.map(resolve);
  if (consumers.length === 1) return consumers[0];
  const changers = targets.map(changesEntries);
  return {
    consume: (batch, signal) =>
      fanOut(
        consumers.map((target, t) => ({ target, entries: batch.entries, changesEntries: changers[t] })),
        signal,
      ),
  };
}

/** All-or-nothing fan-out of OTLP traces or metrics to sinks, which only read them: no copies. */
export function fanOutSignal<T>(targets: readonly Consumer<T>[]): Consumer<T> {
  if (targets.length === 1) return targets[0];
  return {
    async consume(batch, signal) {
      await Promise.all(targets.map((t) => t.consume(batch, signal)));
    },
  };
}
