#!/usr/bin/env node
// OTLP/HTTP protobuf ingest (records/s through a real otlp_http source on loopback: HTTP, decode, mapping to
// entries, forwarding) against the bare protobufjs decode of the same payloads in the same process.
// Usage: node bench/otlp/ingest.js   (after pnpm turbo run build --filter @obs/collector...)
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const repoRoot = path.join(__dirname, '..', '..');
const dataDir = process.env.LOGHUB_DIR ?? path.join(repoRoot, '..', 'shared', 'data', 'loghub-2k');
const RECORDS_PER_REQUEST = Number(process.env.RECORDS_PER_REQUEST ?? 200);
const REQUESTS = Number(process.env.REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);

const {
  codecs,
  protoTypes,
  createOtlpHttpSource,
  otlpHttpConfig,
  createLogger,
  createTargets,
} = require('@obs/collector');
const { Registry } = require(require.resolve('prom-client', { paths: [path.join(repoRoot, 'packages', 'collector')] }));

/** Log bodies: real lines from loghub-2k when present (used by path only), else synthetic ones. */
function bodies() {
  if (fs.existsSync(dataDir)) {
    const systems = fs
      .readdirSync(dataDir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const lines = systems.flatMap((s) => {
      const file = path.join(dataDir, s, `${s}_2k.log`);
      return fs.existsSync(file)
        ? fs
            .readFileSync(file, 'utf8')
            .split('\n')
            .filter((l) => l.length > 0)
        : [];
    });
    if (lines.length > 0) return { lines, source: `loghub-2k (${lines.length} lines)` };
  }
  return {
    lines: Array.from(
      { length: 2000 },
      (_, i) => `user ${i} failed login from 10.0.${i % 255}.${i % 7} after ${i % 13} attempts`,
    ),
    source: 'synthetic',
  };
}

const attr = (key, value) => ({
  key,
  value: typeof value === 'number' ? { intValue: String(value) } : { stringValue: value },
});
const resource = {
  attributes: [
    attr('service.name', 'checkout'),
    attr('deployment.environment', 'prod'),
    attr('host.name', 'node-1'),
    attr('k8s.pod.name', 'checkout-5d9'),
  ],
};
const hex = (n, width) => n.toString(16).padStart(width, '0');

function logsPayloads(lines) {
  const out = [];
  for (let r = 0; r < REQUESTS; r++) {
    const logRecords = [];
    for (let i = 0; i < RECORDS_PER_REQUEST; i++) {
      const n = r * RECORDS_PER_REQUEST + i;
      logRecords.push({
        timeUnixNano: String(1_700_000_000_000_000_000n + BigInt(n)),
        severityNumber: 9 + (n % 3) * 4,
        body: { stringValue: lines[n % lines.length] },
        attributes: [attr('http.route', `/api/${n % 17}`), attr('http.status_code', 200 + (n % 5))],
        traceId: hex(n, 32),
        spanId: hex(n + 1, 16),
      });
    }
    out.push(
      codecs.logs.encodeProtobuf(
        codecs.logs.decodeJson(
          JSON.stringify({ resourceLogs: [{ resource, scopeLogs: [{ scope: { name: 'bench' }, logRecords }] }] }),
        ),
      ),
    );
  }
  return out;
}

function tracesPayloads() {
  const out = [];
  for (let r = 0; r < REQUESTS; r++) {
    const spans = [];
    for (let i = 0; i < RECORDS_PER_REQUEST; i++) {
      const n = r * RECORDS_PER_REQUEST + i;
      spans.push({
        traceId: hex(n, 32),
        spanId: hex(n + 1, 16),
        parentSpanId: hex(n + 2, 16),
        name: `GET /api/${n % 17}`,
        kind: 2,
        startTimeUnixNano: String(1_700_000_000_000_000_000n + BigInt(n)),
        endTimeUnixNano: String(1_700_000_000_000_500_000n + BigInt(n)),
        attributes: [attr('http.method', 'GET'), attr('http.route', `/api/${n % 17}`), attr('http.status_code', 200)],
        status: { code: n % 50 === 0 ? 2 : 1 },
      });
    }
    out.push(
      codecs.traces.encodeProtobuf(
        codecs.traces.decodeJson(
          JSON.stringify({ resourceSpans: [{ resource, scopeSpans: [{ scope: { name: 'bench' }, spans }] }] }),
        ),
      ),
    );
  }
  return out;
}

/** Decode plus conversion to the plain types processors use: the receiver's work without HTTP. */
function codecDecode(codec, payloads) {
  const start = process.hrtime.bigint();
  let n = 0;
  for (const p of payloads) n += codec.count(codec.decodeProtobuf(p));
  if (n < 0) throw new Error('unreachable');
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function bareDecode(type, payloads) {
  const start = process.hrtime.bigint();
  let sink = 0;
  for (const p of payloads) sink += Object.keys(type.decode(p)).length;
  if (sink < 0) throw new Error('unreachable');
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function ingest(port, signal, payloads) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let next = 0;
  const post = (body) =>
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: `/v1/${signal}`,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/x-protobuf', 'content-length': body.length },
        },
        (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < payloads.length) await post(payloads[next++]);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  agent.destroy();
  return seconds;
}

async function main() {
  const { lines, source } = bodies();
  const payloads = { logs: logsPayloads(lines), traces: tracesPayloads() };
  let forwarded = 0;
  // The runtime's own target resolution, over one sink that counts what reaches it.
  const sink = { signals: { traces: { consume: async (d) => void (forwarded += codecs.traces.count(d)) } } };
  const ctx = {
    id: 'sources.bench',
    logger: createLogger({ level: 'silent' }),
    registry: new Registry(),
    dataDir: '',
    next: { consume: async (batch) => void (forwarded += batch.entries.length) },
    signals: createTargets(new Map([['sinks.bench', sink]]), new Map()).signals,
  };
  const sourceConfig = otlpHttpConfig.parse({
    listen_address: '127.0.0.1',
    listen_port: 0,
    traces_forward_to: ['sinks.bench'],
  });
  const otlp = createOtlpHttpSource(sourceConfig, ctx);
  await otlp.start();
  const port = otlp.address().port;
  const records = REQUESTS * RECORDS_PER_REQUEST;
  console.log(
    `OTLP/HTTP protobuf ingest: ${REQUESTS} requests x ${RECORDS_PER_REQUEST} records, concurrency ${CONCURRENCY}, log bodies from ${source}`,
  );
  for (const signal of ['logs', 'traces']) {
    const kb = payloads[signal].reduce((n, p) => n + p.length, 0) / 1024;
    await ingest(port, signal, payloads[signal].slice(0, 20)); // warm-up
    bareDecode(protoTypes(signal).request, payloads[signal].slice(0, 20));
    forwarded = 0;
    const ingestS = await ingest(port, signal, payloads[signal]);
    if (forwarded !== records) throw new Error(`${signal}: forwarded ${forwarded} of ${records}`);
    const decodeS = bareDecode(protoTypes(signal).request, payloads[signal]);
    const convertS = codecDecode(codecs[signal], payloads[signal]);
    const ingestRate = records / ingestS;
    const decodeRate = records / decodeS;
    console.log(
      `${signal.padEnd(6)} ingest ${Math.round(ingestRate).toLocaleString('en')} records/s (${(kb / 1024 / ingestS).toFixed(1)} MiB/s)  ` +
        `decode+convert ${Math.round(records / convertS).toLocaleString('en')} records/s  ` +
        `bare decode ${Math.round(decodeRate).toLocaleString('en')} records/s  ratio ingest/decode ${(ingestRate / decodeRate).toFixed(3)}`,
    );
  }
  await otlp.shutdown(AbortSignal.timeout(5000));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
