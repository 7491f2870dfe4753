import * as net from 'node:net';
import * as path from 'node:path';
import { waitFor } from '@obs/schema/testing';
import type { LogBatch } from '../src/entry';
import { gelfSourceDefinition, type GelfSource } from '../src/sources/gelf/source';
import { useCollectorRun } from './support/collector-run';
import { freePort } from './support/free-port';
import { createTestContext, metricValue } from './support/sink-context';

// GELF over TCP as Graylog's TCP input and Docker's gelf driver (gelf-address=tcp://) send it: uncompressed JSON
// messages each ended by a null byte, through `collector run` into a Loki receiver.
describe('a gelf source with protocol: tcp', () => {
  const run = useCollectorRun('gelf-tcp-');
  const clients: net.Socket[] = [];
  afterEach(() => clients.splice(0).forEach((c) => c.destroy()));

  const start = async (options = '') => {
    const port = await freePort();
    await run.start(`
server: { http_listen_address: 127.0.0.1, http_listen_port: 0 }
storage_path: ${path.join(run.dir, 'data')}
sources:
  gelf:
    type: gelf
    protocol: tcp
    listen_address: 127.0.0.1:${port}
    labels: { job: gelf }
${options}
    forward_to: [pipelines.gelf]
pipelines:
  gelf:
    stages:
      - relabel:
          rules:
            - { source_labels: [__gelf_message_host], target_label: host }
            - { source_labels: [__gelf_message_level], target_label: level }
            - { regex: '__.*', action: labeldrop }
    forward_to: [sinks.loki]
sinks:
  loki: { type: loki, url: "${run.receiver.url}", batch_wait_ms: 20 }
`);
    return port;
  };
  const connect = async (port: number): Promise<net.Socket> => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    clients.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return socket;
  };
  const write = (socket: net.Socket, data: string | Buffer) =>
    new Promise<void>((resolve, reject) => socket.write(data, (err) => (err ? reject(err) : resolve())));
  const closedByServer = (socket: net.Socket) =>
    new Promise<void>((resolve) => {
      if (socket.closed) resolve();
      else socket.once('close', () => resolve());
    });
  const gelf = (host: string, short: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ version: '1.1', host, short_message: short, level: 6, ...extra });
  const dropped = async (reason: string): Promise<number> => {
    const metric = await run.collector?.registry.getSingleMetric('collector_source_dropped_lines_total')?.get();
    return metric?.values.find((v) => v.labels.reason === reason && v.labels.source === 'sources.gelf')?.value ?? 0;
  };

  test('receives null-ended messages however the writes cut them, and a last one ended by closing', async () => {
    const port = await start();
    const socket = await connect(port);
    const one = gelf('web-1', 'first <a>', { _user: 'ann' });
    await write(socket, `${one.slice(0, 10)}`);
    await write(socket, `${one.slice(10)}\0${gelf('web-1', 'second')}\0\n${gelf('web-2', 'third').slice(0, 5)}`);
    await write(socket, `${gelf('web-2', 'third').slice(5)}\0`);
    socket.end(gelf('web-3', 'closed, no null byte'));
    await run.receiver.waitForEntries(4);
    expect(run.receiver.entries.map((e) => ({ line: e.line, labels: e.labels }))).toEqual([
      {
        line: '{"version":"1.1","host":"web-1","short_message":"first \\u003ca\\u003e","timestamp":0,"level":6,"_user":"ann"}',
        labels: { job: 'gelf', host: 'web-1', level: 'informational' },
      },
      { line: expect.stringContaining('"second"'), labels: { job: 'gelf', host: 'web-1', level: 'informational' } },
      { line: expect.stringContaining('"third"'), labels: { job: 'gelf', host: 'web-2', level: 'informational' } },
      {
        line: expect.stringContaining('"closed, no null byte"'),
        labels: { job: 'gelf', host: 'web-3', level: 'informational' },
      },
    ]);
  });

  test('counts a bad or oversized message by reason and the connection goes on', async () => {
    const port = await start('    max_message_bytes: 200');
    const socket = await connect(port);
    await write(socket, `{"short_message": "no end"\0{"short_message": 42}\0`);
    await write(socket, `${gelf('h', 'x'.repeat(150))}`);
    await write(socket, `${'y'.repeat(100)}\0`);
    await write(socket, `${gelf('h', 'after the bad ones')}\0`);
    await run.receiver.waitForEntries(1);
    expect(run.receiver.lines()).toEqual([
      '{"version":"1.1","host":"h","short_message":"after the bad ones","timestamp":0,"level":6}',
    ]);
    expect(await dropped('invalid_json')).toBe(2);
    expect(await dropped('too_large')).toBe(1);
    expect(socket.closed).toBe(false);
  });

  test('closes a connection whose message is not ended within frame_timeout_ms, and counts it', async () => {
    const port = await start('    frame_timeout_ms: 200');
    const slow = await connect(port);
    const steady = await connect(port);
    await write(slow, `${gelf('h', 'done')}\0{"version":"1.1",`);
    await write(steady, `${gelf('h', 'steady')}\0`);
    await closedByServer(slow);
    await waitFor(async () => (await dropped('incomplete_message')) === 1, 'the unfinished message counted');
    await run.receiver.waitForEntries(2);
    expect(run.receiver.lines().sort()).toEqual([
      expect.stringContaining('"done"'),
      expect.stringContaining('"steady"'),
    ]);
    // Silent but not mid-message: left open (idle_timeout_ms is 0 by default).
    expect(steady.closed).toBe(false);
  });

  test('closes a silent connection after idle_timeout_ms, and refuses connections past max_connections', async () => {
    const port = await start('    idle_timeout_ms: 200\n    max_connections: 1');
    const first = await connect(port);
    await write(first, `${gelf('h', 'one')}\0`);
    await run.receiver.waitForEntries(1);
    const second = await connect(port);
    await closedByServer(second);
    await closedByServer(first);
    const third = await connect(port);
    await write(third, `${gelf('h', 'after the idle one closed')}\0`);
    await run.receiver.waitForEntries(2);
    expect(run.receiver.lines()[1]).toContain('after the idle one closed');
  });
});

describe('a gelf tcp connection while the pipeline is slow', () => {
  let source: GelfSource | undefined;
  const clients: net.Socket[] = [];
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy());
    await source?.shutdown(AbortSignal.timeout(2000));
  });

  test('stops being read instead of losing messages, and is not cut by frame_timeout_ms or idle_timeout_ms meanwhile', async () => {
    const taken: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    // Holds the first batch until released, as a full sink queue would.
    const next = {
      async consume(batch: LogBatch) {
        holding = true;
        await held;
        taken.push(...batch.entries.map((e) => e.line));
      },
    };
    const ctx = { ...createTestContext('sources.gelf'), next };
    source = gelfSourceDefinition.create(
      gelfSourceDefinition.config.parse({
        listen_address: '127.0.0.1:0',
        protocol: 'tcp',
        frame_timeout_ms: 300,
        idle_timeout_ms: 300,
      }),
      ctx,
    );
    await source.start();
    const sent = 5000;
    // Built before connecting, and written at once: a client busy in this process would stall the collector too.
    const stream = Buffer.from(
      Array.from(
        { length: sent },
        (_, i) => `${JSON.stringify({ version: '1.1', host: 'h', short_message: `m${i} ${'x'.repeat(3000)}` })}\0`,
      ).join(''),
    );
    const socket = net.connect(source.port, '127.0.0.1');
    socket.on('error', () => undefined);
    clients.push(socket);
    await new Promise((resolve) => socket.once('connect', resolve));
    try {
      // More than the kernel's socket buffers hold, ending with an unfinished message, while the first batch is held.
      socket.write(stream);
      socket.write('{"version":"1.1",');
      await waitFor(() => holding, 'the first batch held');
      await new Promise((resolve) => setTimeout(resolve, 900)); // three times either timeout
      const read = await metricValue(ctx.registry, 'collector_source_read_bytes_total', { source: 'sources.gelf' });
      expect(read).toBeLessThan(stream.length); // the collector stopped reading: back pressure on the sender
      expect(socket.closed).toBe(false);
    } finally {
      release();
    }
    socket.end('"host":"h","short_message":"last"}\0');
    await waitFor(() => taken.length === sent + 1, `${sent + 1} messages taken (have ${taken.length})`, 10_000);
    expect(taken[sent]).toContain('"last"');
  });
});
