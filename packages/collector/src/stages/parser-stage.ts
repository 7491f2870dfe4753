import type { LogEntry } from '../entry';
import type { Stage, StageCounters } from './stage';

/**
 * A stage that parses every entry into its extracted map and keeps it (regex, pattern, logfmt): one `parse` serves
 * the per-entry and the in-place batch path, and a batch's parse failures are counted once.
 */
export abstract class ParserStage implements Stage {
  constructor(protected readonly counters: StageCounters) {}

  /** Writes what it parsed; false when the input is missing or did not parse (a parse failure). */
  protected abstract parse(entry: LogEntry): boolean;

  process(entry: LogEntry, out: LogEntry[]): void {
    out.push(entry);
    if (!this.parse(entry)) this.counters.parseFailed.inc();
  }

  updateBatch(entries: readonly LogEntry[]): void {
    let failed = 0;
    for (let i = 0; i < entries.length; i++) if (!this.parse(entries[i])) failed++;
    if (failed > 0) this.counters.parseFailed.inc(failed);
  }
}
