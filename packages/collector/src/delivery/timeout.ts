import { RetryableError } from '../errors';
import type { Send } from './send';

/** Gives each attempt at most `timeoutMs`; a timed-out attempt is retryable. */
export function withTimeout<T>(send: Send<T>, timeoutMs: number): Send<T> {
  return async (batch, signal) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = AbortSignal.any([signal, timeout]);
    try {
      const result = await send(batch, combined);
      if (result.status !== 'ok' && timeout.aborted && !signal.aborted) return timedOut(timeoutMs);
      return result;
    } catch (err) {
      if (timeout.aborted && !signal.aborted) return timedOut(timeoutMs);
      throw err;
    }
  };
}

function timedOut(timeoutMs: number): { status: 'retryable'; error: Error } {
  return { status: 'retryable', error: new RetryableError(`request timed out after ${timeoutMs} ms`) };
}
