import * as http from 'node:http';
import { codecs } from '../../src/protocols/otlp/codec';
import { envelopeTypes } from '../../src/protocols/otlp/proto';
import type { OtlpHttpSource } from '../../src/sources/otlp/http';
import { countEventLoopTurns } from '../../src/testing';
import { startHttp, type Harness } from './receiver-harness';

// Issue 12, item 1: a large OTLP/HTTP body was decoded in one call, holding the event loop (and /healthz) for over a
// second at the default 20 MiB limit. It is now decoded a slice of log records at a time with turns between slices.
const LINE = 'level=info msg="request served" path=/api/orders/12345 status=200 took_ms=12 '.padEnd(200, 'x');
const RECORDS = 100_000; // ~26 MiB of protobuf, ~30 MiB of JSON

function largeLogs() {
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
  return codecs.logs.decodeJson(JSON.stringify(json));
}

function post(port: number, body: Buffer, type: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': type, 'content-length': body.length };
    const req = http.request({ host: '127.0.0.1', port, path: '/v1/logs', method: 'POST', headers }, (res) => {
      res.resume().on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Calls of `decode` (a spied method) and the event-loop turn each happened in. */
type Watch = (onCall: () => void) => jest.SpyInstance;

const formats: [string, string, () => Buffer, Watch][] = [
  [
    'protobuf',
    'application/x-protobuf',
    () => Buffer.from(codecs.logs.encodeProtobuf(largeLogs())),
    (onCall) => {
      // Each LogRecord is decoded by its generated type, in one call of the request's decode or one by one.
      const recordType = envelopeTypes('logs').item;
      const decode = recordType.decode.bind(recordType);
      return jest.spyOn(recordType, 'decode').mockImplementation((reader, length) => {
        onCall();
        return decode(reader, length);
      });
    },
  ],
  [
    'JSON',
    'application/json',
    () => Buffer.from(codecs.logs.encodeJson(largeLogs())),
    (onCall) => {
      // The body goes through JSON.parse once, or a slice of records at a time.
      const parse = JSON.parse.bind(JSON);
      return jest
        .spyOn(JSON, 'parse')
        .mockImplementation((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
          onCall();
          return parse(text, reviver) as unknown;
        });
    },
  ],
];

describe('OTLP/HTTP source with a large body', () => {
  let h: Harness<OtlpHttpSource> | undefined;
  afterEach(async () => {
    await h?.source.shutdown(AbortSignal.timeout(1000));
    h = undefined;
  });

  test.each(formats)('keeps the event loop turning while it decodes a %s body', async (_, type, makeBody, watch) => {
    // Counted in turns of the event loop, not milliseconds, so a loaded machine cannot fail it: a ticker runs on every
    // turn, and the turns between the first and the last piece decoded must be many (one call had none).
    const body = makeBody();
    h = await startHttp({ max_request_body_bytes: 64 * 1024 * 1024 });
    const turns = countEventLoopTurns();
    const at: number[] = [];
    const spy = watch(() => at.push(turns.count));
    try {
      const status = await post(h.source.address().port, body, type);
      expect(status).toBe(200);
      expect(h.logs.entries).toHaveLength(RECORDS);
      const [first = 0, last = 0] = [at[0], at.at(-1)];
      expect(last - first).toBeGreaterThan(body.length / (1024 * 1024)); // well over a turn per MiB
    } finally {
      turns.stop();
      spy.mockRestore();
    }
  });
});
