import { z } from 'zod';

/** The `queue:` block every queued sink accepts. */
export const queueConfig = z
  .object({
    type: z
      .enum(['memory', 'disk'])
      .default('memory')
      .describe('memory: lost on crash; disk: a WAL under storage_path that survives restarts and SIGKILL'),
    capacity_bytes: z
      .number()
      .int()
      .positive()
      .default(10 * 1024 * 1024)
      .describe('Most bytes held before overflow applies'),
    overflow: z
      .enum(['block', 'drop'])
      .default('block')
      .describe(
        'block: refuse new batches (sources pause or answer 429); drop: discard them and count collector_sink_dropped_entries_total{reason="queue_full"}',
      ),
    fsync: z
      .enum(['always', 'never'])
      .default('always')
      .describe(
        'disk only: always = a batch is accepted after fdatasync; never = after write (survives a process crash, not power loss)',
      ),
    segment_bytes: z
      .number()
      .int()
      .positive()
      .default(16 * 1024 * 1024)
      .describe('disk only: size at which a new WAL segment file starts'),
  })
  .strict()
  .describe("The sink's own bounded queue");

/** The `retry:` block: exponential backoff with jitter, honouring Retry-After. */
export const retryConfig = z
  .object({
    min_backoff_ms: z.number().int().positive().default(500).describe('First wait after a retryable failure'),
    max_backoff_ms: z.number().int().positive().default(300_000).describe('Longest wait between attempts'),
    max_retries: z
      .number()
      .int()
      .min(0)
      .default(10)
      .describe('Retries before a batch is dropped and counted (reason max_retries); 0 retries forever'),
  })
  .strict()
  .describe('Retries of 429, 5xx, timeouts and connection errors');

export type QueueConfig = z.infer<typeof queueConfig>;
export type RetryConfig = z.infer<typeof retryConfig>;
