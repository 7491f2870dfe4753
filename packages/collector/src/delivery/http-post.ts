import * as http from 'node:http';
import * as https from 'node:https';

/** TLS settings of an https request (ignored over http): CA, client certificate, expected name. */
export type TlsOptions = Pick<https.RequestOptions, 'ca' | 'cert' | 'key' | 'servername' | 'rejectUnauthorized'>;

// An answer's body is read for an error message; more is not kept unless the caller asks for more.
const DEFAULT_MAX_ANSWER_BYTES = 64 * 1024;

/** How a POST is made: TLS settings, and how much of the answer's body is kept (64 KiB when not set). */
export interface PostOptions {
  tls?: TlsOptions;
  maxAnswerBytes?: number;
}

/** What a backend answered to a POST; `body` is cut at the request's maxAnswerBytes. */
export interface PostAnswer {
  status: number;
  ok: boolean;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * POSTs `body` as it is. Not fetch(): fetch copies every request body, and a copy that lives through the round
 * trip is promoted and stays in memory until a full GC. Rejects on connection errors (their `code`, e.g.
 * ECONNREFUSED, names them: see describeRequestError) and when `signal` aborts.
 */
export function httpPost(
  url: URL,
  headers: Record<string, string>,
  body: Uint8Array,
  signal: AbortSignal,
  { tls = {}, maxAnswerBytes = DEFAULT_MAX_ANSWER_BYTES }: PostOptions = {},
): Promise<PostAnswer> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? https.request : http.request;
    const request = send(
      url,
      { method: 'POST', headers: { ...headers, 'Content-Length': String(body.length) }, signal, ...tls },
      (response) => {
        const parts: Buffer[] = [];
        let kept = 0;
        response.on('data', (part: Buffer) => {
          if (kept >= maxAnswerBytes) return;
          parts.push(part);
          kept += part.length;
        });
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          resolve({
            status,
            ok: status >= 200 && status < 300,
            headers: response.headers,
            body: Buffer.concat(parts).subarray(0, maxAnswerBytes),
          });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** A short name for why a request failed: the system error code when there is one. */
export function describeRequestError(err: unknown): string {
  const { code, message } = err as { code?: unknown; message?: string };
  return typeof code === 'string' ? code : (message ?? String(err));
}

/** One response header as a string (the first, when it was sent more than once), or null. */
export function header(answer: PostAnswer, name: string): string | null {
  const value = answer.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}
