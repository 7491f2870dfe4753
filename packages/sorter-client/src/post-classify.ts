import { parseRetryAfter } from '@obs/schema';
import { SorterRequestError } from './errors';
import { parseClassifyResponse } from './response';
import type { ClassifyItem, ClassifyResult } from './types';

export interface PostClassifyOptions {
  /** Full URL of the endpoint, e.g. http://127.0.0.1:8080/classify. */
  endpoint: string;
  apiKey?: string;
  /** Budget for the whole call including retries. */
  timeoutMs: number;
  /** Extra attempts for retryable failures (429, 502-504, connection refused/reset). */
  maxRetries: number;
  /** First backoff when the sorter gives no Retry-After; doubles per attempt. */
  minBackoffMs: number;
}

/** One POST /classify with its retries; resolves with the results or rejects with SorterRequestError. */
export async function postClassify(
  items: readonly ClassifyItem[],
  options: PostClassifyOptions,
  signal?: AbortSignal,
): Promise<ClassifyResult[]> {
  const deadline = Date.now() + options.timeoutMs;
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const body = JSON.stringify({ items });
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'obs-sorter-client/0.1' };
  if (options.apiKey) headers['x-api-key'] = options.apiKey;
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptOnce(options.endpoint, headers, body, combined, timeout);
    } catch (err) {
      const error = err as SorterRequestError;
      if (!error.retryable || attempt >= options.maxRetries) throw error;
      const waitMs = error.retryAfterMs ?? options.minBackoffMs * 2 ** attempt;
      // Waiting past the deadline would only turn this into a timeout; give up now with the real cause.
      if (Date.now() + waitMs >= deadline) throw error;
      await delay(waitMs, combined, timeout);
    }
  }
}

async function attemptOnce(
  endpoint: string,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
  timeout: AbortSignal,
): Promise<ClassifyResult[]> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(endpoint, { method: 'POST', headers, body, signal });
    text = await response.text();
  } catch (err) {
    if (timeout.aborted)
      throw new SorterRequestError('sorter did not answer in time', 'timeout', undefined, undefined, { cause: err });
    if (signal.aborted)
      throw new SorterRequestError('request cancelled', 'closed', undefined, undefined, { cause: err });
    throw new SorterRequestError(`sorter unreachable: ${networkCode(err)}`, 'network_error', undefined, undefined, {
      cause: err,
    });
  }
  if (!response.ok) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    throw new SorterRequestError(
      `sorter answered HTTP ${response.status}`,
      'http_error',
      response.status,
      retryAfterMs,
    );
  }
  return parseClassifyResponse(text);
}

function networkCode(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  // fetch refuses some ports without trying (the Fetch standard's bad ports: 1, 6000, 6665-6669 ...) and says so
  // only in words; words that could hold a URL or credentials are not repeated.
  const words = cause?.message;
  return typeof words === 'string' && /^[a-z ]{1,40}$/i.test(words) ? words : 'connection failed';
}

function delay(ms: number, signal: AbortSignal, timeout: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(
        timeout.aborted
          ? new SorterRequestError('sorter did not answer in time', 'timeout')
          : new SorterRequestError('request cancelled', 'closed'),
      );
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}
