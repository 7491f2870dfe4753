import { z } from 'zod';
import { Item } from '../items/item';

export const defaultMaxBatchItems = 500;

/** Builds the /classify request schema for a batch limit; ids must be unique within the batch. */
export function createClassifyRequestSchema(maxItems: number) {
  return z
    .object({
      items: z
        .array(Item)
        .min(1)
        .max(maxItems)
        .superRefine((items, ctx) => {
          const seen = new Map<string, number>();
          items.forEach((item, index) => {
            if (item.id === undefined) return;
            const first = seen.get(item.id);
            if (first === undefined) seen.set(item.id, index);
            else
              ctx.addIssue({
                code: 'custom',
                path: [index, 'id'],
                message: `duplicate id, first used by items.${first}.id`,
              });
          });
        })
        .describe(`The batch: 1..N items (N is MAX_BATCH_ITEMS, default ${defaultMaxBatchItems}); ids unique`),
    })
    .strict()
    .describe('A batch of telemetry items to classify');
}

export const ClassifyRequest = createClassifyRequestSchema(defaultMaxBatchItems);
export type ClassifyRequest = z.infer<typeof ClassifyRequest>;
