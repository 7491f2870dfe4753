import { z } from 'zod';
import { BatchStats, ClassifyResult } from './result';

export const ClassifyResponse = z
  .object({
    request_id: z.string().describe('The request id (X-Request-Id)'),
    results: z.array(ClassifyResult).describe('One result per item, in request order, each carrying its item id'),
    stats: BatchStats,
  })
  .strict()
  .describe('The answer to a /classify batch');
export type ClassifyResponse = z.infer<typeof ClassifyResponse>;
