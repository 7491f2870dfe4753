import { z } from 'zod';
import { selectorSchema } from '../schema/selector';
import { stageListSchema } from './registry';
import type { LogEntry } from '../entry';
import type { LogSelector } from '../logql';
import type { Stage, StageContext, StageDefinition } from './stage';

const config = z
  .strictObject({
    selector: selectorSchema,
    action: z
      .enum(['keep', 'drop'])
      .default('keep')
      .describe('`keep`: run the nested stages on matching entries; `drop`: drop matching entries.'),
    drop_counter_reason: z
      .string()
      .min(1)
      .default('match_stage')
      .describe('Reason label on the dropped-entries counter with `action: drop`.'),
    pipeline_name: z.string().min(1).optional().describe('Name of the nested pipeline in stage metric labels.'),
    stages: z
      .lazy(() => stageListSchema)
      .optional()
      .describe('Stages run on matching entries (`action: keep` only).'),
  })
  .superRefine((c, ctx) => {
    if (c.action === 'keep' && (c.stages === undefined || c.stages.length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['stages'], message: '`action: keep` needs at least one nested stage' });
    }
    if (c.action === 'drop' && c.stages !== undefined && c.stages.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['stages'], message: '`action: drop` takes no nested stages' });
    }
  });

export type MatchStageConfig = z.output<typeof config>;

class MatchStage implements Stage {
  readonly #selector: LogSelector;
  readonly #nested: Stage | undefined;
  readonly #dropped: { inc(n?: number): void } | undefined;

  constructor(c: MatchStageConfig, ctx: StageContext) {
    this.#selector = c.selector;
    this.#nested = c.action === 'keep' ? ctx.buildStages(c.stages ?? [], c.pipeline_name ?? '')[0] : undefined;
    this.#dropped = c.action === 'drop' ? ctx.counters.dropped(c.drop_counter_reason) : undefined;
    if (this.#nested?.flush) this.flush = this.#nested.flush.bind(this.#nested);
    const nested = this.#nested;
    if (nested?.updateBatch) {
      // Nested stages that keep every entry update the matching ones in place: nothing to reorder or copy.
      this.updateBatch = (entries) => {
        const matching = this.#matching(entries);
        if (matching.length > 0) nested.updateBatch?.(matching);
      };
    }
  }

  flush?: Stage['flush'];
  updateBatch?: Stage['updateBatch'];

  process(entry: LogEntry, out: LogEntry[]): void {
    if (!this.#selector.matches(entry)) {
      out.push(entry);
      return;
    }
    if (this.#nested) this.#nested.process(entry, out);
    else this.#dropped?.inc();
  }

  processBatch(entries: readonly LogEntry[], out: LogEntry[]): void {
    const selector = this.#selector;
    // Consecutive matching entries, handed to the nested stages as one batch so output order is kept.
    let run: LogEntry[] = [];
    let dropped = 0;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (selector.matches(entry)) {
        if (this.#nested) run.push(entry);
        else dropped++;
        continue;
      }
      if (run.length > 0) {
        this.#runNested(run, out);
        run = [];
      }
      out.push(entry);
    }
    if (run.length > 0) this.#runNested(run, out);
    if (dropped > 0) this.#dropped?.inc(dropped);
  }

  #matching(entries: readonly LogEntry[]): LogEntry[] {
    const selector = this.#selector;
    const matching: LogEntry[] = [];
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (selector.matches(entry)) matching.push(entry);
    }
    return matching;
  }

  #runNested(run: readonly LogEntry[], out: LogEntry[]): void {
    const nested = this.#nested as Stage;
    if (nested.processBatch !== undefined) nested.processBatch(run, out);
    else for (let i = 0; i < run.length; i++) nested.process(run[i], out);
  }
}

export const matchStage: StageDefinition<MatchStageConfig> = {
  type: 'match',
  description:
    'Runs nested stages on (or drops) the entries whose labels match a LogQL stream selector and that pass its line filters and label filters (`| name="value"`, which also see structured metadata and extracted values: beyond Alloy).',
  config,
  create: (c, ctx) => new MatchStage(c, ctx),
};
