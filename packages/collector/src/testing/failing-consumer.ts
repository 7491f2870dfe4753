import type { Consumer } from '../consumer';
import type { LogBatch } from '../entry';

/** Rejects the first `times` calls with `error()`, then hands batches to `next`. Counts calls. */
export interface FailingConsumer extends Consumer<LogBatch> {
  readonly calls: number;
  /** Makes the next `times` calls fail again. */
  failNext(times: number): void;
}

export function createFailingConsumer(options: {
  times: number;
  error: () => Error;
  next: Consumer<LogBatch>;
}): FailingConsumer {
  let remaining = options.times;
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    failNext(times) {
      remaining = times;
    },
    async consume(batch, signal) {
      calls++;
      if (remaining > 0) {
        remaining--;
        throw options.error();
      }
      await options.next.consume(batch, signal);
    },
  };
}
