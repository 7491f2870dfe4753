import { z } from 'zod';
import type { ItemType } from '@obs/schema';
import type { ClassifyMetrics } from './sorter-metrics';
import type { TextClassifierOptions } from './text-classifier';

/** `key:`, `key: ""` or an unset `${VAR:-}`: the same as leaving the key out. */
const noValue = z.union([z.literal(''), z.null()]).transform(() => undefined);

/** The keys the classify stage and the classify processor share: where the sorter is and how hard to lean on it. */
export const sorterOptionsShape = {
  url: z
    .union([noValue, z.url({ protocol: /^https?$/ })])
    .optional()
    .describe(
      'ai-sorter base URL (requests go to <url>/classify); empty or absent: items are classified by local rules only',
    ),
  api_key: z
    .union([noValue, z.string()])
    .optional()
    .describe('Sent as x-api-key; use ${VAR} so it stays out of the file; empty means none'),
  max_batch_items: z.number().int().min(1).max(500).default(100).describe('Items per request to the sorter'),
  max_wait_ms: z.number().int().min(0).default(50).describe('Longest an item waits for its batch to fill'),
  max_in_flight: z.number().int().min(1).default(2).describe('Requests to the sorter at once'),
  max_pending_items: z
    .number()
    .int()
    .min(1)
    .default(1000)
    .describe('Templates waiting for a request slot; beyond this they keep the rules answer'),
  timeout_ms: z.number().int().min(1).default(2000).describe('Budget per request, retries included'),
  cache_size: z.number().int().min(1).default(10_000).describe('Templates whose sorter answer is kept (LRU)'),
  cache_ttl_ms: z.number().int().min(1).default(600_000).describe('How long a sorter answer for a template is reused'),
  breaker: z
    .strictObject({
      error_threshold_percentage: z
        .number()
        .min(1)
        .max(100)
        .default(50)
        .describe('Failure percentage that opens the breaker'),
      reset_timeout_ms: z.number().int().min(1).default(10_000).describe('Open time before one probe request'),
      volume_threshold: z
        .number()
        .int()
        .min(1)
        .default(5)
        .describe('Requests in the window before the breaker may open'),
    })
    .default({ error_threshold_percentage: 50, reset_timeout_ms: 10_000, volume_threshold: 5 })
    .describe("The classify step's own circuit breaker in front of the sorter"),
};

export type SorterOptionsConfig = z.output<z.ZodObject<typeof sorterOptionsShape>>;

/** Maps the shared YAML keys to the text classifier's options. */
export function textClassifierOptions(
  c: SorterOptionsConfig,
  itemType: ItemType,
  metrics: ClassifyMetrics,
): TextClassifierOptions {
  return {
    itemType,
    cacheSize: c.cache_size,
    cacheTtlMs: c.cache_ttl_ms,
    metrics,
    sorter:
      c.url === undefined
        ? undefined
        : {
            url: c.url,
            apiKey: c.api_key,
            maxBatchItems: c.max_batch_items,
            maxWaitMs: c.max_wait_ms,
            maxInFlight: c.max_in_flight,
            maxQueuedItems: c.max_pending_items,
            timeoutMs: c.timeout_ms,
            breaker: {
              errorThresholdPercentage: c.breaker.error_threshold_percentage,
              resetTimeoutMs: c.breaker.reset_timeout_ms,
              volumeThreshold: c.breaker.volume_threshold,
            },
          },
  };
}
