import { z } from 'zod';
import { Category, DecidedBy, ForwardTo, Severity } from '../taxonomy';

export const Template = z
  .object({
    id: z.string().describe('Template id from the streaming template miner (stable for this service instance)'),
    text: z
      .string()
      .describe('The template the item was grouped under, variable parts as <*>, mined from redacted text'),
  })
  .strict()
  .describe('The template an item was grouped under');
export type Template = z.infer<typeof Template>;

/** One classification result; `id` matches the item it answers. */
export const ClassifyResult = z
  .object({
    id: z.string().describe('The id of the item this result answers (given or assigned)'),
    severity: Severity,
    category: Category,
    forward_to: ForwardTo,
    confidence: z.number().min(0).max(1).describe('Confidence of the decision, 0..1'),
    decided_by: DecidedBy,
    reason: z.string().describe('A short reason for the decision (from redacted text only)'),
    template: Template,
  })
  .strict()
  .describe('The classification of one item');
export type ClassifyResult = z.infer<typeof ClassifyResult>;

export const BatchStats = z
  .object({
    items: z.number().int().min(0).describe('Number of items in the batch'),
    decided_by: z
      .object({
        llm: z.number().int().min(0).describe('Items decided by the LLM in this request'),
        cache: z.number().int().min(0).describe('Items answered from the template cache'),
        rules: z.number().int().min(0).describe('Items decided by the deterministic rules'),
      })
      .strict()
      .describe('Counts of items by how they were decided'),
    templates: z.number().int().min(0).describe('Distinct templates in the batch'),
    llm_calls: z.number().int().min(0).describe('LLM calls made for this batch (0 or 1)'),
    duration_ms: z.number().min(0).describe('Time spent classifying the batch, in milliseconds'),
  })
  .strict()
  .describe('Statistics of one classified batch');
export type BatchStats = z.infer<typeof BatchStats>;
