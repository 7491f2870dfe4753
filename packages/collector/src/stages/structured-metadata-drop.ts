import { z } from 'zod';
import type { LogEntry } from '../entry';
import type { Stage, StageDefinition } from './stage';

const config = z.strictObject({
  values: z.array(z.string().min(1, 'a structured metadata key may not be empty')).min(1, 'name at least one structured metadata key to drop')
    .describe('Structured metadata keys to remove from the entry; keys it does not have are ignored.'),
});

export type StructuredMetadataDropStageConfig = z.output<typeof config>;

class StructuredMetadataDropStage implements Stage {
  readonly #names: readonly string[];

  constructor(c: StructuredMetadataDropStageConfig) {
    this.#names = c.values;
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    const metadata = entry.structuredMetadata;
    for (const name of this.#names) delete metadata[name];
    out.push(entry);
  }
}

export const structuredMetadataDropStage: StageDefinition<StructuredMetadataDropStageConfig> = {
  type: 'structured_metadata_drop',
  description: 'Removes the named keys from the entry\'s structured metadata (labels and extracted values are left alone).',
  config,
  create: (c) => new StructuredMetadataDropStage(c),
};
