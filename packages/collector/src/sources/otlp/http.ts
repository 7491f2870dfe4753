import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { Writer } from 'protobufjs/minimal';
import { z } from 'zod';
import type { ComponentDefinition, Source } from '../../component';
import { PermanentError, QueueFullError, retryAfterSeconds, toHttpStatus } from '../../errors';
import { codecs, type SignalCodec } from '../../protocols/otlp/codec';
import { createOtlpReceiver, receiverConfigShape, type OtlpReceiverContext } from './receiver';
import type { Signal } from '../../protocols/otlp/types';
import { OtlpWireError } from '../../protocols/otlp/wire-error';
import { RequestTooLargeError, unlimitedBudget, type InFlightReservation } from '../in-flight-budget';
import { readBody } from '../read-body';

export const otlpHttpConfig = z
  .object({
    listen_address: z.string().default('0.0.0.0').describe('Address the OTLP/HTTP server binds to.'),
    listen_port: z.number().int().min(0).max(65535).default(4318).describe('Port of POST /v1/traces, /v1/metrics, /v1/logs (0 = any free port).'),
    max_request_body_bytes: z.number().int().positive().default(20 * 1024 * 1024).describe('Largest request body, after gunzip; bigger requests get 413.'),
    ...receiverConfigShape,
  })
  .strict();

export type OtlpHttpConfig = z.infer<typeof otlpHttpConfig>;

export interface OtlpHttpSource extends Source {
  /** The bound address once started (listen_port 0 picks a free port). */
  address(): AddressInfo;
}

type Format = 'protobuf' | 'json';

/** An HTTP failure with the status to answer; its message is safe to send back (no payload content). */
class HttpFailure extends Error {
  constructor(readonly status: number, message: string, readonly retryAfter?: number) {
    super(message);
  }
}

// google.rpc.Status {int32 code = 1; string message = 2;}: the error body OTLP/HTTP prescribes.
function encodeStatus(code: number, message: string): Uint8Array {
  return Writer.create().uint32(8).int32(code).uint32(18).string(message).finish();
}

// gRPC codes matching the HTTP status, as the OpenTelemetry Collector maps them.
function grpcCodeFor(status: number): number {
  if (status === 400 || status === 413) return 3;
  if (status === 429) return 8;
  if (status === 503 || status === 502 || status === 504) return 14;
  if (status === 415 || status === 404 || status === 405) return 12;
  return 13;
}

function formatOf(contentType: string | undefined): Format | undefined {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-protobuf' || type === 'application/protobuf') return 'protobuf';
  if (type === 'application/json') return 'json';
  return undefined;
}

/** The shared in-flight limit's refusal as an answer: 413 when the body could never fit, else 429 + Retry-After. */
function budgetFailure(err: unknown): HttpFailure {
  if (err instanceof RequestTooLargeError) return new HttpFailure(413, err.message);
  if (err instanceof QueueFullError) return new HttpFailure(429, err.message, retryAfterSeconds(err));
  throw err;
}

function decompress(body: Buffer, encoding: string | undefined, limit: number): Promise<Buffer> {
  const enc = (encoding ?? '').trim().toLowerCase();
  if (enc === '' || enc === 'identity') return Promise.resolve(body);
  if (enc !== 'gzip' && enc !== 'deflate') {
    return Promise.reject(new HttpFailure(415, `unsupported Content-Encoding ${JSON.stringify(enc.slice(0, 32))} (use gzip, deflate or none)`));
  }
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, out: Buffer): void => {
      if (err === null) resolve(out);
      else if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') reject(new HttpFailure(413, `decompressed body exceeds max_request_body_bytes (${limit})`));
      else reject(new HttpFailure(400, `invalid ${enc} body: ${err.message}`));
    };
    if (enc === 'gzip') zlib.gunzip(body, { maxOutputLength: limit }, done);
    else zlib.inflate(body, { maxOutputLength: limit }, done);
  });
}

/** OTLP/HTTP receiver: POST /v1/{traces,metrics,logs}, protobuf or JSON, gzip, answers in the request's format. */
export function createOtlpHttpSource(config: OtlpHttpConfig, ctx: OtlpReceiverContext): OtlpHttpSource {
  const receiver = createOtlpReceiver(config, ctx, 'http');
  const budget = ctx.inFlight ?? unlimitedBudget;
  const routes = new Map<string, SignalCodec<Signal>>();
  for (const codec of Object.values(codecs)) routes.set(codec.httpPath, codec as SignalCodec<Signal>);
  const inFlight = new Map<AbortController, { res: http.ServerResponse; format: Format }>();
  let server: http.Server | undefined;

  async function handle(req: http.IncomingMessage, codec: SignalCodec<Signal>, format: Format, abort: AbortSignal): Promise<Uint8Array | string> {
    const reservation = budget.open();
    try {
      return await decodeAndExport(req, codec, format, abort, reservation);
    } finally {
      reservation.release();
    }
  }

  async function decodeAndExport(req: http.IncomingMessage, codec: SignalCodec<Signal>, format: Format, abort: AbortSignal, reservation: InFlightReservation): Promise<Uint8Array | string> {
    const limit = config.max_request_body_bytes;
    const raw = await readBody(req, limit, reservation, (declared) =>
      new HttpFailure(413, declared === undefined ? `request body exceeds max_request_body_bytes (${limit})` : `request body of ${declared} bytes exceeds max_request_body_bytes (${limit})`),
    ).catch((err: unknown) => {
      throw err instanceof HttpFailure ? err : budgetFailure(err);
    });
    const body = await decompress(raw, req.headers['content-encoding'], config.max_request_body_bytes);
    if (body !== raw) {
      try {
        reservation.add(body.length);
      } catch (err) {
        throw budgetFailure(err);
      }
    }
    let data;
    try {
      data = format === 'protobuf' ? codec.decodeProtobuf(body) : codec.decodeJson(body.toString('utf8'));
    } catch (err) {
      if (err instanceof OtlpWireError) throw new HttpFailure(400, `malformed OTLP ${format} ${codec.signal} request: ${err.message}`);
      throw err;
    }
    let partial;
    try {
      partial = await receiver.export(codec.signal, data, abort);
    } catch (err) {
      const status = toHttpStatus(err);
      const message = err instanceof PermanentError ? err.message : status === 500 ? 'internal error' : (err as Error).message;
      throw new HttpFailure(status, message, status === 429 || status === 503 ? retryAfterSeconds(err) : undefined);
    }
    return format === 'protobuf' ? codec.encodeResponseProtobuf(partial) : codec.encodeResponseJson(partial);
  }

  function reply(res: http.ServerResponse, status: number, format: Format, body: Uint8Array | string, headers: Record<string, string> = {}): void {
    if (res.headersSent) return; // answered 503 already by a shutdown that hit its deadline
    // While draining, keep-alive connections close after their answer so shutdown need not wait them out.
    if (server === undefined) headers = { ...headers, connection: 'close' };
    res.writeHead(status, { 'content-type': format === 'protobuf' ? 'application/x-protobuf' : 'application/json', ...headers });
    res.end(body);
  }

  function fail(res: http.ServerResponse, format: Format, err: HttpFailure): void {
    const headers: Record<string, string> = err.retryAfter !== undefined ? { 'retry-after': String(err.retryAfter) } : {};
    if (err.status === 413 || err.status === 503) headers.connection = 'close';
    const code = grpcCodeFor(err.status);
    reply(res, err.status, format, format === 'protobuf' ? encodeStatus(code, err.message) : JSON.stringify({ code, message: err.message }), headers);
  }

  function onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = (req.url ?? '').split('?')[0]!;
    const codec = routes.get(path);
    const format = formatOf(req.headers['content-type']);
    if (codec === undefined) return fail(res, format ?? 'json', new HttpFailure(404, `no OTLP endpoint at ${path.slice(0, 100)}; use /v1/traces, /v1/metrics or /v1/logs`));
    if (req.method !== 'POST') return fail(res, format ?? 'json', new HttpFailure(405, `${req.method} not allowed; OTLP/HTTP takes POST`));
    if (format === undefined) {
      req.resume();
      return fail(res, 'json', new HttpFailure(415, `unsupported Content-Type ${JSON.stringify((req.headers['content-type'] ?? '').slice(0, 100))}; use application/x-protobuf or application/json`));
    }
    const abort = new AbortController();
    inFlight.set(abort, { res, format });
    res.on('close', () => inFlight.delete(abort));
    handle(req, codec, format, abort.signal).then(
      (body) => reply(res, 200, format, body),
      (err: unknown) => {
        if (err instanceof HttpFailure) return fail(res, format, err);
        ctx.logger.error('OTLP/HTTP request failed', { source: ctx.id, error: (err as Error).message });
        fail(res, format, new HttpFailure(500, 'internal error'));
      },
    );
  }

  return {
    id: ctx.id,
    address() {
      const addr = server?.address();
      if (addr == null || typeof addr === 'string') throw new Error(`${ctx.id}: not listening`);
      return addr;
    },
    async start() {
      await receiver.start();
      const s = http.createServer(onRequest);
      server = s;
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(config.listen_port, config.listen_address, () => {
          s.off('error', reject);
          resolve();
        });
      });
    },
    async shutdown(signal) {
      const s = server;
      server = undefined;
      if (s !== undefined) {
        const closed = new Promise<void>((resolve) => s.close(() => resolve()));
        s.closeIdleConnections();
        // Requests still waiting downstream get 503 once the drain deadline passes; the sender retries them.
        const onAbort = (): void => {
          for (const [controller, { res, format }] of inFlight) {
            controller.abort();
            fail(res, format, new HttpFailure(503, 'collector is shutting down', 1));
          }
          s.closeIdleConnections();
        };
        signal.addEventListener('abort', onAbort, { once: true });
        await closed;
        signal.removeEventListener('abort', onAbort);
      }
      await receiver.shutdown(signal);
    },
  };
}

export const otlpHttpSourceDefinition: ComponentDefinition<OtlpHttpConfig, OtlpHttpSource, OtlpReceiverContext> = {
  type: 'otlp_http',
  description: 'OTLP/HTTP receiver (POST /v1/traces, /v1/metrics, /v1/logs; protobuf or JSON; gzip). Logs go to forward_to as entries; traces and metrics to traces_forward_to / metrics_forward_to.',
  config: otlpHttpConfig,
  create: createOtlpHttpSource,
};
