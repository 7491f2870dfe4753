import { withTimeout } from './timeout';
import type { Send } from './send';

// Rejects with the abort reason, as fetch does; both reasons here (the timeout's, the caller's) are Errors.
const hangs: Send = (_entries, signal) =>
  new Promise((_resolve, reject) =>
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }),
  );

describe('withTimeout', () => {
  test('returns a retryable result when the attempt outlives the timeout', async () => {
    const result = await withTimeout(hangs, 20)([], new AbortController().signal);
    expect(result).toMatchObject({ status: 'retryable' });
    expect(result.status === 'retryable' && result.error.message).toBe('request timed out after 20 ms');
  });
  test('passes the result through when the attempt is quick', async () => {
    await expect(withTimeout(async () => ({ status: 'ok' }), 1000)([], new AbortController().signal)).resolves.toEqual({
      status: 'ok',
    });
  });
  test('rethrows the caller abort when the caller aborts first', async () => {
    const controller = new AbortController();
    const pending = withTimeout(hangs, 60_000)([], controller.signal);
    controller.abort(new Error('caller gave up'));
    await expect(pending).rejects.toThrow('caller gave up');
  });
});
