import { z } from 'zod';
import { labelNameSchema } from '../schema/label-name';
import type { Labels, LogEntry } from '../entry';
import { compileConstantWriter } from './compiled-properties';
import type { Stage, StageDefinition } from './stage';

const config = z.strictObject({
  values: z
    .record(labelNameSchema, z.string())
    .describe('Label name -> fixed value, set on every entry (overriding an existing label).')
    .refine((m) => Object.keys(m).length > 0, 'expected at least one label'),
});

export type StaticLabelsStageConfig = z.output<typeof config>;

class StaticLabelsStage implements Stage {
  readonly #write: (labels: Labels) => void;

  constructor(c: StaticLabelsStageConfig) {
    this.#write = compileConstantWriter(Object.entries(c.values));
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    this.#write(entry.labels);
    out.push(entry);
  }

  updateBatch(entries: readonly LogEntry[]): void {
    const write = this.#write;
    for (let i = 0; i < entries.length; i++) write(entries[i].labels);
  }
}

export const staticLabelsStage: StageDefinition<StaticLabelsStageConfig> = {
  type: 'static_labels',
  description: 'Sets fixed labels on every entry.',
  config,
  create: (c) => new StaticLabelsStage(c),
};
