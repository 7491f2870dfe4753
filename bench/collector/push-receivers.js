#!/usr/bin/env node
// The gelf and heroku_drain sources against the loki_push source in the same run: messages/s, CPU per message of
// the receiving process, and what was lost. Each receiver runs alone in a child process (its config parsed by the
// source's own schema, entries counted by a consumer that takes every batch); this process is the client and speaks
// each wire format: Loki JSON pushes and Logplex drain POSTs of 100 lines each, GELF one datagram per message (plain,
// and gzip as Docker's gelf driver sends it; with the system's default receive buffer, as before receive_buffer_bytes,
// and with its default), and GELF over TCP (null-ended messages on one connection, 100 per write). The line is the same
// 200-byte access log line in every format. UDP may lose datagrams under load: the rate is what arrived over the time
// from the first to the last arrival, and the loss is what did not arrive (the kernel's count of its drops beside it). Needs a build:
// `pnpm turbo run build --filter @obs/collector...`. Run: `node bench/collector/push-receivers.js`
// (BENCH_MESSAGES=100000, BENCH_ROUNDS=3: the median round is printed, with every round's ratio).
const { fork } = require('node:child_process');
const dgram = require('node:dgram');
const net = require('node:net');
const path = require('node:path');
const zlib = require('node:zlib');

const dist = path.join(__dirname, '../../packages/collector/dist');
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PER_REQUEST = 100;
const LINE =
  '10.1.2.3 - - [06/Dec/2026:10:00:00 +0000] "GET /api/orders/12345?expand=items HTTP/1.1" 200 5123 "-" "Mozilla/5.0 (X11; Linux x86_64) bench"'.padEnd(
    200,
    '.',
  );

const RECEIVERS = {
  loki_push: { type: 'loki_push', config: { listen_address: '127.0.0.1', listen_port: 0 }, send: sendLoki },
  heroku_drain: { type: 'heroku_drain', config: { listen_address: '127.0.0.1', listen_port: 0 }, send: sendHeroku },
  'gelf, system buffer': {
    type: 'gelf',
    config: { listen_address: '127.0.0.1:0', receive_buffer_bytes: 0 },
    send: (port) => sendGelf(port, false),
  },
  gelf: { type: 'gelf', config: { listen_address: '127.0.0.1:0' }, send: (port) => sendGelf(port, false) },
  'gelf gzip, system buffer': {
    type: 'gelf',
    config: { listen_address: '127.0.0.1:0', receive_buffer_bytes: 0 },
    send: (port) => sendGelf(port, true),
  },
  'gelf gzip': { type: 'gelf', config: { listen_address: '127.0.0.1:0' }, send: (port) => sendGelf(port, true) },
  'gelf tcp': { type: 'gelf', config: { listen_address: '127.0.0.1:0', protocol: 'tcp' }, send: sendGelfTcp },
};

const GELF_JSON = JSON.stringify({ version: '1.1', host: 'web-1', short_message: LINE, level: 6, _app: 'bench' });

async function post(port, urlPath, headers, body) {
  const res = await fetch(`http://127.0.0.1:${port}${urlPath}`, { method: 'POST', headers, body });
  if (res.status !== 204) throw new Error(`${urlPath}: ${res.status} ${await res.text()}`);
}

async function sendLoki(port) {
  const values = Array.from({ length: PER_REQUEST }, () => [String(Date.now() * 1e6), LINE]);
  const body = JSON.stringify({ streams: [{ stream: { job: 'bench' }, values }] });
  for (let i = 0; i < MESSAGES / PER_REQUEST; i++)
    await post(port, '/loki/api/v1/push', { 'Content-Type': 'application/json' }, body);
}

async function sendHeroku(port) {
  const frame = `<190>1 2026-12-06T10:00:00.123456+00:00 host app web.1 - ${LINE}`;
  const body = `${Buffer.byteLength(frame)} ${frame}`.repeat(PER_REQUEST);
  const headers = { 'Content-Type': 'application/logplex-1', 'Logplex-Msg-Count': String(PER_REQUEST) };
  for (let i = 0; i < MESSAGES / PER_REQUEST; i++) await post(port, '/heroku/api/v1/drain', headers, body);
}

async function sendGelf(port, gzip) {
  const socket = dgram.createSocket('udp4');
  const datagram = gzip ? zlib.gzipSync(GELF_JSON) : Buffer.from(GELF_JSON);
  // Paced in bursts so the kernel's receive buffer is not simply overrun.
  for (let i = 0; i < MESSAGES; i++) {
    socket.send(datagram, port, '127.0.0.1');
    if (i % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await new Promise((resolve) => socket.close(resolve));
}

async function sendGelfTcp(port) {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const write = Buffer.from(`${GELF_JSON}\0`.repeat(PER_REQUEST));
  for (let i = 0; i < MESSAGES / PER_REQUEST; i++)
    if (!socket.write(write)) await new Promise((resolve) => socket.once('drain', resolve));
  await new Promise((resolve) => socket.end(resolve));
}

/** Child: runs one source, counts what it hands on, reports CPU and time from the first to the last entry. */
async function child(name) {
  const { Registry } = require(require.resolve('prom-client', { paths: [dist] }));
  const { sourceDefinitions } = require(path.join(dist, 'sources/registry'));
  const spec = RECEIVERS[name];
  const definition = sourceDefinitions[spec.type];
  let count = 0;
  let first;
  let last;
  let cpuAtFirst;
  let cpuAtLast;
  const next = {
    consume: async (batch) => {
      if (first === undefined) {
        first = performance.now();
        cpuAtFirst = process.cpuUsage();
      }
      count += batch.entries.length;
      last = performance.now();
      cpuAtLast = process.cpuUsage(cpuAtFirst);
    },
  };
  const logger = { debug() {}, info() {}, warn() {}, error() {} };
  const registry = new Registry();
  const source = definition.create(definition.config.parse(spec.config), {
    id: `sources.${name}`,
    logger,
    registry,
    dataDir: '',
    next,
  });
  await source.start();
  process.send({ port: source.port });
  process.on('message', async () => {
    // The client is done: wait until nothing arrived for 500 ms (UDP stragglers), then report.
    let seen = -1;
    while (seen !== count) {
      seen = count;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await source.shutdown(AbortSignal.timeout(2000));
    const cpuUs = cpuAtLast.user + cpuAtLast.system;
    const dropped = (await registry.getSingleMetric('collector_source_dropped_lines_total')?.get())?.values ?? [];
    const kernelDrops = dropped.find((v) => v.labels.reason === 'receive_buffer_full')?.value ?? 0;
    process.send({ count, seconds: (last - first) / 1000, cpuUs, kernelDrops });
    process.exit(0);
  });
}

function runChild(name) {
  return new Promise((resolve, reject) => {
    const proc = fork(__filename, ['--child', name]);
    proc.once('error', reject);
    proc.once('message', async ({ port }) => {
      try {
        await RECEIVERS[name].send(port);
      } catch (err) {
        proc.kill();
        return reject(err);
      }
      proc.once('message', resolve);
      proc.send('done');
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const rounds = Object.fromEntries(Object.keys(RECEIVERS).map((n) => [n, []]));
  // Rounds alternate the receivers, so a burst of load from other jobs moves one round, not one receiver.
  for (let r = 0; r < ROUNDS; r++) {
    for (const name of Object.keys(RECEIVERS)) {
      const { count, seconds, cpuUs, kernelDrops } = await runChild(name);
      rounds[name].push({ count, rate: count / seconds, cpuPer: cpuUs / count, kernelDrops });
    }
  }
  const ref = rounds.loki_push;
  console.log(
    `${MESSAGES} messages per receiver and round, ${ROUNDS} rounds; the median round, ratios against loki_push in the same round`,
  );
  console.log(
    '| receiver | received | lost % (rounds) | kernel drops | messages/s | CPU µs/message | messages/s ÷ loki_push (rounds) | CPU/message ÷ loki_push (rounds) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [name, rs] of Object.entries(rounds)) {
    const rateRatios = rs.map((x, i) => x.rate / ref[i].rate);
    const cpuRatios = rs.map((x, i) => x.cpuPer / ref[i].cpuPer);
    const lost = rs.map((x) => (100 * (MESSAGES - x.count)) / MESSAGES);
    console.log(
      `| ${name} | ${median(rs.map((x) => x.count))} | ${median(lost).toFixed(2)} (${lost.map((x) => x.toFixed(2)).join(', ')}) | ${median(rs.map((x) => x.kernelDrops))} | ${Math.round(median(rs.map((x) => x.rate)))} | ${median(rs.map((x) => x.cpuPer)).toFixed(1)} | ${median(rateRatios).toFixed(2)} (${rateRatios.map((x) => x.toFixed(2)).join(', ')}) | ${median(cpuRatios).toFixed(2)} (${cpuRatios.map((x) => x.toFixed(2)).join(', ')}) |`,
    );
  }
}

if (process.argv[2] === '--child') void child(process.argv[3]);
else
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
