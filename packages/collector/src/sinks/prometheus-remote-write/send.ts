// The subpath, not the index: a collector without the sorter loads none of the API schemas.
import { parseRetryAfter } from '@obs/schema/http';
import { PermanentError, RetryableError } from '../../errors';
import type { SendResult } from '../../delivery/send';
import { encodeWriteRequest } from './encode';
import type { TimeSeries } from './series';

export interface RemoteWriteTarget {
  url: string;
  /** Extra headers (auth included); the protocol headers below always win. */
  headers: Record<string, string>;
}

/** One remote write 1.0 request. 5xx and 429 are retryable (429 with Retry-After); every other 4xx is rejected. */
export async function sendWriteRequest(
  target: RemoteWriteTarget,
  series: readonly TimeSeries[],
  signal: AbortSignal,
): Promise<SendResult> {
  const body = encodeWriteRequest(series);
  let response: Response;
  try {
    response = await fetch(target.url, {
      method: 'POST',
      headers: {
        ...target.headers,
        'content-encoding': 'snappy',
        'content-type': 'application/x-protobuf',
        'user-agent': 'obs-collector/0.1',
        'x-prometheus-remote-write-version': '0.1.0',
      },
      body,
      signal,
    });
    // The spec says the body is to be ignored; reading a little of it makes the error useful without echoing much.
    const text = (await response.text()).slice(0, 200).trim();
    if (response.ok) return { status: 'ok' };
    const message = `remote write answered HTTP ${response.status}${text ? `: ${text}` : ''}`;
    if (response.status >= 500 || response.status === 429) {
      return {
        status: 'retryable',
        error: new RetryableError(message),
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      };
    }
    return {
      status: 'rejected',
      error: new PermanentError(message),
      reason: `http_${response.status >= 400 && response.status < 500 ? '4xx' : 'other'}`,
    };
  } catch (err) {
    const cause = (err as { cause?: { code?: unknown } }).cause;
    const code = typeof cause?.code === 'string' ? cause.code : (err as Error).name;
    return {
      status: 'retryable',
      error: new RetryableError(`remote write request failed: ${code}`, undefined, { cause: err }),
    };
  }
}
