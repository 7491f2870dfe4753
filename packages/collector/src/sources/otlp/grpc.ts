import type * as Grpc from '@grpc/grpc-js';
import { z } from 'zod';
import type { ComponentDefinition, Source } from '../../component';
import { PermanentError, QueueFullError, retryAfterSeconds, toGrpcStatus } from '../../errors';
import { codecs, type SignalCodec } from '../../protocols/otlp/codec';
import { createOtlpReceiver, receiverConfigShape, type OtlpReceiverContext } from './receiver';
import type { PartialSuccess, Signal } from '../../protocols/otlp/types';
import { OtlpWireError } from '../../protocols/otlp/wire-error';
import { RequestTooLargeError, unlimitedBudget } from '../in-flight-budget';

export const otlpGrpcConfig = z
  .object({
    listen_address: z.string().default('0.0.0.0').describe('Address the OTLP/gRPC server binds to.'),
    listen_port: z
      .number()
      .int()
      .min(0)
      .max(65535)
      .default(4317)
      .describe('Port of the TraceService, MetricsService and LogsService Export methods (0 = any free port).'),
    max_recv_msg_size_bytes: z
      .number()
      .int()
      .positive()
      .default(4 * 1024 * 1024)
      .describe('Largest request message; bigger ones get RESOURCE_EXHAUSTED.'),
    ...receiverConfigShape,
  })
  .strict();

export type OtlpGrpcConfig = z.infer<typeof otlpGrpcConfig>;

export interface OtlpGrpcSource extends Source {
  /** The bound port once started (listen_port 0 picks a free one). */
  port(): number;
}

const identity = (b: Buffer): Buffer => b;

/** OTLP/gRPC receiver: the three collector Export services, gzip as grpc-js negotiates it, status via toGrpcStatus. */
export function createOtlpGrpcSource(config: OtlpGrpcConfig, ctx: OtlpReceiverContext): OtlpGrpcSource {
  // Loaded here, not at import: grpc-js costs ~13 MiB of RSS, which a collector without this source does not pay.
  const grpc = require('@grpc/grpc-js') as typeof Grpc;
  const receiver = createOtlpReceiver(config, ctx, 'grpc');
  const inFlight = ctx.inFlight ?? unlimitedBudget;
  let server: Grpc.Server | undefined;
  let boundPort = -1;

  function serviceFor(codec: SignalCodec<Signal>): Grpc.ServiceDefinition {
    const method: Grpc.MethodDefinition<Buffer, PartialSuccess | undefined> = {
      path: codec.grpcPath,
      requestStream: false,
      responseStream: false,
      // Requests stay bytes until the handler, so a malformed one becomes INVALID_ARGUMENT with a message.
      requestSerialize: identity,
      requestDeserialize: identity,
      responseSerialize: (partial) => Buffer.from(codec.encodeResponseProtobuf(partial)),
      responseDeserialize: (b) => codec.decodeResponseProtobuf(b),
    };
    return { Export: method };
  }

  function handlerFor(codec: SignalCodec<Signal>): Grpc.UntypedServiceImplementation {
    const handler: Grpc.handleUnaryCall<Buffer, PartialSuccess | undefined> = (call, callback) => {
      // grpc-js has read the message already (max_recv_msg_size_bytes bounds it); the limit bounds its decoding.
      const reservation = inFlight.open();
      let data;
      try {
        reservation.add(call.request.length);
        data = codec.decodeProtobuf(call.request);
      } catch (err) {
        reservation.release();
        if (err instanceof OtlpWireError)
          return callback({
            code: grpc.status.INVALID_ARGUMENT,
            details: `malformed OTLP ${codec.signal} request: ${err.message}`,
          });
        if (err instanceof RequestTooLargeError || err instanceof QueueFullError) {
          const metadata = new grpc.Metadata();
          metadata.set('retry-after', String(retryAfterSeconds(err)));
          return callback({ code: grpc.status.RESOURCE_EXHAUSTED, details: err.message, metadata });
        }
        return callback({ code: grpc.status.INTERNAL, details: 'internal error' });
      }
      const abort = new AbortController();
      call.on('cancelled', () => abort.abort());
      receiver
        .export(codec.signal, data, abort.signal)
        .finally(() => reservation.release())
        .then(
          (partial) => callback(null, partial),
          (err: unknown) => {
            const code = toGrpcStatus(err);
            const metadata = new grpc.Metadata();
            // OTLP/gRPC carries the retry delay as google.rpc.RetryInfo; a plain trailer is what clients here can read.
            if (code === grpc.status.RESOURCE_EXHAUSTED || code === grpc.status.UNAVAILABLE)
              metadata.set('retry-after', String(retryAfterSeconds(err)));
            if (code === grpc.status.INTERNAL)
              ctx.logger.error('OTLP/gRPC request failed', { source: ctx.id, error: (err as Error).message });
            const details =
              err instanceof PermanentError || code !== grpc.status.INTERNAL
                ? (err as Error).message
                : 'internal error';
            callback({ code, details, metadata });
          },
        );
    };
    return { Export: handler };
  }

  return {
    id: ctx.id,
    port() {
      if (boundPort < 0) throw new Error(`${ctx.id}: not listening`);
      return boundPort;
    },
    async start() {
      await receiver.start();
      const s = new grpc.Server({ 'grpc.max_receive_message_length': config.max_recv_msg_size_bytes });
      for (const codec of Object.values(codecs) as SignalCodec<Signal>[])
        s.addService(serviceFor(codec), handlerFor(codec));
      const host = config.listen_address.includes(':') ? `[${config.listen_address}]` : config.listen_address;
      boundPort = await new Promise<number>((resolve, reject) =>
        s.bindAsync(`${host}:${config.listen_port}`, grpc.ServerCredentials.createInsecure(), (err, port) =>
          err ? reject(err) : resolve(port),
        ),
      );
      server = s;
    },
    async shutdown(signal) {
      const s = server;
      server = undefined;
      if (s !== undefined) {
        const onAbort = (): void => s.forceShutdown();
        signal.addEventListener('abort', onAbort, { once: true });
        await new Promise<void>((resolve) => s.tryShutdown(() => resolve()));
        signal.removeEventListener('abort', onAbort);
      }
      await receiver.shutdown(signal);
    },
  };
}

export const otlpGrpcSourceDefinition: ComponentDefinition<OtlpGrpcConfig, OtlpGrpcSource, OtlpReceiverContext> = {
  type: 'otlp_grpc',
  description:
    'OTLP/gRPC receiver (TraceService, MetricsService, LogsService Export). Logs go to forward_to as entries; traces and metrics to traces_forward_to / metrics_forward_to.',
  config: otlpGrpcConfig,
  create: createOtlpGrpcSource,
};
