import os from 'node:os';
import { z } from 'zod';
import { durationMs } from '../schema/units';
import { RetryableError } from '../errors';
import { gauge, counter } from '../telemetry/metric-factory';
import type { Processor, ProcessorContext, ProcessorDefinition } from './processor';

const MiB = 1024 * 1024;

export const memoryLimiterConfig = z
  .object({
    check_interval: durationMs('How often memory use is measured, e.g. 1s.').default(1000),
    limit_mib: z.number().positive().optional().describe('Hard limit of the process resident memory in MiB.'),
    limit_percentage: z
      .number()
      .min(1)
      .max(100)
      .optional()
      .describe('Hard limit as a percentage of total memory (instead of limit_mib).'),
    spike_limit_mib: z
      .number()
      .nonnegative()
      .optional()
      .describe('Headroom below the hard limit; data is refused above limit - spike (default 20% of the limit).'),
    spike_limit_percentage: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe('Headroom as a percentage of total memory (instead of spike_limit_mib).'),
  })
  .strict()
  .superRefine((c, ctx) => {
    if ((c.limit_mib === undefined) === (c.limit_percentage === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['limit_mib'],
        message: 'set exactly one of limit_mib or limit_percentage',
      });
    }
    if (c.spike_limit_mib !== undefined && c.spike_limit_percentage !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['spike_limit_mib'],
        message: 'set at most one of spike_limit_mib or spike_limit_percentage',
      });
    }
  });

export type MemoryLimiterConfig = z.infer<typeof memoryLimiterConfig>;

export interface MemoryLimiterDeps {
  /** Bytes in use; resident set size by default, the memory the kernel's OOM killer looks at. */
  readMemoryBytes(): number;
  totalMemoryBytes(): number;
}

const processMemory: MemoryLimiterDeps = {
  readMemoryBytes: () => process.memoryUsage.rss(),
  totalMemoryBytes: () => os.totalmem(),
};

/** Soft limit in bytes: data is refused at or above it. */
export function softLimitBytes(config: MemoryLimiterConfig, totalBytes: number): { hard: number; soft: number } {
  const hard =
    config.limit_mib !== undefined ? config.limit_mib * MiB : ((config.limit_percentage ?? 100) / 100) * totalBytes;
  const spike =
    config.spike_limit_mib !== undefined
      ? config.spike_limit_mib * MiB
      : config.spike_limit_percentage !== undefined
        ? (config.spike_limit_percentage / 100) * totalBytes
        : hard * 0.2;
  return { hard, soft: Math.max(0, hard - spike) };
}

/**
 * Refuses data with a RetryableError (receivers answer 503 + Retry-After, gRPC UNAVAILABLE) while memory is above
 * the soft limit, so senders back off instead of the collector running out of memory. Measured on a timer, never per item.
 */
export function createMemoryLimiter(
  config: MemoryLimiterConfig,
  ctx: ProcessorContext,
  deps: MemoryLimiterDeps = processMemory,
): Processor {
  const { hard, soft } = softLimitBytes(config, deps.totalMemoryBytes());
  const refusing = gauge(ctx.registry, 'collector_memory_limiter_refusing', '1 while a memory limiter refuses data', [
    'source',
  ]).labels(ctx.id);
  const refused = counter(
    ctx.registry,
    'collector_memory_limiter_refused_requests_total',
    'Requests a memory limiter refused',
    ['source'],
  );
  let over = false;
  let timer: NodeJS.Timeout | undefined;
  const check = (): void => {
    const used = deps.readMemoryBytes();
    const next = used >= soft;
    if (next !== over)
      ctx.logger.warn(next ? 'memory above soft limit, refusing data' : 'memory below soft limit, accepting data', {
        source: ctx.id,
        usedBytes: used,
        softLimitBytes: soft,
        hardLimitBytes: hard,
      });
    over = next;
    refusing.set(over ? 1 : 0);
  };
  return {
    wrap(_signal, next) {
      return {
        consume(data, signal) {
          if (over) {
            refused.labels(ctx.id).inc();
            return Promise.reject(
              new RetryableError(
                `memory limiter: process memory above the soft limit of ${Math.round(soft / MiB)} MiB`,
                config.check_interval,
              ),
            );
          }
          return next.consume(data, signal);
        },
      };
    },
    async start() {
      check();
      timer = setInterval(check, config.check_interval);
      timer.unref();
    },
    async shutdown() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
  };
}

export const memoryLimiterDefinition: ProcessorDefinition<MemoryLimiterConfig> = {
  type: 'memory_limiter',
  description:
    'Refuses data (503 + Retry-After / gRPC UNAVAILABLE) while process memory is above limit minus spike; checked every check_interval. Put it first.',
  config: memoryLimiterConfig,
  create: (config, ctx) => createMemoryLimiter(config, ctx),
};
