import { z } from 'zod';
import { labelMapSchema } from '../schema/label-name';
import { extractedString, type Labels, type LogEntry } from '../entry';
import { compileConvertingCopier } from './compiled-properties';
import type { Stage, StageDefinition } from './stage';

const config = z.strictObject({
  values: labelMapSchema(
    'Label name -> key to read (`""` or empty = the label name). A missing key or a non-scalar value is skipped.',
  ),
  source_type: z
    .enum(['extracted', 'structured_metadata'])
    .default('extracted')
    .describe('Read the keys from the extracted map or from structured metadata.'),
});

export type LabelsStageConfig = z.output<typeof config>;

class LabelsStage implements Stage {
  readonly #copy: (from: Record<string, unknown>, target: Labels, convert: typeof extractedString) => void;
  readonly #fromMetadata: boolean;

  constructor(c: LabelsStageConfig) {
    this.#copy = compileConvertingCopier(Object.entries(c.values));
    this.#fromMetadata = c.source_type === 'structured_metadata';
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    this.#copy(this.#fromMetadata ? entry.structuredMetadata : entry.extracted, entry.labels, extractedString);
    out.push(entry);
  }

  updateBatch(entries: readonly LogEntry[]): void {
    const copy = this.#copy;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      copy(this.#fromMetadata ? entry.structuredMetadata : entry.extracted, entry.labels, extractedString);
    }
  }
}

export const labelsStage: StageDefinition<LabelsStageConfig> = {
  type: 'labels',
  description: 'Sets labels from extracted values (or structured metadata).',
  config,
  create: (c) => new LabelsStage(c),
};
