import { z } from 'zod';
import { labelNameSchema } from '../config/label-name';
import type { LogEntry } from '../entry';
import type { Stage, StageDefinition } from './stage';

const config = z.strictObject({
  values: z
    .record(labelNameSchema, z.string())
    .describe('Label name -> fixed value, set on every entry (overriding an existing label).')
    .refine((m) => Object.keys(m).length > 0, 'expected at least one label'),
});

export type StaticLabelsStageConfig = z.output<typeof config>;

class StaticLabelsStage implements Stage {
  readonly #pairs: [string, string][];

  constructor(c: StaticLabelsStageConfig) {
    this.#pairs = Object.entries(c.values);
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    for (const [name, value] of this.#pairs) entry.labels[name] = value;
    out.push(entry);
  }
}

export const staticLabelsStage: StageDefinition<StaticLabelsStageConfig> = {
  type: 'static_labels',
  description: 'Sets fixed labels on every entry.',
  config,
  create: (c) => new StaticLabelsStage(c),
};
