import { z } from 'zod';
import type { LogEntry } from '../entry';
import type { Stage, StageDefinition } from './stage';

const config = z.strictObject({
  values: z.array(z.string().min(1)).min(1).describe('Label names to keep; every other label is removed.'),
});

export type LabelKeepStageConfig = z.output<typeof config>;

class LabelKeepStage implements Stage {
  readonly #keep: ReadonlySet<string>;

  constructor(c: LabelKeepStageConfig) {
    this.#keep = new Set(c.values);
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    for (const name in entry.labels) if (!this.#keep.has(name)) delete entry.labels[name];
    out.push(entry);
  }
}

export const labelKeepStage: StageDefinition<LabelKeepStageConfig> = {
  type: 'label_keep',
  description: 'Removes every label except the named ones.',
  config,
  create: (c) => new LabelKeepStage(c),
};
