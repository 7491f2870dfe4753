import * as http from 'node:http';
import { codecs } from '../../src/protocols/otlp/codec';
import { envelopeTypes } from '../../src/protocols/otlp/proto';
import type { OtlpHttpSource } from '../../src/sources/otlp/http';
import { startHttp, type Harness } from './receiver-harness';

// Issue 12, item 1: a large OTLP/HTTP protobuf body was decoded in one call, holding the event loop (and /healthz)
// for over a second at the default 20 MiB limit. It is now decoded a log record at a time with turns between slices.
const LINE = 'level=info msg="request served" path=/api/orders/12345 status=200 took_ms=12 '.padEnd(200, 'x');
const RECORDS = 100_000; // ~26 MiB of protobuf

function largeLogsBody(): Buffer {
  const logRecords = Array.from({ length: RECORDS }, (_, i) => ({
    timeUnixNano: String(1_700_000_000_000_000_000 + i),
    severityNumber: 9,
    body: { stringValue: LINE },
  }));
  const json = {
    resourceLogs: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'big' } }] },
        scopeLogs: [{ scope: { name: 's' }, logRecords }],
      },
    ],
  };
  return Buffer.from(codecs.logs.encodeProtobuf(codecs.logs.decodeJson(JSON.stringify(json))));
}

function post(port: number, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/x-protobuf', 'content-length': body.length };
    const req = http.request({ host: '127.0.0.1', port, path: '/v1/logs', method: 'POST', headers }, (res) => {
      res.resume().on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('OTLP/HTTP source with a large protobuf body', () => {
  let h: Harness<OtlpHttpSource> | undefined;
  afterEach(async () => {
    await h?.source.shutdown(AbortSignal.timeout(1000));
    h = undefined;
  });

  test('keeps the event loop turning while it decodes the log records', async () => {
    // Counted in turns of the event loop, not milliseconds, so a loaded machine cannot fail it: a ticker runs on every
    // turn, and the turns between the first and the last log record decoded must be many (one call had none).
    let turns = 0;
    let ticking = true;
    const tick = (): void => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const recordType = envelopeTypes('logs').item;
    const decode = recordType.decode.bind(recordType);
    const at: number[] = [];
    const spy = jest.spyOn(recordType, 'decode').mockImplementation((reader, length) => {
      at.push(turns);
      return decode(reader, length);
    });
    try {
      const body = largeLogsBody();
      h = await startHttp({ max_request_body_bytes: 64 * 1024 * 1024 });
      const status = await post(h.source.address().port, body);
      ticking = false;
      expect(status).toBe(200);
      expect(h.logs.entries).toHaveLength(RECORDS);
      expect(at).toHaveLength(RECORDS);
      const [first = 0, last = 0] = [at[0], at.at(-1)];
      expect(last - first).toBeGreaterThan(body.length / (1024 * 1024)); // well over a turn per MiB
    } finally {
      ticking = false;
      spy.mockRestore();
    }
  });
});
