import type { Logger } from '../component';
import type { Definition, RegisteredDefinition } from '../definition';
import type { Counter, Registry } from 'prom-client';
import type { LogEntry } from '../entry';

/** A compiled pipeline stage. Synchronous hot path; everything is compiled at config load. */
export interface Stage {
  /** Push 0..n entries to `out`; pushing none drops the entry, and the stage counts the reason. */
  process(entry: LogEntry, out: LogEntry[]): void;
  /**
   * Optional: the same as `process` on each entry in order, with the loop inside the stage so each
   * stage's loop sees one class (the chain calls it once per batch; stages without it get a per-entry loop).
   */
  processBatch?(entries: readonly LogEntry[], out: LogEntry[]): void;
  /**
   * Optional, for stages whose process always pushes the one entry it got: updates the entries in place,
   * as process would, and the chain hands the same list to the next stage instead of copying it.
   */
  updateBatch?(entries: readonly LogEntry[]): void;
  /** Only stages that hold entries back (multiline) implement this; called on a timer and at shutdown. */
  flush?(out: LogEntry[], nowNs: bigint): void;
}

/** A stage that holds entries back (cri, docker, multiline), so flush is always there. */
export type HoldingStage = Stage & Required<Pick<Stage, 'flush'>>;

/** Counters every stage shares, pre-resolved for its stage label so the hot path only calls inc(). */
export interface StageCounters {
  /** Entries whose parse failed (regex no match, bad JSON, bad timestamp...). Alloy hides these. */
  parseFailed: { inc(n?: number): void };
  /** Entries dropped, by reason (`drop_counter_reason`). */
  dropped(reason: string): { inc(n?: number): void };
}

export interface StageContext {
  /** Stable name for metrics, e.g. `transactions/2/regex`. */
  name: string;
  counters: StageCounters;
  registry: Registry;
  logger: Logger;
  /** Builds nested stages (match); provided by the pipeline builder. */
  buildStages(configs: unknown[], path: string): Stage[];
}

/** One stage type: the key it uses in YAML (`regex`), its zod config, and its compiler. */
export type StageDefinition<C> = Definition<C, Stage, StageContext>;

export type AnyStageDefinition = RegisteredDefinition<Stage, StageContext>;
export type { Counter };
