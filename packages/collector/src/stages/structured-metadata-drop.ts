import { z } from 'zod';
import { KeyDropStage } from './key-drop';
import type { StageDefinition } from './stage';

const config = z.strictObject({
  values: z
    .array(z.string().min(1, 'a structured metadata key may not be empty'))
    .min(1, 'name at least one structured metadata key to drop')
    .describe('Structured metadata keys to remove from the entry; keys it does not have are ignored.'),
});

export type StructuredMetadataDropStageConfig = z.output<typeof config>;

export const structuredMetadataDropStage: StageDefinition<StructuredMetadataDropStageConfig> = {
  type: 'structured_metadata_drop',
  description:
    "Removes the named keys from the entry's structured metadata (labels and extracted values are left alone).",
  config,
  create: (c) => new KeyDropStage(c.values, 'structuredMetadata'),
};
