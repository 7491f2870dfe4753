import { z } from 'zod';
import type { LogEntry } from '../entry';
import type { Stage, StageContext, StageDefinition } from './stage';

const DROP_REASON = 'ratelimit_drop_stage';
// Alloy raises smaller values to this (about 80 bytes per limiter, ~1 MiB).
const MIN_DISTINCT_LABELS = 10_000;

const config = z
  .object({
    rate: z.number().positive().describe('Lines per second the bucket refills.'),
    burst: z.number().int().positive().describe('Bucket size: lines allowed at once after a quiet period.'),
    drop: z
      .boolean()
      .default(false)
      .describe(
        "Must be true here: lines over the limit are dropped and counted (reason ratelimit_drop_stage). Stages run synchronously, so Alloy's drop: false (wait for a token) cannot be offered; see docs/stages-advanced.md.",
      ),
    by_label_name: z
      .string()
      .min(1)
      .optional()
      .describe('Keep one bucket per value of this label; entries without the label are not limited.'),
    max_distinct_labels: z
      .number()
      .int()
      .positive()
      .default(MIN_DISTINCT_LABELS)
      .describe(
        'Buckets kept for by_label_name before the oldest generation is forgotten (raised to 10000 at least, as Alloy does).',
      ),
  })
  .strict()
  .superRefine((c, issues) => {
    if (!c.drop) {
      issues.addIssue({
        code: 'custom',
        path: ['drop'],
        message:
          'drop: false (delay lines until a token is free) is not supported because stages run synchronously; set drop: true to drop and count lines over the limit, or limit at the source',
      });
    }
  });

export type LimitStageConfig = z.infer<typeof config>;

/** golang.org/x/time/rate semantics: starts full, refills `rate` tokens per second up to `burst`. */
class TokenBucket {
  #tokens: number;
  #lastMs: number;

  constructor(
    readonly rate: number,
    readonly burst: number,
    nowMs: number,
  ) {
    this.#tokens = burst;
    this.#lastMs = nowMs;
  }

  allow(nowMs: number): boolean {
    const elapsed = Math.max(0, nowMs - this.#lastMs) / 1000;
    this.#tokens = Math.min(this.burst, this.#tokens + elapsed * this.rate);
    this.#lastMs = nowMs;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}

class LimitStage implements Stage {
  readonly #cfg: LimitStageConfig;
  readonly #now: () => number;
  readonly #dropped: { inc(): void };
  readonly #bucket: TokenBucket;
  readonly #maxDistinct: number;
  // Two generations (Alloy's GenerationalMap): when the new one fills, the old one is forgotten.
  #oldByValue = new Map<string, TokenBucket>();
  #newByValue = new Map<string, TokenBucket>();

  constructor(cfg: LimitStageConfig, ctx: StageContext, now: () => number) {
    this.#cfg = cfg;
    this.#now = now;
    this.#dropped = ctx.counters.dropped(DROP_REASON);
    this.#bucket = new TokenBucket(cfg.rate, cfg.burst, now());
    this.#maxDistinct = Math.max(MIN_DISTINCT_LABELS, cfg.max_distinct_labels);
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    const label = this.#cfg.by_label_name;
    let bucket = this.#bucket;
    if (label !== undefined) {
      const value = entry.labels[label];
      if (value === undefined) {
        out.push(entry);
        return;
      }
      bucket = this.#bucketFor(value);
    }
    if (bucket.allow(this.#now())) out.push(entry);
    else this.#dropped.inc();
  }

  #bucketFor(value: string): TokenBucket {
    let bucket = this.#newByValue.get(value);
    if (bucket !== undefined) return bucket;
    bucket = this.#oldByValue.get(value) ?? new TokenBucket(this.#cfg.rate, this.#cfg.burst, this.#now());
    this.#newByValue.set(value, bucket);
    if (this.#newByValue.size >= this.#maxDistinct) {
      this.#oldByValue = this.#newByValue;
      this.#newByValue = new Map();
    }
    return bucket;
  }
}

/** Builds the stage with an injectable millisecond clock (tests pass a fake one). */
export function createLimitStage(
  cfg: LimitStageConfig,
  ctx: StageContext,
  now: () => number = () => performance.now(),
): Stage {
  return new LimitStage(cfg, ctx, now);
}

export const limitStage: StageDefinition<LimitStageConfig> = {
  type: 'limit',
  description:
    'Rate-limits lines with a token bucket (`rate` per second, `burst`), overall or per value of `by_label_name`; lines over the limit are dropped and counted with reason ratelimit_drop_stage. Requires drop: true (see docs/stages-advanced.md).',
  config,
  create: (cfg, ctx) => createLimitStage(cfg, ctx),
};
