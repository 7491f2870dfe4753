import * as grpc from '@grpc/grpc-js';

export interface GrpcExportResult {
  err: grpc.ServiceError | null;
  /** The raw response message (an Export*ServiceResponse), when the call succeeded. */
  response?: Buffer;
}

/** A raw unary OTLP Export call, as an SDK's gRPC exporter makes, so tests can also send bytes an SDK never would. */
export function exportOtlpGrpc(
  port: number,
  grpcPath: string,
  body: Uint8Array,
  options: grpc.ClientOptions = {},
): Promise<GrpcExportResult> {
  const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), options);
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      grpcPath,
      (b: Buffer) => b,
      (b: Buffer) => b,
      Buffer.from(body),
      new grpc.Metadata(),
      (err, response) => {
        client.close();
        resolve({ err, response: response ?? undefined });
      },
    );
  });
}
