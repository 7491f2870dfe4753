import * as grpc from '@grpc/grpc-js';
import { PermanentError, QueueFullError } from '../../src/errors';
import { codecs } from '../../src/protocols/otlp/codec';
import type { OtlpGrpcSource } from '../../src/sources/otlp/grpc';
import { createFailingConsumer } from '../../src/testing';
import { startGrpc, type Harness } from './receiver-harness';
import { exportOtlpGrpc } from '../support/otlp-grpc-export';

const logs = codecs.logs.decodeJson(
  JSON.stringify({
    resourceLogs: [
      {
        resource: {},
        scopeLogs: [{ logRecords: [{ timeUnixNano: '1700000000000000000', body: { stringValue: 'hello' } }] }],
      },
    ],
  }),
);

describe('otlp_grpc source', () => {
  let h: Harness<OtlpGrpcSource> | undefined;

  afterEach(async () => {
    await h?.source.shutdown(AbortSignal.timeout(5000));
    h = undefined;
  });

  test('forwards log records as entries and answers OK when a valid LogsService Export arrives', async () => {
    h = await startGrpc();
    const res = await exportOtlpGrpc(
      h.source.port(),
      codecs.logs.grpcPath,
      Buffer.from(codecs.logs.encodeProtobuf(logs)),
    );
    expect(res.err).toBeNull();
    expect(h.logs.lines()).toEqual(['hello']);
    expect(h.logs.entries[0].timestampNs).toBe(1700000000000000000n);
  });

  test('decodes a gzip-compressed message when the client compresses with gzip', async () => {
    h = await startGrpc();
    const res = await exportOtlpGrpc(
      h.source.port(),
      codecs.logs.grpcPath,
      Buffer.from(codecs.logs.encodeProtobuf(logs)),
      {
        'grpc.default_compression_algorithm': 2,
      },
    );
    expect(res.err).toBeNull();
    expect(h.logs.lines()).toEqual(['hello']);
  });

  test('answers INVALID_ARGUMENT with a message when the request is not valid protobuf', async () => {
    h = await startGrpc();
    const res = await exportOtlpGrpc(h.source.port(), codecs.logs.grpcPath, Buffer.from([0x0a, 0xff, 0xff, 0x01]));
    expect(res.err?.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(res.err?.details).toMatch(/^malformed OTLP logs request: invalid protobuf/);
  });

  test('answers RESOURCE_EXHAUSTED with a retry-after trailer when the pipeline queue is full', async () => {
    h = await startGrpc({}, (next) =>
      createFailingConsumer({ times: 1, error: () => new QueueFullError('queue full', 2000), next }),
    );
    const res = await exportOtlpGrpc(
      h.source.port(),
      codecs.logs.grpcPath,
      Buffer.from(codecs.logs.encodeProtobuf(logs)),
    );
    expect(res.err?.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
    expect(res.err?.metadata.get('retry-after')).toEqual(['2']);
  });

  test('answers INVALID_ARGUMENT when the pipeline rejects the batch permanently', async () => {
    h = await startGrpc({}, (next) =>
      createFailingConsumer({ times: 1, error: () => new PermanentError('line too long'), next }),
    );
    const res = await exportOtlpGrpc(
      h.source.port(),
      codecs.logs.grpcPath,
      Buffer.from(codecs.logs.encodeProtobuf(logs)),
    );
    expect(res.err?.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(res.err?.details).toBe('line too long');
  });

  test('answers RESOURCE_EXHAUSTED when a message is larger than max_recv_msg_size_bytes', async () => {
    h = await startGrpc({ max_recv_msg_size_bytes: 256 });
    const big = codecs.logs.decodeJson(
      JSON.stringify({
        resourceLogs: [{ scopeLogs: [{ logRecords: [{ body: { stringValue: 'x'.repeat(1000) } }] }] }],
      }),
    );
    const res = await exportOtlpGrpc(
      h.source.port(),
      codecs.logs.grpcPath,
      Buffer.from(codecs.logs.encodeProtobuf(big)),
    );
    expect(res.err?.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
    expect(h.logs.entries).toHaveLength(0);
  });

  test('reports partial success with every data point rejected when no metrics_forward_to is set', async () => {
    h = await startGrpc({ metrics_forward_to: [] });
    const metrics = codecs.metrics.decodeJson(
      JSON.stringify({
        resourceMetrics: [
          { scopeMetrics: [{ metrics: [{ name: 'up', gauge: { dataPoints: [{ asInt: '1' }, { asDouble: 2 }] } }] }] },
        ],
      }),
    );
    const res = await exportOtlpGrpc(h.source.port(), codecs.metrics.grpcPath, codecs.metrics.encodeProtobuf(metrics));
    if (res.err) throw res.err;
    const partial = res.response && codecs.metrics.decodeResponseProtobuf(res.response);
    expect(partial).toEqual({
      rejected: 2,
      errorMessage: 'source sources.otlp forwards no metrics (set metrics_forward_to)',
    });
  });
});
