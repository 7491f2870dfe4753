import * as dgram from 'node:dgram';
import { gelfSourceDefinition, type GelfSource } from '../src/sources/gelf/source';
import { createTestContext, metricValue } from './support/sink-context';

// While the pipeline holds a batch, UDP datagrams wait in the listener up to a bound, then are dropped as
// backpressure. The bound is checked after a datagram is parsed and before it is built into an entry: a datagram
// that is not GELF JSON is still counted as invalid_json, not as backpressure.
describe('a gelf source over UDP whose pipeline does not take batches', () => {
  let source: GelfSource | undefined;
  let release: () => void = () => undefined;
  afterEach(async () => {
    release();
    await source?.shutdown(AbortSignal.timeout(5000));
    source = undefined;
  });

  test('drops what is over the backlog as backpressure and still counts invalid JSON as invalid_json', async () => {
    const held = new Promise<void>((resolve) => (release = resolve));
    const ctx = { ...createTestContext('sources.gelf'), next: { consume: () => held } };
    source = gelfSourceDefinition.create(gelfSourceDefinition.config.parse({ listen_address: '127.0.0.1:0' }), ctx);
    await source.start();
    const port = source.port;
    const dropped = (reason: string) =>
      metricValue(ctx.registry, 'collector_source_dropped_lines_total', { source: 'sources.gelf', reason });
    const client = dgram.createSocket('udp4');
    const send = (text: string) =>
      new Promise<void>((resolve, reject) =>
        client.send(Buffer.from(text), port, '127.0.0.1', (err) => (err ? reject(err) : resolve())),
      );
    const message = JSON.stringify({ version: '1.1', host: 'h', short_message: 'waiting' });
    const read = () => metricValue(ctx.registry, 'collector_source_read_bytes_total', { source: 'sources.gelf' });
    try {
      // Rounds of 100, each read before the next is sent so the kernel's receive buffer never overflows; bounded:
      // the backlog holds 10,000.
      let sent = 0;
      for (let round = 0; round < 200 && (await dropped('backpressure')) === 0; round++) {
        await Promise.all(Array.from({ length: 100 }, () => send(message)));
        sent += 100 * message.length;
        for (let turn = 0; turn < 1000 && (await read()) < sent; turn++)
          await new Promise((resolve) => setTimeout(resolve, 2));
      }
      const overBacklog = await dropped('backpressure');
      expect(overBacklog).toBeGreaterThan(0);
      for (let round = 0; round < 100 && (await dropped('invalid_json')) === 0; round++) {
        await send('{"version": "1.1", "short_message": ');
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(await dropped('invalid_json')).toBeGreaterThan(0);
      expect(await dropped('backpressure')).toBe(overBacklog);
    } finally {
      client.close();
    }
  }, 30_000);
});
