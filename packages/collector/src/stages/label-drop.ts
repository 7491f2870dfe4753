import { z } from 'zod';
import { KeyDropStage } from './key-drop';
import type { StageDefinition } from './stage';

const config = z.strictObject({
  values: z.array(z.string().min(1)).min(1).describe('Label names to remove.'),
});

export type LabelDropStageConfig = z.output<typeof config>;

export const labelDropStage: StageDefinition<LabelDropStageConfig> = {
  type: 'label_drop',
  description: 'Removes the named labels.',
  config,
  create: (c) => new KeyDropStage(c.values, 'labels'),
};
