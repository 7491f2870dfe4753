import { z } from 'zod';
import { labelNameSchema } from '../schema/label-name';
import { re2Schema } from '../schema/re2';
import { extractedString, type LogEntry } from '../entry';
import type { Stage, StageDefinition } from './stage';

const config = z
  .strictObject({
    values: z
      .record(labelNameSchema, z.string().nullable())
      .default({})
      .describe(
        'Structured metadata name -> key (`""` = the same name), read from the extracted map, then from the labels: a label found this way moves out of the label set.',
      ),
    regex: re2Schema(
      'Also move every extracted key, then every label, whose name matches this RE2 expression (unanchored, as Alloy); matching labels leave the label set.',
    ).optional(),
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

  // Alloy's order: extracted by name, extracted by regex, then labels (which move out of the label set).
  process(entry: LogEntry, out: LogEntry[]): void {
    const metadata = entry.structuredMetadata;
    const labels = entry.labels;
    for (const [name, key] of this.#pairs) {
      const value = extractedString(entry.extracted[key]);
      if (value !== undefined) metadata[name] = value;
    }
    const regex = this.#regex;
    if (regex !== undefined) {
      for (const key in entry.extracted) {
        if (!regex.test(key)) continue;
        const value = extractedString(entry.extracted[key]);
        if (value !== undefined) metadata[key] = value;
      }
    }
    for (const [name, key] of this.#pairs) {
      const value = labels[key];
      if (value === undefined) continue;
      metadata[name] = value;
      delete labels[key];
    }
    if (regex !== undefined) {
      for (const key in labels) {
        if (!regex.test(key)) continue;
        metadata[key] = labels[key];
        delete labels[key];
      }
    }
    out.push(entry);
  }
}

export const structuredMetadataStage: StageDefinition<StructuredMetadataStageConfig> = {
  type: 'structured_metadata',
  description:
    'Attaches extracted values and labels to the entry as structured metadata; labels moved this way leave the label set (Alloy semantics).',
  config,
  create: (c) => new StructuredMetadataStage(c),
};
