import { Buffer } from 'node:buffer';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Counter } from 'prom-client';
// The subpath, not the index: a collector without the sorter loads none of the API schemas.
import { parseRetryAfter } from '@obs/schema/http';
import { describeRequestError, header, httpPost, type PostAnswer } from '../../delivery/http-post';
import type { Send, SendResult } from '../../delivery/send';
import type { SinkMetrics } from '../../delivery/sink-metrics';
import { PermanentError, RetryableError } from '../../errors';
import type { SignalCodec } from '../../protocols/otlp/codec';
import type { Signal } from '../../protocols/otlp/types';
import type { OtlpSinkConfig } from './config';

const gzip = promisify(zlib.gzip);

/** Statuses the OTLP spec lets an exporter retry; every other failure is final. */
const retryable = new Set([429, 502, 503, 504]);

export interface OtlpSendCounters {
  sent: Counter.Internal;
  rejected: Counter.Internal;
}

/**
 * One OTLP/HTTP export attempt of queued records (each an encoded request of the signal; together one request):
 * POST protobuf (gzip) to <endpoint>/v1/<signal>. A 200 with partial success is
 * final: the rejected count is recorded and the batch is not retried, as the spec says.
 */
export function createOtlpSend<S extends Signal>(
  config: OtlpSinkConfig,
  codec: SignalCodec<S>,
  metrics: SinkMetrics,
  counters: OtlpSendCounters,
): Send {
  const url = new URL(`${config.endpoint.replace(/\/+$/, '')}${codec.httpPath}`);
  const headers: Record<string, string> = {
    ...config.headers,
    'Content-Type': 'application/x-protobuf',
    'User-Agent': 'obs-collector',
  };
  if (config.compression === 'gzip') headers['Content-Encoding'] = 'gzip';
  if (config.basic_auth)
    headers.Authorization = `Basic ${Buffer.from(`${config.basic_auth.username}:${config.basic_auth.password}`).toString('base64')}`;

  return async (records, signal): Promise<SendResult> => {
    const body = records.length === 1 ? records[0].payload : Buffer.concat(records.map((r) => r.payload));
    let items = 0;
    for (const record of records) items += record.entries;
    const payload = config.compression === 'gzip' ? await gzip(body) : body;
    const started = performance.now();
    let response: PostAnswer;
    try {
      response = await httpPost(url, headers, payload, signal);
    } catch (err) {
      metrics.requestDuration('error').observe((performance.now() - started) / 1000);
      if (signal.aborted) throw err;
      return {
        status: 'retryable',
        error: new RetryableError(`OTLP export of ${codec.signal} failed: ${describeRequestError(err)}`),
      };
    }
    const answer = response.body;
    metrics.requestDuration(String(response.status)).observe((performance.now() - started) / 1000);
    if (response.ok) {
      const partial =
        answer.length > 0 && (header(response, 'content-type') ?? '').includes('protobuf')
          ? safeDecode(codec, answer)
          : undefined;
      const rejected = Math.min(items, partial?.rejected ?? 0);
      if (rejected > 0) counters.rejected.inc(rejected);
      counters.sent.inc(items - rejected);
      return { status: 'ok' };
    }
    const detail = `OTLP endpoint answered ${response.status} for ${codec.signal}`;
    if (retryable.has(response.status)) {
      return {
        status: 'retryable',
        error: new RetryableError(detail),
        retryAfterMs: parseRetryAfter(header(response, 'retry-after')),
      };
    }
    return { status: 'rejected', error: new PermanentError(detail), reason: `http_${response.status}` };
  };
}

function safeDecode<S extends Signal>(codec: SignalCodec<S>, body: Uint8Array): { rejected: number } | undefined {
  try {
    return codec.decodeResponseProtobuf(body);
  } catch {
    return undefined;
  }
}
