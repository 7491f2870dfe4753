import Bottleneck from 'bottleneck';
import { LlmError } from '../errors';
import type { Metrics } from '../observability/metrics';
import type { Classification, Classifier, ClassifyContext, RedactedItem } from './classifier';
import { estimateTokens } from './llm-prompt';
import { createMemoryRetryAfterPause, type RetryAfterPause } from './retry-after-pause';

export interface RateLimitOptions {
  readonly requestsPerMinute: number;
  readonly tokensPerMinute: number;
  readonly maxConcurrent: number;
  readonly maxQueue: number;
  /** Longest wait for the limiter (shared budgets, then a slot); after it the rules answer rather than hold the request. */
  readonly maxWaitMs: number;
  /** Shares the budgets between replicas through Redis (bottleneck clustering); in memory when absent. */
  readonly connection?: Bottleneck.IORedisConnection;
  /** Where the LLM's Retry-After is kept (shared through Redis with replicas); in memory when absent. */
  readonly pause?: RetryAfterPause;
}

export interface RateLimited extends Classifier {
  stop(): Promise<void>;
}

const minute = 60_000;

/**
 * Holds LLM calls to a requests/min and a tokens/min budget (refilled each minute; shared through Redis when
 * clustered), a concurrency cap with a bounded local queue, and the LLM's Retry-After. A call over budget is not
 * queued for the next minute: it fails fast with `rate_limited_locally` so the rules answer now, and the breaker does
 * not count that as an LLM failure. Tokens are estimated before the call and settled against the API's count after.
 * Retry-After pauses every call: new ones before they take budget, queued ones when their slot comes (refunded).
 */
export function withRateLimit(inner: Classifier, options: RateLimitOptions, deps: { metrics: Metrics }): RateLimited {
  const { metrics } = deps;
  const pause = options.pause ?? createMemoryRetryAfterPause();
  const clustered = options.connection
    ? { datastore: 'ioredis' as const, connection: options.connection, clearDatastore: false }
    : {};
  // Budgets are bare reservoirs, taken atomically (in Redis when clustered), so a burst cannot overdraw them.
  const budget = (id: string, perMinute: number) =>
    new Bottleneck({
      id,
      reservoir: perMinute,
      reservoirRefreshAmount: perMinute,
      reservoirRefreshInterval: minute,
      ...clustered,
    });
  const requestBudget = budget('sorter-llm-requests', options.requestsPerMinute);
  const tokenBudget = budget('sorter-llm-tokens', options.tokensPerMinute);
  const slots = new Bottleneck({
    id: 'sorter-llm-slots',
    maxConcurrent: options.maxConcurrent,
    highWater: options.maxQueue,
    strategy: Bottleneck.strategy.OVERFLOW,
  });
  const updateDepth = () => metrics.limiterQueueDepth.set(slots.counts().QUEUED ?? 0);
  slots.on('queued', updateDepth);
  slots.on('executing', updateDepth);
  slots.on('dropped', updateDepth);

  const take = async (limiter: Bottleneck, amount: number): Promise<boolean> => {
    if ((await limiter.incrementReservoir(-amount)) >= 0) return true;
    await limiter.incrementReservoir(amount);
    return false;
  };
  const refuse = (reason: string, message: string): never => {
    metrics.limiterDropped.inc({ reason });
    throw new LlmError('rate_limited_locally', message);
  };

  return {
    async classify(items: readonly RedactedItem[], ctx: ClassifyContext): Promise<Map<string, Classification>> {
      const weight = estimateTokens(items);
      const waitedTooLong = new LlmError('rate_limited_locally', 'waited too long for the limiter');
      let timer: NodeJS.Timeout | undefined;
      let givenUp = false;
      // The deadline covers the shared budgets (Redis may be slow or down) and the wait for a slot, not the call.
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          givenUp = true;
          reject(waitedTooLong);
        }, options.maxWaitMs);
      });
      const paused = async () => (await pause.remainingMs()) > 0;
      const retryAfter = 'the LLM asked us to wait (Retry-After)';
      const admitted = (async () => {
        if (await paused()) refuse('retry_after', retryAfter);
        const tokensTaken = await take(tokenBudget, weight).catch(() =>
          refuse('limiter_error', 'the token budget is unavailable'),
        );
        if (!tokensTaken) refuse('tokens_budget', 'tokens/min budget spent');
        const requestTaken = await take(requestBudget, 1).catch(() =>
          refuse('limiter_error', 'the request budget is unavailable'),
        );
        if (!requestTaken) {
          await tokenBudget.incrementReservoir(weight);
          refuse('requests_budget', 'requests/min budget spent');
        }
        return slots.schedule(async () => {
          clearTimeout(timer);
          if (givenUp) return undefined;
          // A 429 may have arrived while this call waited in the queue (here or in another replica).
          if (await paused()) {
            await Promise.all([requestBudget.incrementReservoir(1), tokenBudget.incrementReservoir(weight)]).catch(
              () => undefined,
            );
            refuse('retry_after', retryAfter);
          }
          const before = ctx.llmTokens;
          try {
            return await inner.classify(items, ctx);
          } finally {
            // Settle the estimate against the API's count, when it gave one: refund the excess or charge the rest.
            const used = ctx.llmTokens - before;
            if (used > 0) await tokenBudget.incrementReservoir(weight - used).catch(() => undefined);
          }
        });
      })();
      try {
        return (await Promise.race([admitted, deadline])) ?? new Map();
      } catch (err) {
        if (err instanceof Bottleneck.BottleneckError) refuse('queue_full', 'the limiter queue is full');
        if (err === waitedTooLong) refuse('queue_wait', waitedTooLong.message);
        if (err instanceof LlmError && err.status === 429 && err.details.retryAfterMs !== undefined) {
          await pause.pauseFor(err.details.retryAfterMs);
        }
        throw err;
      } finally {
        clearTimeout(timer);
        admitted.catch(() => undefined);
      }
    },
    async stop() {
      await slots.stop({ dropWaitingJobs: true });
      await Promise.all([requestBudget.disconnect(), tokenBudget.disconnect(), slots.disconnect()]);
    },
  };
}
