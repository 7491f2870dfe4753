import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writer } from 'protobufjs/minimal';
import { z } from 'zod';
import type { ComponentDefinition, Source } from '../../component';
import { ProtocolError, retryAfterSeconds, ShutdownError, toGrpcStatus, toHttpStatus } from '../../errors';
import { codecs, type SignalCodec } from '../../protocols/otlp/codec';
import { createOtlpReceiver, receiverConfigShape, type OtlpReceiverContext } from './receiver';
import type { Signal } from '../../protocols/otlp/types';
import { OtlpWireError } from '../../protocols/otlp/wire-error';
import { decodeJsonIncrementally } from '../../protocols/otlp/decode-json-incremental';
import { decodeProtobufIncrementally } from '../../protocols/otlp/decode-protobuf-incremental';
import { byContentType, mediaType, receiveBody } from '../http-receiver';
import { unlimitedBudget, type InFlightReservation } from '../in-flight-budget';
import { listen } from '../listen';

export const otlpHttpConfig = z
  .object({
    listen_address: z.string().default('0.0.0.0').describe('Address the OTLP/HTTP server binds to.'),
    listen_port: z
      .number()
      .int()
      .min(0)
      .max(65535)
      .default(4318)
      .describe('Port of POST /v1/traces, /v1/metrics, /v1/logs (0 = any free port).'),
    max_request_body_bytes: z
      .number()
      .int()
      .positive()
      .default(20 * 1024 * 1024)
      .describe('Largest request body, after gunzip; bigger requests get 413.'),
    ...receiverConfigShape,
  })
  .strict();

export type OtlpHttpConfig = z.infer<typeof otlpHttpConfig>;

export interface OtlpHttpSource extends Source {
  /** The bound address once started (listen_port 0 picks a free port). */
  address(): AddressInfo;
}

type Format = 'protobuf' | 'json';

// google.rpc.Status {int32 code = 1; string message = 2;}: the error body OTLP/HTTP prescribes.
function encodeStatus(code: number, message: string): Uint8Array {
  return Writer.create().uint32(8).int32(code).uint32(18).string(message).finish();
}

const FORMATS: Readonly<Record<string, Format>> = {
  'application/x-protobuf': 'protobuf',
  'application/protobuf': 'protobuf',
  'application/json': 'json',
};

/** OTLP/HTTP receiver: POST /v1/{traces,metrics,logs}, protobuf or JSON, gzip, answers in the request's format. */
export function createOtlpHttpSource(config: OtlpHttpConfig, ctx: OtlpReceiverContext): OtlpHttpSource {
  const receiver = createOtlpReceiver(config, ctx, 'http');
  const budget = ctx.inFlight ?? unlimitedBudget;
  const routes = new Map<string, SignalCodec<Signal>>();
  for (const codec of Object.values(codecs)) routes.set(codec.httpPath, codec);
  const inFlight = new Map<AbortController, { res: http.ServerResponse; format: Format }>();
  let server: http.Server | undefined;

  async function handle(
    req: http.IncomingMessage,
    codec: SignalCodec<Signal>,
    format: Format,
    abort: AbortSignal,
  ): Promise<Uint8Array | string> {
    const reservation = budget.open();
    try {
      return await decodeAndExport(req, codec, format, abort, reservation);
    } finally {
      reservation.release();
    }
  }

  async function decodeAndExport(
    req: http.IncomingMessage,
    codec: SignalCodec<Signal>,
    format: Format,
    abort: AbortSignal,
    reservation: InFlightReservation,
  ): Promise<Uint8Array | string> {
    const { body } = await receiveBody(
      req,
      { maxBytes: config.max_request_body_bytes, key: 'max_request_body_bytes' },
      reservation,
    );
    let data;
    try {
      data =
        format === 'protobuf'
          ? await decodeProtobufIncrementally(codec.signal, body)
          : await decodeJsonIncrementally(codec.signal, body);
    } catch (err) {
      if (err instanceof OtlpWireError)
        throw new ProtocolError(400, `malformed OTLP ${format} ${codec.signal} request: ${err.message}`);
      throw err;
    }
    const partial = await receiver.export(codec.signal, data, abort);
    return format === 'protobuf' ? codec.encodeResponseProtobuf(partial) : codec.encodeResponseJson(partial);
  }

  function reply(
    res: http.ServerResponse,
    status: number,
    format: Format,
    body: Uint8Array | string,
    headers: Record<string, string> = {},
  ): void {
    if (res.headersSent) return; // answered 503 already by a shutdown that hit its deadline
    // While draining, keep-alive connections close after their answer so shutdown need not wait them out.
    if (server === undefined) headers = { ...headers, connection: 'close' };
    res.writeHead(status, {
      'content-type': format === 'protobuf' ? 'application/x-protobuf' : 'application/json',
      ...headers,
    });
    res.end(body);
  }

  /** Answers an error in the request's format, with the status and gRPC code errors.ts maps it to. */
  function fail(res: http.ServerResponse, format: Format, err: unknown): void {
    const status = toHttpStatus(err);
    const headers: Record<string, string> =
      status === 429 || status === 503 ? { 'retry-after': String(retryAfterSeconds(err)) } : {};
    if (status === 413 || status === 503) headers.connection = 'close';
    if (status === 500) ctx.logger.error('OTLP/HTTP request failed', { source: ctx.id, error: (err as Error).message });
    // An internal failure's message can name server paths: it goes to the log, not to the client.
    const message = status === 500 ? 'internal error' : (err as Error).message;
    const code = toGrpcStatus(err);
    reply(
      res,
      status,
      format,
      format === 'protobuf' ? encodeStatus(code, message) : JSON.stringify({ code, message }),
      headers,
    );
  }

  function onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = (req.url ?? '').split('?')[0];
    const codec = routes.get(path);
    const answerIn = FORMATS[mediaType(req)] ?? 'json';
    if (codec === undefined)
      return fail(
        res,
        answerIn,
        new ProtocolError(404, `no OTLP endpoint at ${path.slice(0, 100)}; use /v1/traces, /v1/metrics or /v1/logs`),
      );
    if (req.method !== 'POST')
      return fail(res, answerIn, new ProtocolError(405, `${req.method} not allowed; OTLP/HTTP takes POST`));
    let format: Format;
    try {
      format = byContentType(req, FORMATS);
    } catch (err) {
      req.resume();
      return fail(res, answerIn, err);
    }
    const abort = new AbortController();
    inFlight.set(abort, { res, format });
    res.on('close', () => inFlight.delete(abort));
    handle(req, codec, format, abort.signal).then(
      (body) => reply(res, 200, format, body),
      (err: unknown) => fail(res, format, err),
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
      await listen(s, config.listen_port, config.listen_address);
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
            fail(res, format, new ShutdownError());
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
  description:
    'OTLP/HTTP receiver (POST /v1/traces, /v1/metrics, /v1/logs; protobuf or JSON; gzip). Logs go to forward_to as entries; traces and metrics to traces_forward_to / metrics_forward_to.',
  config: otlpHttpConfig,
  create: createOtlpHttpSource,
};
