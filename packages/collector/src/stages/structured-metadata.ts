import { z } from 'zod';
import { labelNameSchema } from '../config/label-name';
import { re2Schema } from '../config/re2-schema';
import type { LogEntry } from '../entry';
import { extractedString } from './extracted';
import type { Stage, StageDefinition } from './stage';

const config = z
  .strictObject({
    values: z.record(labelNameSchema, z.string().nullable()).default({})
      .describe('Structured metadata name -> extracted key (`""` = the same name); falls back to a label of that key, which is then removed from the labels.'),
    regex: re2Schema('Also move every extracted key whose name matches this RE2 expression (anchored).', { anchored: true }).optional(),
  })
  .refine((c) => Object.keys(c.values).length > 0 || c.regex !== undefined, 'set `values` or `regex`');

export type StructuredMetadataStageConfig = z.output<typeof config>;

class StructuredMetadataStage implements Stage {
  readonly #pairs: [string, string][];
  readonly #regex: RegExp | undefined;

  constructor(c: StructuredMetadataStageConfig) {
    this.#pairs = Object.entries(c.values).map(([name, key]) => [name, key === null || key === '' ? name : key]);
    this.#regex = c.regex?.regex;
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    for (const [name, key] of this.#pairs) {
      const value = extractedString(entry.extracted[key]) ?? entry.labels[key];
      if (value === undefined) continue;
      entry.structuredMetadata[name] = value;
      // A value is either a label or structured metadata, never both.
      delete entry.labels[name];
    }
    if (this.#regex !== undefined) {
      for (const key in entry.extracted) {
        if (!this.#regex.test(key)) continue;
        const value = extractedString(entry.extracted[key]);
        if (value === undefined) continue;
        entry.structuredMetadata[key] = value;
        delete entry.labels[key];
      }
    }
    out.push(entry);
  }
}

export const structuredMetadataStage: StageDefinition<StructuredMetadataStageConfig> = {
  type: 'structured_metadata',
  description: 'Attaches extracted values (or labels) to the entry as structured metadata, removing a label of the same name.',
  config,
  create: (c) => new StructuredMetadataStage(c),
};
