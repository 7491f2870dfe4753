import type { Consumer } from '../consumer';
import type { LogBatch, LogEntry } from '../entry';
import { waitFor } from '@obs/schema/testing';

/** Records every batch it accepts; accepts at once. For source tests. */
export interface MemoryConsumer extends Consumer<LogBatch> {
  readonly batches: LogBatch[];
  readonly entries: LogEntry[];
  lines(): string[];
  /** Resolves once at least `count` entries arrived. */
  waitForEntries(count: number, timeoutMs?: number): Promise<void>;
}

export function createMemoryConsumer(): MemoryConsumer {
  const batches: LogBatch[] = [];
  const entries: LogEntry[] = [];
  return {
    batches,
    entries,
    async consume(batch) {
      batches.push({ entries: [...batch.entries] });
      for (const entry of batch.entries) entries.push(entry);
    },
    lines: () => entries.map((e) => e.line),
    waitForEntries: (count, timeoutMs) =>
      waitFor(() => entries.length >= count, `${count} entries (have ${entries.length})`, timeoutMs),
  };
}
