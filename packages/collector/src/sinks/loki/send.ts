import type { LogEntry } from '../../entry';
import { PermanentError, RetryableError } from '../../errors';
import { parseRetryAfter } from '../../delivery/retry-after';
import type { Send, SendResult } from '../../delivery/send';
import type { SinkMetrics } from '../../delivery/sink-metrics';
import type { LokiSinkConfig } from './config';
import { encodePush, type EncodeStats } from './encode';
import { tenantIdProblem } from './tenant';

/**
 * One push attempt for one tenant (its X-Scope-OrgID, none when undefined): encode, POST, and classify the
 * answer (429/5xx/connection error retryable, other 4xx not).
 */
export function createLokiSend(config: LokiSinkConfig, metrics: SinkMetrics, onEncoded: (stats: EncodeStats) => void): (tenant: string | undefined) => Send {
  const common: Record<string, string> = {
    ...config.headers,
    'Content-Type': 'application/x-protobuf',
    'Content-Encoding': 'snappy',
    'User-Agent': 'obs-collector',
  };
  if (config.basic_auth) common['Authorization'] = `Basic ${Buffer.from(`${config.basic_auth.username}:${config.basic_auth.password}`).toString('base64')}`;
  const encodeOptions = { externalLabels: config.external_labels, maxLabels: config.max_labels, maxLineBytes: config.max_line_size_bytes };

  return (tenant) => {
    const problem = tenant === undefined ? undefined : tenantIdProblem(tenant);
    const headers = tenant === undefined ? common : { ...common, 'X-Scope-OrgID': tenant };
    return problem !== undefined
      ? async () => ({ status: 'rejected', error: new PermanentError(problem), reason: 'invalid_tenant' })
      : (entries, signal) => push(entries, signal, headers);
  };

  async function push(entries: readonly LogEntry[], signal: AbortSignal, headers: Record<string, string>): Promise<SendResult> {
    const { body, stats } = encodePush(entries, encodeOptions);
    onEncoded(stats);
    const started = performance.now();
    let response: Response;
    try {
      response = await fetch(config.url, { method: 'POST', headers, body, signal });
    } catch (err) {
      metrics.requestDuration('error').observe((performance.now() - started) / 1000);
      if (signal.aborted) throw err;
      return { status: 'retryable', error: new RetryableError(`push to Loki failed: ${describeFetchError(err)}`) };
    }
    const text = await response.text().catch(() => '');
    metrics.requestDuration(String(response.status)).observe((performance.now() - started) / 1000);
    if (response.ok) return { status: 'ok' };
    const detail = `Loki answered ${response.status}${text ? `: ${text.trim().slice(0, 300)}` : ''}`;
    if (response.status === 429 || response.status >= 500) {
      return { status: 'retryable', error: new RetryableError(detail), retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) };
    }
    return { status: 'rejected', error: new PermanentError(detail), reason: `http_${response.status}` };
  }
}

function describeFetchError(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message;
}
