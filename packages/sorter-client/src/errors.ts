import type { FallbackReason } from './types';

/** A failed /classify request, tagged with the fallback reason it maps to and whether the breaker should count it. */
export class SorterRequestError extends Error {
  override readonly name = 'SorterRequestError';
  constructor(
    message: string,
    readonly reason: FallbackReason,
    readonly status?: number,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** 4xx other than 429 are the caller's fault, not the sorter's health: they do not trip the breaker. */
  get countsAsFailure(): boolean {
    return !(this.status !== undefined && this.status >= 400 && this.status < 500 && this.status !== 429);
  }

  /** Safe to send again: the sorter said so (429/503 or a gateway error) or the connection never carried the request. */
  get retryable(): boolean {
    if (this.status !== undefined)
      return this.status === 429 || this.status === 502 || this.status === 503 || this.status === 504;
    return this.reason === 'network_error';
  }
}
