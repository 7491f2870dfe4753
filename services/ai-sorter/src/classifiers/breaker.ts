import CircuitBreaker from 'opossum';
import type { BreakerState } from './breaker-state';
import { LlmError } from '../errors';
import type { Metrics } from '../observability/metrics';
import type { Classifier, ClassifyContext, RedactedItem } from './classifier';

export interface BreakerOptions {
  readonly errorThresholdPercent: number;
  readonly volumeThreshold: number;
  readonly resetTimeoutMs: number;
  /** Failures older than this window are forgotten (the seed counted them forever). */
  readonly rollingWindowMs: number;
  readonly rollingBuckets: number;
}

export interface Breaker extends Classifier {
  readonly state: BreakerState;
  shutdown(): void;
}

const stateValue: Record<BreakerState, number> = { closed: 0, half_open: 1, open: 2 };

/**
 * Opens after too many LLM failures in a rolling window, answers nothing while open (the rules answer), and lets one
 * probe through after the reset timeout (half-open). 4xx other than 429, local rate limiting and client aborts say
 * nothing about the LLM's health and never count as failures.
 */
export function withBreaker(inner: Classifier, options: BreakerOptions, deps: { metrics: Metrics }): Breaker {
  const { metrics } = deps;
  const breaker = new CircuitBreaker(
    (items: readonly RedactedItem[], ctx: ClassifyContext) => inner.classify(items, ctx),
    {
      timeout: false, // the LLM client has its own timeout, reported as a failure
      errorThresholdPercentage: options.errorThresholdPercent,
      volumeThreshold: options.volumeThreshold,
      resetTimeout: options.resetTimeoutMs,
      rollingCountTimeout: options.rollingWindowMs,
      rollingCountBuckets: options.rollingBuckets,
      errorFilter: (err: unknown) => err instanceof LlmError && err.isNotLlmFailure,
    },
  );
  let state: BreakerState = 'closed';
  metrics.breakerState.set(stateValue.closed);
  const enter = (to: BreakerState) => () => {
    state = to;
    metrics.breakerState.set(stateValue[to]);
    metrics.breakerTransitions.inc({ to });
  };
  breaker.on('open', enter('open'));
  breaker.on('halfOpen', enter('half_open'));
  breaker.on('close', enter('closed'));

  return {
    get state() {
      return state;
    },
    async classify(items, ctx) {
      return await breaker.fire(items, ctx);
    },
    shutdown() {
      breaker.shutdown();
    },
  };
}
