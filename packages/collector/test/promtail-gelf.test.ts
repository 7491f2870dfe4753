import * as crypto from 'node:crypto';
import * as dgram from 'node:dgram';
import * as zlib from 'node:zlib';
import { waitFor } from '@obs/schema/testing';
import { freePort } from './support/free-port';
import { usePromtailRun } from './support/promtail-run';

// A Promtail gelf scrape config run as it is: GELF datagrams in (plain, zlib, gzip, chunked), relabel_configs on the
// __gelf_* labels, Loki wire format out.
describe('a Promtail gelf scrape config', () => {
  const run = usePromtailRun('promtail-gelf-');
  let client: dgram.Socket;
  beforeEach(() => {
    client = dgram.createSocket('udp4');
  });
  afterEach(() => client.close());

  const start = async (gelf: string) => {
    const port = await freePort();
    await run.start(`${run.head()}scrape_configs:
  - job_name: gelf
    gelf:
      listen_address: 127.0.0.1:${port}
      labels:
        job: gelf
${gelf}
    relabel_configs:
      - { source_labels: [__gelf_message_host], target_label: host }
      - { source_labels: [__gelf_message_level], target_label: level }
      - { source_labels: [__gelf_message_facility], target_label: facility }
      - { source_labels: [__gelf_message_version], target_label: version }
`);
    return port;
  };
  const send = (port: number, datagram: Buffer) =>
    new Promise<void>((resolve, reject) =>
      client.send(datagram, port, '127.0.0.1', (err) => (err ? reject(err) : resolve())),
    );
  /** A payload cut into GELF chunks of at most `size` bytes, all with one random message id. */
  const chunks = (payload: Buffer, size: number): Buffer[] => {
    const id = crypto.randomBytes(8);
    const count = Math.ceil(payload.length / size);
    return Array.from({ length: count }, (_, i) =>
      Buffer.concat([
        Buffer.from([0x1e, 0x0f]),
        id,
        Buffer.from([i, count]),
        payload.subarray(i * size, (i + 1) * size),
      ]),
    );
  };
  const dropped = async (reason: string): Promise<number> => {
    const metric = await run.collector?.registry.getSingleMetric('collector_source_dropped_lines_total')?.get();
    return metric?.values.find((v) => v.labels.reason === reason && v.labels.source === 'sources.gelf')?.value ?? 0;
  };

  test('receives plain, zlib, gzip and chunked messages; the line is the message as Promtail re-encodes it', async () => {
    const port = await start('');
    await send(
      port,
      Buffer.from(
        JSON.stringify({
          version: '1.1',
          host: 'web-1',
          short_message: 'plain <ok> & done',
          level: 3,
          _user: 'ann',
          _a: 1,
        }),
      ),
    );
    await send(
      port,
      zlib.deflateSync(JSON.stringify({ version: '1.1', host: 'web-2', short_message: 'zlib', facility: 'kern' })),
    );
    await send(port, zlib.gzipSync(JSON.stringify({ version: '1.1', host: 'web-3', short_message: 'gzip', level: 6 })));
    const long = crypto.randomBytes(1500).toString('hex'); // incompressible, so the gzip payload needs several chunks
    const parts = chunks(
      zlib.gzipSync(
        JSON.stringify({
          version: '1.1',
          host: 'web-4',
          short_message: 'chunked',
          full_message: long,
          timestamp: 1796547600.5,
        }),
      ),
      500,
    );
    expect(parts.length).toBeGreaterThan(1);
    // Out of order, one chunk repeated: reassembled by sequence number.
    for (const part of [...parts.slice(1), parts[0], parts[1]]) await send(port, part);
    await run.receiver.waitForEntries(4);
    const byHost = new Map(run.receiver.entries.map((e) => [e.labels.host, e]));
    expect(byHost.get('web-1')).toMatchObject({
      line: '{"version":"1.1","host":"web-1","short_message":"plain \\u003cok\\u003e \\u0026 done","timestamp":0,"level":3,"_a":1,"_user":"ann"}',
      labels: { job: 'gelf', host: 'web-1', level: 'error', version: '1.1' },
    });
    // Without a level, Promtail reads level 0: emergency.
    expect(byHost.get('web-2')?.labels).toEqual({
      job: 'gelf',
      host: 'web-2',
      level: 'emergency',
      facility: 'kern',
      version: '1.1',
    });
    expect(byHost.get('web-3')?.labels).toEqual({ job: 'gelf', host: 'web-3', level: 'informational', version: '1.1' });
    expect(byHost.get('web-4')?.line).toBe(
      `{"version":"1.1","host":"web-4","short_message":"chunked","full_message":"${long}","timestamp":1796547600.5}`,
    );
    // The read time, as use_incoming_timestamp is off.
    expect(byHost.get('web-4')?.timestampNs).not.toBe(1796547600500000000n);
    expect(run.receiver.entries).toHaveLength(4);
  });

  test('keeps the message timestamp with use_incoming_timestamp', async () => {
    const port = await start('      use_incoming_timestamp: true');
    await send(
      port,
      Buffer.from(JSON.stringify({ version: '1.1', host: 'h', short_message: 'm', timestamp: 1796547600.25 })),
    );
    await run.receiver.waitForEntries(1);
    expect(run.receiver.entries[0].timestampNs).toBe(1796547600250000000n);
  });

  test('counts bad input by reason and carries on: broken chunks, bad compression, invalid JSON', async () => {
    const port = await start('');
    const good = Buffer.from(JSON.stringify({ version: '1.1', host: 'h', short_message: 'after the bad ones' }));
    const [first] = chunks(good, 10);
    await send(port, Buffer.concat([first.subarray(0, 10), Buffer.from([5, 3]), Buffer.from('x')])); // number >= count
    await send(port, Buffer.concat([first.subarray(0, 10), Buffer.from([0, 0]), Buffer.from('x')])); // count 0
    await send(port, Buffer.from([0x1e, 0x0f, 1, 2])); // shorter than its header
    await send(port, Buffer.from([0x78, 0x9c, 1, 2, 3])); // a zlib header, then garbage
    await send(port, Buffer.from([0x1f, 0x8b, 8, 0, 0])); // a gzip header, cut short
    await send(port, Buffer.from('{"short_message": "no end"'));
    await send(port, Buffer.from('{"short_message": 42}'));
    await send(port, good);
    await run.receiver.waitForEntries(1);
    expect(run.receiver.lines()).toEqual([
      '{"version":"1.1","host":"h","short_message":"after the bad ones","timestamp":0}',
    ]);
    await waitFor(async () => (await dropped('invalid_json')) === 2, 'two invalid_json drops');
    expect(await dropped('invalid_chunk')).toBe(3);
    expect(await dropped('invalid_compression')).toBe(2);
  });
});
