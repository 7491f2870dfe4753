import { z } from 'zod';
import type { LogEntry } from '../entry';
import { applyRelabel } from '../relabel/apply';
import { relabelRuleSchema } from '../relabel/config';
import type { Stage, StageContext, StageDefinition } from './stage';

const config = z.strictObject({
  rules: z
    .array(relabelRuleSchema)
    .min(1)
    .describe("Prometheus relabel rules (Promtail `relabel_configs`), applied in order to each entry's labels."),
  drop_counter_reason: z
    .string()
    .min(1)
    .default('relabel')
    .describe('Reason label on the dropped-entries counter for entries a keep/drop rule drops.'),
});

export type RelabelStageConfig = z.output<typeof config>;

class RelabelStage implements Stage {
  readonly #c: RelabelStageConfig;
  readonly #dropped: { inc(n?: number): void };

  constructor(c: RelabelStageConfig, ctx: StageContext) {
    this.#c = c;
    this.#dropped = ctx.counters.dropped(c.drop_counter_reason);
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    const labels = applyRelabel(this.#c.rules, entry.labels);
    if (labels === undefined) {
      this.#dropped.inc();
      return;
    }
    entry.labels = labels;
    out.push(entry);
  }
}

export const relabelStage: StageDefinition<RelabelStageConfig> = {
  type: 'relabel',
  description:
    "Applies Prometheus relabel rules (replace, keep, drop, keepequal, dropequal, hashmod, labelmap, labeldrop, labelkeep, lowercase, uppercase) to each entry's labels, as Promtail does to the labels of pushed and syslog entries; keep/drop rules drop entries.",
  config,
  create: (c, ctx) => new RelabelStage(c, ctx),
};
