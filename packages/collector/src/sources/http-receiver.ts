import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import * as snappy from 'snappyjs';
import { ProtocolError, ShutdownError } from '../errors';
import type { InFlightReservation } from './in-flight-budget';
import { listen } from './listen';

/**
 * What the HTTP receivers (loki_push, heroku_drain, otlp_http) share: the server, the body read under a cap and the in-flight limit, inflated
 * per Content-Encoding, and the handler picked by Content-Type. Every refusal is a ProtocolError with its status.
 */

/** A request body's limit and the config key that sets it, named in the 413. */
export interface BodyLimit {
  maxBytes: number;
  key: string;
}

export interface ReceivedBody {
  /** The bytes as sent (what the receiver's byte counters count). */
  raw: Buffer;
  /** The bytes after Content-Encoding was undone; `raw` itself when there was none. */
  body: Buffer;
}

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);

// zstd is not among them: Node 20's zlib has no zstd, and no maintained pure-JS decoder is a dependency here.
const INFLATERS: Readonly<Record<string, (body: Buffer, maxOutputLength: number) => Promise<Buffer>>> = {
  gzip: (body, maxOutputLength) => gunzip(body, { maxOutputLength }),
  deflate: (body, maxOutputLength) => inflate(body, { maxOutputLength }),
  // snappyjs is synchronous: the block's declared length is checked against the cap before any byte is inflated.
  snappy: async (body, maxOutputLength) => Buffer.from(snappy.uncompress(body, maxOutputLength)),
};

/**
 * Reads the body into `reservation` (the shared in-flight limit) and inflates it off the event loop unless `inflate`
 * is false (a format that compresses itself, as Loki's snappy protobuf); the inflated bytes count against the limit too.
 */
export async function receiveBody(
  req: http.IncomingMessage,
  limit: BodyLimit,
  reservation: InFlightReservation,
  options: { inflate?: boolean } = {},
): Promise<ReceivedBody> {
  const raw = await readBody(req, limit, reservation);
  if (options.inflate === false) return { raw, body: raw };
  const encoding = (req.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') return { raw, body: raw };
  const inflater = INFLATERS[encoding];
  if (inflater === undefined) {
    throw new ProtocolError(
      415,
      `unsupported Content-Encoding ${JSON.stringify(encoding.slice(0, 32))}; use ${Object.keys(INFLATERS).join(', ')} or none`,
    );
  }
  let body: Buffer;
  try {
    body = await inflater(raw, limit.maxBytes);
  } catch (err) {
    const tooLarge =
      (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || /too big/.test((err as Error).message);
    if (tooLarge) throw new ProtocolError(413, `decompressed body is over ${limit.key} (${limit.maxBytes})`);
    throw new ProtocolError(400, `invalid ${encoding} body: ${(err as Error).message}`);
  }
  reservation.add(body.length);
  return { raw, body };
}

/** The request's media type, lower case, without parameters (`application/json; charset=utf-8` -> `application/json`). */
export function mediaType(req: http.IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** The handler for the request's media type; a 415 naming the accepted types otherwise. */
export function byContentType<T>(req: http.IncomingMessage, handlers: Readonly<Record<string, T>>): T {
  const type = mediaType(req);
  const handler = Object.hasOwn(handlers, type) ? handlers[type] : undefined;
  if (handler === undefined) {
    throw new ProtocolError(
      415,
      `unsupported Content-Type ${JSON.stringify(type.slice(0, 100))}; use ${Object.keys(handlers).join(' or ')}`,
    );
  }
  return handler;
}

/**
 * Reads a request body into `reservation`, refusing a declared Content-Length before a byte is read. Rejects with a
 * 413 past `limit`, or with the reservation's error (QueueFullError, RequestTooLargeError); the rest of a refused body
 * is read and discarded, so the client still sees the answer.
 */
function readBody(req: http.IncomingMessage, limit: BodyLimit, reservation: InFlightReservation): Promise<Buffer> {
  const maxBytes = limit.maxBytes;
  const overMax = (declared?: number): Error =>
    new ProtocolError(
      413,
      declared === undefined
        ? `request body is over ${limit.key} (${maxBytes})`
        : `request body of ${declared} bytes is over ${limit.key} (${maxBytes})`,
    );
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (err: Error): void => {
      req.removeAllListeners('data');
      req.resume();
      chunks.length = 0;
      reject(err);
    };
    if (declared > maxBytes) return stop(overMax(declared));
    try {
      if (declared > 0) reservation.add(declared);
    } catch (err) {
      return stop(err as Error);
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return stop(overMax());
      try {
        if (!(declared >= size)) reservation.add(chunk.length); // chunked, or more than declared
      } catch (err) {
        return stop(err as Error);
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

/**
 * Stops taking requests and waits for those in flight; when `signal` aborts, `abortInFlight` cancels them and every
 * connection is closed, so the shutdown deadline holds.
 */
async function closeGracefully(server: http.Server, signal: AbortSignal, abortInFlight: () => void): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const onAbort = (): void => {
    abortInFlight();
    server.closeAllConnections();
  };
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  await closed;
  signal.removeEventListener('abort', onAbort);
}

/**
 * A push receiver's HTTP server: serves each request with `handle`, and on close stops taking requests, waits for
 * those in flight and, when the deadline's signal aborts, cancels them through `inFlight` (a ShutdownError).
 */
export class HttpReceiverServer {
  readonly #handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
  readonly #inFlight = new AbortController();
  #server: http.Server | undefined;
  #stopping = false;

  constructor(handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>) {
    this.#handle = handle;
  }

  /** The bound port (useful with port 0); 0 before listen. */
  get port(): number {
    return (this.#server?.address() as AddressInfo | null)?.port ?? 0;
  }

  /** True once close() began: a new request is refused as shutting down. */
  get stopping(): boolean {
    return this.#stopping;
  }

  /** Aborts with a ShutdownError when the shutdown deadline cuts the requests in flight. */
  get inFlight(): AbortSignal {
    return this.#inFlight.signal;
  }

  async listen(port: number, host: string): Promise<void> {
    if (this.#server) return;
    const server = http.createServer((req, res) => void this.#handle(req, res));
    this.#server = server;
    await listen(server, port, host);
  }

  async close(signal: AbortSignal): Promise<void> {
    if (this.#stopping || !this.#server) return;
    this.#stopping = true;
    await closeGracefully(this.#server, signal, () => this.#inFlight.abort(new ShutdownError()));
  }
}
