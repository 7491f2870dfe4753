import * as http from 'node:http';
import * as snappy from 'snappyjs';
import type { Consumer } from '../src/consumer';
import type { LogBatch } from '../src/entry';
import { countEventLoopTurns } from '../src/testing/event-loop-turns';
import { createMemoryConsumer } from '../src/testing/memory-consumer';
import { pushRequestType } from '../src/protocols/loki/push-proto';
import { createInFlightBudget, type InFlightBudget } from '../src/sources/in-flight-budget';
import { createLokiPushSource, lokiPushSourceConfig, type LokiPushSource } from '../src/sources/loki-push';
import { createTestContext } from './support/sink-context';

// Issue 12, item 1: a large JSON push was decoded with one JSON.parse and handed on as one batch, holding the event
// loop (and /healthz) for seconds. It is now decoded a slice at a time and handed on in bounded batches.
const LINE = 'level=info msg="request served" path=/api/orders/12345 status=200 took_ms=12 '.padEnd(200, 'x');
const COUNT = 270_000;

/** A JSON push of COUNT 200-byte lines (~60 MiB), with `last` as the final value of the stream. */
function largePush(last: string = `["1700000000000000000",${JSON.stringify(LINE)}]`): Buffer {
  const value = `["1700000000000000000",${JSON.stringify(LINE)}]`;
  return Buffer.from(
    `{"streams":[{"stream":{"job":"big"},"values":[${Array.from({ length: COUNT - 1 }, () => value).join(',')},${last}]}]}`,
  );
}

/** A snappy protobuf push of `count` 200-byte lines in one stream (~`count` x 215 bytes uncompressed). */
function protobufPush(count: number): Buffer {
  const entries = Array.from({ length: count }, (_, i) => ({
    timestamp: { seconds: 1_700_000_000, nanos: i },
    line: LINE,
  }));
  return Buffer.from(
    snappy.compress(
      pushRequestType.encode(pushRequestType.fromObject({ streams: [{ labels: '{job="big"}', entries }] })).finish(),
    ),
  );
}

/** POSTs with node:http, whose client work is light, so the delay measured is the receiver's. */
function post(port: number, body: Buffer, type = 'application/json'): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/loki/api/v1/push',
        method: 'POST',
        headers: { 'content-type': type, 'content-length': body.length },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('loki push source with a large JSON body', () => {
  let source: LokiPushSource | undefined;
  afterEach(async () => {
    await source?.shutdown(AbortSignal.timeout(1000));
    source = undefined;
  });
  const start = async (next: Consumer<LogBatch>, inFlight?: InFlightBudget) => {
    source = createLokiPushSource(lokiPushSourceConfig.parse({ listen_port: 0 }), {
      ...createTestContext('sources.push'),
      next,
      inFlight,
    });
    await source.start();
    return source.port;
  };

  test('keeps the event loop turning while it decodes and hands on the push', async () => {
    // Counted in turns of the event loop, not milliseconds, so a loaded machine cannot fail it: a ticker runs on every
    // turn, and each slice handed on must see it advanced since the previous one (the loop was free in between).
    const turns = countEventLoopTurns();
    const seen: number[] = [];
    let received = 0;
    let largest = 0;
    const port = await start({
      consume: async ({ entries }) => {
        seen.push(turns.count);
        received += entries.length;
        largest = Math.max(largest, entries.length);
      },
    });
    const res = await post(port, largePush());
    turns.stop();
    expect(res.status).toBe(204);
    expect(received).toBe(COUNT);
    expect(largest).toBeLessThanOrEqual(5000);
    expect(seen.length).toBeGreaterThanOrEqual(COUNT / 5000);
    const stalled = seen.slice(1).filter((t, i) => t === seen[i]).length;
    expect(stalled).toBe(0);
  });

  test('hands on nothing of a push whose last entry is invalid, and names it', async () => {
    const sink = createMemoryConsumer();
    const port = await start(sink);
    const res = await post(port, largePush('["1700000000000000000",42]'));
    expect(res.status).toBe(400);
    expect(res.text).toBe(`streams[0].values[${COUNT - 1}][1]: line must be a string, got number\n`);
    expect(sink.entries).toHaveLength(0);
  });

  test('hands on nothing of a push with a syntax error at its end, and names where', async () => {
    const sink = createMemoryConsumer();
    const port = await start(sink);
    const body = largePush('["1700000000000000000" "x"]');
    const res = await post(port, body);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(
      new RegExp(
        `^body is not valid JSON: .* in streams\\[0\\]\\.values\\[${COUNT - 1}\\] at byte ${body.length - 8}\\n$`,
      ),
    );
    expect(sink.entries).toHaveLength(0);
  });

  test('reads a large protobuf push an entry at a time and hands it on in bounded batches', async () => {
    const sink = createMemoryConsumer();
    const port = await start(sink);
    const res = await post(port, protobufPush(40_000), 'application/x-protobuf');
    expect(res.status).toBe(204);
    expect(sink.entries).toHaveLength(40_000);
    expect(sink.entries[39_999]).toMatchObject({ line: LINE, labels: { job: 'big' } });
    expect(Math.max(...sink.batches.map((b) => b.entries.length))).toBeLessThanOrEqual(5000);
  });

  test('counts the uncompressed bytes of a protobuf push against the in-flight limit', async () => {
    const sink = createMemoryConsumer();
    const body = protobufPush(40_000); // ~8.6 MB uncompressed, far less on the wire: the lines repeat
    expect(body.length).toBeLessThan(1024 * 1024);
    const port = await start(sink, createInFlightBudget(4 * 1024 * 1024));
    const res = await post(port, body, 'application/x-protobuf');
    expect(res.status).toBe(413);
    expect(res.text).toMatch(/over the collector's limits.max_in_flight_bytes \(4194304\)/);
    expect(sink.entries).toHaveLength(0);
  });
});
