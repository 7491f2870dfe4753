import { z } from 'zod';
import type { LogEntry } from '../entry';
import type { Stage, StageDefinition } from './stage';

const config = z.strictObject({
  values: z.array(z.string().min(1)).min(1).describe('Label names to remove.'),
});

export type LabelDropStageConfig = z.output<typeof config>;

class LabelDropStage implements Stage {
  readonly #names: readonly string[];

  constructor(c: LabelDropStageConfig) {
    this.#names = c.values;
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    for (const name of this.#names) delete entry.labels[name];
    out.push(entry);
  }
}

export const labelDropStage: StageDefinition<LabelDropStageConfig> = {
  type: 'label_drop',
  description: 'Removes the named labels.',
  config,
  create: (c) => new LabelDropStage(c),
};
