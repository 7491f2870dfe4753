import * as fs from 'node:fs';
// The subpath, not the index: a collector without the sorter loads none of the API schemas.
import { parseRetryAfter } from '@obs/schema/http';
import { PermanentError, RetryableError } from '../../errors';
import { describeRequestError, header, httpPost, type PostAnswer, type TlsOptions } from '../../delivery/http-post';
import type { Send, SendResult } from '../../delivery/send';
import type { SinkMetrics } from '../../delivery/sink-metrics';
import type { LokiSinkConfig } from './config';
import { refusedEntries } from './refused-entries';
import { tenantIdProblem } from '../../protocols/loki/tenant';

// Loki's 400 body lists each distinct refusal; more than this is not worth keeping to count them.
const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * One push attempt of a snappy-compressed PushRequest for one tenant (its X-Scope-OrgID, none when undefined):
 * POST, and classify the answer (429/5xx/connection error retryable, other 4xx not).
 */
export function createLokiPost(
  config: LokiSinkConfig,
  metrics: SinkMetrics,
): (tenant: string | undefined) => Send<Uint8Array> {
  const common: Record<string, string> = {
    ...config.headers,
    'Content-Type': 'application/x-protobuf',
    'Content-Encoding': 'snappy',
    'User-Agent': 'obs-collector',
  };
  const url = new URL(config.url);
  const basic =
    (username: string) =>
    (password: string): string =>
      `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  if (config.basic_auth?.password !== undefined)
    common['Authorization'] = basic(config.basic_auth.username)(config.basic_auth.password);
  if (config.bearer_token !== undefined) common['Authorization'] = `Bearer ${config.bearer_token}`;
  // Read on every push (readCredentialFile), so a rotated token is picked up without a restart.
  const fromFile =
    config.basic_auth?.password_file !== undefined
      ? {
          key: 'basic_auth password_file',
          file: config.basic_auth.password_file,
          header: basic(config.basic_auth.username),
        }
      : config.bearer_token_file !== undefined
        ? { key: 'bearer_token_file', file: config.bearer_token_file, header: (token: string) => `Bearer ${token}` }
        : undefined;

  return (tenant) => {
    const problem = tenant === undefined ? undefined : tenantIdProblem(tenant);
    const headers = tenant === undefined ? common : { ...common, 'X-Scope-OrgID': tenant };
    return problem !== undefined
      ? async () => ({ status: 'rejected', error: new PermanentError(problem), reason: 'invalid_tenant' })
      : (body, signal) => post(body, signal, headers);
  };

  async function post(body: Uint8Array, signal: AbortSignal, headers: Record<string, string>): Promise<SendResult> {
    let tls: TlsOptions;
    try {
      tls = await tlsOptions(config.tls);
      if (fromFile)
        headers = {
          ...headers,
          Authorization: fromFile.header(
            (await readCredentialFile(fromFile.key, fromFile.file)).toString('utf8').trim(),
          ),
        };
    } catch (err) {
      if (err instanceof RetryableError) return { status: 'retryable', error: err };
      throw err;
    }
    const started = performance.now();
    let response: PostAnswer;
    try {
      response = await httpPost(url, headers, body, signal, { tls, maxAnswerBytes: MAX_ANSWER_BYTES });
    } catch (err) {
      metrics.requestDuration('error').observe((performance.now() - started) / 1000);
      if (signal.aborted) throw err;
      return { status: 'retryable', error: new RetryableError(`push to Loki failed: ${describeRequestError(err)}`) };
    }
    const text = response.body.toString('utf8', 0, 300).trim();
    metrics.requestDuration(String(response.status)).observe((performance.now() - started) / 1000);
    if (response.ok) return { status: 'ok' };
    const detail = `Loki answered ${response.status}${text ? `: ${text}` : ''}`;
    if (response.status === 429 && config.drop_rate_limited_batches) {
      return { status: 'rejected', error: new PermanentError(detail), reason: 'http_429' };
    }
    if (response.status === 429 || response.status >= 500) {
      return {
        status: 'retryable',
        error: new RetryableError(detail),
        retryAfterMs: parseRetryAfter(header(response, 'retry-after')),
      };
    }
    const refused = response.status === 400 ? refusedEntries(response.body.toString('utf8')) : undefined;
    return {
      status: 'rejected',
      error: new PermanentError(detail),
      reason: `http_${response.status}`,
      ...(refused !== undefined ? { refusedEntries: refused } : {}),
    };
  }
}

/** The tls settings, their files read on every push like the token files (readCredentialFile). */
async function tlsOptions(tls: LokiSinkConfig['tls']): Promise<TlsOptions> {
  if (tls === undefined) return {};
  const read = async (key: 'ca_file' | 'cert_file' | 'key_file'): Promise<Buffer | undefined> => {
    const file = tls[key];
    return file === undefined ? undefined : readCredentialFile(`tls ${key}`, file);
  };
  const [ca, cert, key] = await Promise.all([read('ca_file'), read('cert_file'), read('key_file')]);
  return {
    ...(ca !== undefined ? { ca } : {}),
    ...(cert !== undefined && key !== undefined ? { cert, key } : {}),
    ...(tls.server_name !== undefined ? { servername: tls.server_name } : {}),
    rejectUnauthorized: !tls.insecure_skip_verify,
  };
}

/**
 * A credential file (token, password, certificate), read for each push so a rotated one is taken without a restart.
 * One that cannot be read makes the push retryable: it may be in the middle of being replaced. The error names the
 * file and the system error code, never its content.
 */
async function readCredentialFile(key: string, file: string): Promise<Buffer> {
  try {
    return await fs.promises.readFile(file);
  } catch (err) {
    throw new RetryableError(`cannot read ${key} ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}
