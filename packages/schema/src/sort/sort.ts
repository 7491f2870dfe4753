import { z } from 'zod';
import { JsonObject, maxNestingDepth, stringOrObject } from '../items/json-value';
import { ForwardTo } from '../taxonomy';

/** The seed sorter's item types and three-level "category" (really a severity), kept for its clients. */
export const sortItemTypes = ['log', 'metric', 'trace', 'event'] as const;
export const sortCategories = ['critical', 'warning', 'info'] as const;

export const SortItem = z
  .object({
    type: z.enum(sortItemTypes).describe('Telemetry type as the seed named it: log, metric, trace or event'),
    content: stringOrObject(JsonObject.refine((o) => Object.keys(o).length > 0, 'content cannot be empty')).describe(
      `The item: an object (its "message"/"msg"/"body" field or its JSON is classified; nested at most ${maxNestingDepth} deep) or a string`,
    ),
    timestamp: z.string().optional().describe('When it happened (ISO 8601), echoed back'),
  })
  .strict()
  .describe('A seed-compatible telemetry item');
export type SortItem = z.infer<typeof SortItem>;

export function createSortRequestSchema(maxItems: number) {
  return z
    .object({
      items: z.array(SortItem).min(1).max(maxItems).describe('1..N items (N is MAX_BATCH_ITEMS)'),
      request_id: z.string().max(256).optional().describe('Caller request id, echoed back'),
    })
    .strict()
    .describe('The seed sorter /sort request');
}
export const SortRequest = createSortRequestSchema(500);
export type SortRequest = z.infer<typeof SortRequest>;

export const SortClassification = z
  .object({
    category: z
      .enum(sortCategories)
      .describe('Seed severity: critical (critical or error), warning, info (info or debug)'),
    forward_to: ForwardTo,
    confidence: z.number().min(0).max(1).describe('Confidence of the decision, 0..1'),
    reasoning: z.string().describe('A short reason, from redacted text only'),
  })
  .strict()
  .describe('The seed classification of one item');
export type SortClassification = z.infer<typeof SortClassification>;

export const SortedItem = z
  .object({
    item: SortItem.describe('The item as received, with PII redacted'),
    classification: SortClassification,
    processing_time_ms: z.number().min(0).describe('Time spent on the batch, in milliseconds, per the seed contract'),
  })
  .strict()
  .describe('One seed-compatible result, in request order');

export const SortResponse = z
  .object({
    items: z.array(SortedItem).describe('One entry per request item, in request order'),
    request_id: z.string().describe('The caller request_id, or the X-Request-Id when none was given'),
    total_processing_time_ms: z.number().min(0).describe('Time spent on the batch, in milliseconds'),
    success_count: z.number().int().min(0).describe('Items classified'),
    failure_count: z
      .number()
      .int()
      .min(0)
      .describe('Items not classified (always 0: the rules answer what the LLM cannot)'),
  })
  .strict()
  .describe('The seed sorter /sort response');
export type SortResponse = z.infer<typeof SortResponse>;
