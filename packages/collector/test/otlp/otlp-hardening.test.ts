import * as grpc from '@grpc/grpc-js';
import { Writer } from 'protobufjs/minimal';
import { codecs } from '../../src/protocols/otlp/codec';
import { MAX_ANY_VALUE_DEPTH } from '../../src/protocols/otlp/from-wire';
import type { OtlpGrpcSource } from '../../src/sources/otlp/grpc';
import type { OtlpHttpSource } from '../../src/sources/otlp/http';
import { startGrpc, startHttp, type Harness } from './receiver-harness';
import { exportOtlpGrpc } from '../support/otlp-grpc-export';
import { required } from '@obs/schema/testing';

/** An OTLP/JSON logs request whose one record has `body` (JSON text). */
function logsWithBody(body: string, attributes: unknown[] = []): string {
  return `{"resourceLogs":[{"resource":{},"scopeLogs":[{"logRecords":[{"body":${body},"attributes":${JSON.stringify(attributes)}}]}]}]}`;
}

/** A JSON AnyValue of `depth` nested arrayValues around a string, as text (JSON.stringify would overflow first). */
function nestedJson(depth: number): string {
  return '{"arrayValue":{"values":['.repeat(depth) + '{"stringValue":"x"}' + ']}}'.repeat(depth);
}

/** The protobuf ExportLogsServiceRequest of one record whose body nests `depth` arrayValues, written by hand. */
function nestedProtobuf(depth: number): Buffer {
  let anyValue = Writer.create()
    .uint32((1 << 3) | 2)
    .string('x')
    .finish(); // AnyValue.string_value = 1
  for (let i = 0; i < depth; i++) {
    const arrayValue = Writer.create()
      .uint32((1 << 3) | 2)
      .bytes(anyValue)
      .finish(); // ArrayValue.values = 1
    anyValue = Writer.create()
      .uint32((5 << 3) | 2)
      .bytes(arrayValue)
      .finish(); // AnyValue.array_value = 5
  }
  const record = Writer.create()
    .uint32((5 << 3) | 2)
    .bytes(anyValue)
    .finish(); // LogRecord.body = 5
  const scopeLogs = Writer.create()
    .uint32((2 << 3) | 2)
    .bytes(record)
    .finish(); // ScopeLogs.log_records = 2
  const resourceLogs = Writer.create()
    .uint32((2 << 3) | 2)
    .bytes(scopeLogs)
    .finish(); // ResourceLogs.scope_logs = 2
  return Buffer.from(
    Writer.create()
      .uint32((1 << 3) | 2)
      .bytes(resourceLogs)
      .finish(),
  ); // resource_logs = 1
}

describe('OTLP receivers under hostile input', () => {
  let http: Harness<OtlpHttpSource> | undefined;
  let grpcSource: Harness<OtlpGrpcSource> | undefined;
  const url = (path: string): string =>
    `http://127.0.0.1:${required(http, 'the otlp_http source (started by the test)').source.address().port}${path}`;
  afterEach(async () => {
    await http?.source.shutdown(AbortSignal.timeout(5000));
    await grpcSource?.source.shutdown(AbortSignal.timeout(5000));
    http = grpcSource = undefined;
  });

  test('keeps a body nested as deep as the limit', () => {
    const data = codecs.logs.decodeJson(logsWithBody(nestedJson(MAX_ANY_VALUE_DEPTH)));
    expect(data.resourceLogs[0].scopeLogs[0].logRecords).toHaveLength(1);
  });

  test('answers 400 naming the field when an OTLP/JSON body nests 2,000 deep', async () => {
    http = await startHttp();
    const res = await fetch(url('/v1/logs'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: logsWithBody(nestedJson(2000)),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: number; message: string };
    expect(body.code).toBe(3);
    expect(body.message).toContain(
      `resourceLogs[0].scopeLogs[0].logRecords[0].body: value nested deeper than ${MAX_ANY_VALUE_DEPTH} levels`,
    );
    expect(http.logs.entries).toHaveLength(0);
  });

  test('answers 400 naming the field when an OTLP/protobuf body nests 3,000 deep', async () => {
    http = await startHttp();
    const res = await fetch(url('/v1/logs'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: nestedProtobuf(3000),
    });
    expect(res.status).toBe(400);
    expect(http.logs.entries).toHaveLength(0);
  });

  test('answers INVALID_ARGUMENT naming the field when a gRPC export nests 3,000 deep', async () => {
    grpcSource = await startGrpc();
    const { err } = await exportOtlpGrpc(grpcSource.source.port(), codecs.logs.grpcPath, nestedProtobuf(3000), {
      'grpc.max_send_message_length': -1,
    });
    expect(err?.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(err?.details).toContain('logRecords[0].body');
  });

  test('answers 400 naming the attribute when a key is __proto__, rather than dropping it', async () => {
    http = await startHttp();
    const res = await fetch(url('/v1/logs'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: logsWithBody('{"stringValue":"x"}', [
        { key: 'ok', value: { stringValue: '1' } },
        { key: '__proto__', value: { stringValue: 'polluted' } },
      ]),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain(
      'logRecords[0].attributes[1].key: the key __proto__ is not accepted',
    );
    expect(http.logs.entries).toHaveLength(0);
  });

  test('answers 413 stating the limit, not a connection reset, when a chunked body is over max_request_body_bytes', async () => {
    http = await startHttp({ max_request_body_bytes: 1024 * 1024 });
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 200) return controller.close();
        sent++;
        controller.enqueue(chunk);
      },
    });
    const res = await fetch(url('/v1/logs'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { message: string }).message).toContain('1048576');
  });
});
