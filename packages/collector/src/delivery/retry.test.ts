import { RetryableError } from '../errors';
import { withRetry } from './retry';
import type { Send, SendResult } from './send';

function scripted(results: SendResult[]): Send & { calls: number } {
  const send = (async () => {
    send.calls++;
    return results.shift() ?? { status: 'ok' };
  }) as unknown as Send & { calls: number };
  send.calls = 0;
  return send;
}

const retryable = (retryAfterMs?: number): SendResult => ({
  status: 'retryable',
  error: new RetryableError('503'),
  retryAfterMs,
});

describe('withRetry', () => {
  test('retries until ok when the backend fails a few times', async () => {
    const send = scripted([retryable(), retryable()]);
    const waits: number[] = [];
    const wrapped = withRetry(send, {
      minBackoffMs: 10,
      maxBackoffMs: 100,
      maxRetries: 5,
      random: () => 0.999999,
      sleep: async (ms) => void waits.push(ms),
    });
    await expect(wrapped([], new AbortController().signal)).resolves.toEqual({ status: 'ok' });
    expect(send.calls).toBe(3);
    expect(waits).toEqual([10, 20]);
  });

  test('waits the longer of backoff and Retry-After when the backend names a delay', async () => {
    const waits: number[] = [];
    const wrapped = withRetry(scripted([retryable(5000), retryable(1)]), {
      minBackoffMs: 10,
      maxBackoffMs: 100,
      maxRetries: 5,
      random: () => 0.999999,
      sleep: async (ms) => void waits.push(ms),
    });
    await wrapped([], new AbortController().signal);
    expect(waits).toEqual([5000, 20]);
  });

  test('returns the last retryable result when retries are exhausted', async () => {
    const send = scripted([retryable(), retryable(), retryable()]);
    const wrapped = withRetry(send, { minBackoffMs: 1, maxBackoffMs: 1, maxRetries: 2, sleep: async () => undefined });
    await expect(wrapped([], new AbortController().signal)).resolves.toMatchObject({ status: 'retryable' });
    expect(send.calls).toBe(3);
  });

  test('does not retry when the result is rejected', async () => {
    const send = scripted([{ status: 'rejected', error: new Error('400'), reason: 'http_400' }]);
    const wrapped = withRetry(send, { minBackoffMs: 1, maxBackoffMs: 1, maxRetries: 0, sleep: async () => undefined });
    await expect(wrapped([], new AbortController().signal)).resolves.toMatchObject({ status: 'rejected' });
    expect(send.calls).toBe(1);
  });

  test('stops waiting when the signal aborts', async () => {
    const controller = new AbortController();
    const send = scripted([retryable(60_000)]);
    const wrapped = withRetry(send, { minBackoffMs: 1, maxBackoffMs: 1, maxRetries: 0 });
    const pending = wrapped([], controller.signal);
    controller.abort(new Error('shutdown'));
    await expect(pending).resolves.toMatchObject({ status: 'retryable' });
    expect(send.calls).toBe(1);
  });
});
