import type { Registry } from 'prom-client';
import type { Logger } from '../component';
import type { StageConfig } from '../schema/collector-config';
import type { LogEntry } from '../entry';
import { createStageMetrics, type StageMetrics } from './counters';
import * as registry from './registry';
import type { Stage, StageContext } from './stage';

/** A compiled stage with its counters and its metrics name (`2/regex`, nested `3/0/static_labels`). */
export interface CompiledStage {
  name: string;
  type: string;
  stage: Stage;
  metrics: StageMetrics;
}

/**
 * Stages run in order over a list of entries, each stage over the whole list before the next, so
 * counters are incremented once per stage per batch. A stage that keeps every entry updates the list in
 * place; any other writes into a fresh array: emptying a kept one (`length = 0`) drops its storage in V8,
 * and pushing into it again measured twice as slow.
 */
export class StageChain implements Stage {
  readonly #stages: CompiledStage[];
  readonly #single: LogEntry[] = [];
  readonly #flushable: boolean;

  /** Set when every stage keeps every entry: the chain then updates a list in place too (match uses it). */
  readonly updateBatch: ((entries: readonly LogEntry[]) => void) | undefined;

  constructor(stages: CompiledStage[]) {
    this.#stages = stages;
    this.#flushable = stages.some((s) => s.stage.flush !== undefined);
    this.updateBatch = stages.every((s) => s.stage.updateBatch !== undefined)
      ? (entries) => {
          for (let i = 0; i < stages.length; i++) this.#updateAt(i, entries);
        }
      : undefined;
  }

  get stages(): readonly CompiledStage[] {
    return this.#stages;
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    this.#single.length = 0;
    this.#single.push(entry);
    this.run(this.#single, out, 0);
  }

  processBatch(entries: readonly LogEntry[], out: LogEntry[]): void {
    this.run(entries, out, 0);
  }

  /** Runs entries through stages `from`.. and appends the survivors to `out`. */
  run(input: readonly LogEntry[], out: LogEntry[], from = 0): void {
    const made = this.#through(input, from, out);
    if (made === out) return;
    const survivors = made ?? input;
    for (let j = 0; j < survivors.length; j++) out.push(survivors[j]);
  }

  /** Runs a batch through every stage and returns the survivors in a new list. */
  runBatch(entries: readonly LogEntry[]): LogEntry[] {
    return this.#through(entries, 0) ?? entries.slice();
  }

  /**
   * Runs stages `from`.. over `input`. Returns the list the survivors ended up in (`out` when given and
   * the last stage wrote to it), or undefined when every stage updated `input` in place.
   */
  #through(input: readonly LogEntry[], from: number, out?: LogEntry[]): LogEntry[] | undefined {
    let current = input;
    let made: LogEntry[] | undefined;
    const last = this.#stages.length - 1;
    for (let i = from; i <= last; i++) {
      const { stage, metrics } = this.#stages[i];
      if (stage.updateBatch !== undefined) {
        this.#updateAt(i, current);
        continue;
      }
      if (current.length > 0) metrics.entriesIn.inc(current.length);
      const next = i === last && out !== undefined ? out : [];
      const before = next.length;
      if (stage.processBatch !== undefined) stage.processBatch(current, next);
      else for (let j = 0; j < current.length; j++) stage.process(current[j], next);
      if (next.length > before) metrics.entriesOut.inc(next.length - before);
      current = made = next;
    }
    return made;
  }

  /** Runs stage `i`, which keeps every entry, over `entries` in place. */
  #updateAt(i: number, entries: readonly LogEntry[]): void {
    const { stage, metrics } = this.#stages[i];
    stage.updateBatch?.(entries);
    if (entries.length === 0) return;
    metrics.entriesIn.inc(entries.length);
    metrics.entriesOut.inc(entries.length);
  }

  get flush(): Stage['flush'] {
    return this.#flushable ? (out, now) => this.#flushFrom(out, now) : undefined;
  }

  #flushFrom(out: LogEntry[], now: bigint): void {
    for (let i = 0; i < this.#stages.length; i++) {
      const { stage, metrics } = this.#stages[i];
      if (!stage.flush) continue;
      const released: LogEntry[] = [];
      stage.flush(released, now);
      if (released.length === 0) continue;
      metrics.entriesOut.inc(released.length);
      this.run(released, out, i + 1);
    }
  }
}

export interface StageBuildContext {
  pipeline: string;
  registry: Registry;
  logger: Logger;
  /** Counters per stage; the registry's `collector_stage_*` counters unless a caller (dry-run --inspect) records them itself. */
  metrics?: (pipeline: string, stage: string) => StageMetrics;
}

/** Compiles validated stage configs with the stage registry; `path` prefixes metric names of nested stages. */
export function buildStageChain(configs: readonly StageConfig[], path: string, ctx: StageBuildContext): StageChain {
  const compiled = configs.map((c, i) => {
    const name = `${path}${i}/${c.type}`;
    const definition = registry.stageDefinitions[c.type];
    if (!definition) throw new Error(`stage type ${c.type} is not registered`);
    const metrics = ctx.metrics
      ? ctx.metrics(ctx.pipeline, name)
      : createStageMetrics(ctx.registry, ctx.pipeline, name);
    const stageCtx: StageContext = {
      name: `${ctx.pipeline}/${name}`,
      counters: metrics,
      registry: ctx.registry,
      logger: ctx.logger,
      buildStages: (nested, nestedPath) => [
        buildStageChain(nested as StageConfig[], `${name}/${nestedPath ? nestedPath + '/' : ''}`, ctx),
      ],
    };
    return { name, type: c.type, stage: definition.create(c.config, stageCtx), metrics };
  });
  return new StageChain(compiled);
}
