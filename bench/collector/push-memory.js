#!/usr/bin/env node
// Peak memory and responsiveness of the collector under concurrent large Loki pushes (issue 12, item 1): N pushes of
// a ~95 MiB JSON body at once to a loki_push source, whose pipeline drops every entry (so only receiving and decoding
// count). The collector runs as a child process (the built CLI, `collector run`); its peak RSS is the kernel's
// high-water mark (VmHWM), read just before it stops. /healthz is polled every 20 ms throughout the large pushes; its
// p50/p99/max answer time is printed. Then ordinary pushes (small: 100 lines, medium: ~1 MiB) measure entries/s.
// Reference, measured in the same run: the child's RSS at rest, one push alone, and with `--baseline <git ref>` the
// collector's src as of that ref (transpiled, run the same way) under the same load, with ratios current/baseline.
// Needs a build: `pnpm turbo run build --filter @obs/collector...`.
// Run: `node bench/collector/push-memory.js [--baseline main]` (BENCH_PUSHES=8, BENCH_BODY_MIB=95; BENCH_LIMITS='{...}'
// adds a `limits:` block to the config, e.g. '{"max_in_flight_bytes": 1073741824}'; BENCH_BODY=protobuf pushes
// the same lines as snappy protobuf instead of JSON; BENCH_BODY=otlp-protobuf or otlp-json posts them as OTLP log
// records to an otlp_http source's /v1/logs instead, whose max_request_body_bytes is raised to fit).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { transpileAtRef } = require('../at-git-ref');

const root = path.join(__dirname, '..', '..');
const collectorDir = path.join(root, 'packages', 'collector');
const PUSHES = Number(process.env.BENCH_PUSHES ?? 8);
const BODY_MIB = Number(process.env.BENCH_BODY_MIB ?? 95);
const LIMITS = process.env.BENCH_LIMITS;
const BODY = process.env.BENCH_BODY ?? 'json';
const PROTOBUF = BODY === 'protobuf';
const OTLP = BODY.startsWith('otlp-');
const baselineAt = process.argv.indexOf('--baseline');
const baselineRef = baselineAt > 0 ? process.argv[baselineAt + 1] : undefined;
const MiB = 1024 * 1024;
const LOKI_PATH = '/loki/api/v1/push';
const LINE =
  'level=info msg="request served" path=/api/orders/12345 status=200 took_ms=12 user=someone@example.com '.padEnd(
    200,
    'x',
  );

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** A Loki push of `count` 200-byte lines in one stream: JSON, or snappy protobuf with BENCH_BODY=protobuf. */
function pushBody(count) {
  const ts = 1_700_000_000_000_000_000n;
  if (OTLP) return otlpBody(count, ts);
  if (PROTOBUF) {
    const snappy = require(require.resolve('snappyjs', { paths: [collectorDir] }));
    const { pushRequestType } = require('@obs/collector');
    const entries = Array.from({ length: count }, (_, i) => ({
      timestamp: { seconds: 1_700_000_000 + Math.floor(i / 1e6), nanos: i % 1e6 },
      line: LINE,
    }));
    const raw = pushRequestType
      .encode(pushRequestType.fromObject({ streams: [{ labels: '{job="bench"}', entries }] }))
      .finish();
    return { count, body: Buffer.from(snappy.compress(raw)), type: 'application/x-protobuf', path: LOKI_PATH };
  }
  const line = JSON.stringify(LINE);
  const parts = Array.from({ length: count }, (_, i) => `["${ts + BigInt(i)}",${line}]`);
  return {
    count,
    body: Buffer.from(`{"streams":[{"stream":{"job":"bench"},"values":[${parts.join(',')}]}]}`),
    type: 'application/json',
    path: LOKI_PATH,
  };
}

/** The same lines as OTLP log records of one resource and scope, for /v1/logs (BENCH_BODY=otlp-protobuf or otlp-json). */
function otlpBody(count, ts) {
  const { codecs } = require('@obs/collector');
  const logRecords = Array.from({ length: count }, (_, i) => ({
    timeUnixNano: String(ts + BigInt(i)),
    severityNumber: 9,
    body: { stringValue: LINE },
  }));
  const data = codecs.logs.decodeJson(
    JSON.stringify({
      resourceLogs: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'bench' } }] },
          scopeLogs: [{ logRecords }],
        },
      ],
    }),
  );
  if (BODY === 'otlp-json')
    return { count, body: Buffer.from(codecs.logs.encodeJson(data)), type: 'application/json', path: '/v1/logs' };
  return {
    count,
    body: Buffer.from(codecs.logs.encodeProtobuf(data)),
    type: 'application/x-protobuf',
    path: '/v1/logs',
  };
}

/** The line count whose JSON push is about `mib` MiB. */
function linesForMiB(mib) {
  return Math.ceil((mib * MiB) / `["1700000000000000000",${JSON.stringify(LINE)}],`.length);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function post(port, { body, type, path }) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        agent,
        path,
        method: 'POST',
        headers: { 'content-type': type, 'content-length': body.length },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            ok: res.statusCode === 204 || res.statusCode === 200,
            seconds: (performance.now() - started) / 1000,
          }),
        );
      },
    );
    req.on('error', (err) => resolve({ status: `error ${err.code}`, seconds: (performance.now() - started) / 1000 }));
    req.end(body);
  });
}

function memory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)[1]);
  return { rss: kib('VmRSS') * 1024, hwm: kib('VmHWM') * 1024 };
}

async function healthz(port) {
  const started = performance.now();
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(30_000) });
    await res.arrayBuffer();
  } catch {
    return 30;
  }
  return (performance.now() - started) / 1000;
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** The collector's src as of `ref`, transpiled (no type check) beside the package so its dependencies resolve. */
function buildBaseline(ref) {
  const dir = fs.mkdtempSync(path.join(collectorDir, '.bench-baseline-'));
  transpileAtRef(ref, 'packages/collector/src', dir, { compilerOptions: { esModuleInterop: true } });
  return dir;
}

/** The arguments that start the collector from `cli` (a compiled cli.js) as bin/collector.js does. */
function collectorArgs(cli, config) {
  const script = `require('node:v8').setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
require(${JSON.stringify(cli)}).main(['run', '-c', ${JSON.stringify(config)}], { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }).then((code) => { process.exitCode = code; });`;
  return ['--max-semi-space-size=4', '-e', script];
}

async function measure(cli, big) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-push-memory-'));
  const [pushPort, httpPort] = [await freePort(), await freePort()];
  const config = path.join(dir, 'collector.yaml');
  fs.writeFileSync(
    config,
    `server: { http_listen_port: ${httpPort} }
storage_path: ./data
${LIMITS ? `limits: ${LIMITS}\n` : ''}sources:
  push: ${OTLP ? `{ type: otlp_http, listen_address: 127.0.0.1, listen_port: ${pushPort}, max_request_body_bytes: ${big.body.length + MiB}, forward_to: [pipelines.discard] }` : `{ type: loki_push, listen_port: ${pushPort}, forward_to: [pipelines.discard] }`}
pipelines:
  discard:
    stages: [ { drop: { expression: ".*" } } ]
    forward_to: [sinks.out]
sinks:
  out: { type: stdout }
`,
  );
  const child = spawn(process.execPath, collectorArgs(cli, config), {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let i = 0; i < 100 && (await healthz(httpPort)) >= 30; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    const idle = memory(child.pid);

    const latencies = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        latencies.push(await healthz(httpPort));
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const one = await post(pushPort, big);
    const afterOne = memory(child.pid);
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: PUSHES }, () => post(pushPort, big)));
    const seconds = (performance.now() - started) / 1000;
    polling = false;
    await poller;
    const after = memory(child.pid);

    const ordinary = {};
    for (const [name, lines, count, connections] of [
      ['small (100 lines)', 100, 2000, 8],
      ['medium (~1 MiB)', linesForMiB(1), 100, 4],
    ]) {
      const push = pushBody(lines);
      const t0 = performance.now();
      let next = 0;
      let ok = 0;
      await Promise.all(
        Array.from({ length: connections }, async () => {
          while (next++ < count) if ((await post(pushPort, push)).ok) ok++;
        }),
      );
      ordinary[name] = { ok, count, entriesPerSecond: (ok * lines) / ((performance.now() - t0) / 1000) };
    }

    const statuses = {};
    for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    latencies.sort((a, b) => a - b);
    return {
      idle,
      one,
      afterOne,
      seconds,
      statuses,
      after,
      ordinary,
      accepted: results.filter((r) => r.ok).length * big.count,
      latencies,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function report(name, m) {
  const mib = (n) => `${(n / MiB).toFixed(0)} MiB`;
  const ms = (s) => `${(s * 1000).toFixed(0)} ms`;
  console.log(`${name}:`);
  console.log(`  one push alone: ${m.one.status} in ${m.one.seconds.toFixed(1)} s, peak RSS ${mib(m.afterOne.hwm)}`);
  console.log(
    `  ${PUSHES} concurrent pushes: ${JSON.stringify(m.statuses)} in ${m.seconds.toFixed(1)} s, ${Math.round(m.accepted / m.seconds)} entries/s accepted`,
  );
  console.log(
    `  RSS at rest ${mib(m.idle.rss)}; peak ${mib(m.after.hwm)} (${(m.after.hwm / m.idle.rss).toFixed(1)}x rest, ${(m.after.hwm / m.afterOne.hwm).toFixed(2)}x one push alone); after ${mib(m.after.rss)}`,
  );
  console.log(
    `  /healthz during the large pushes (${m.latencies.length} probes): p50 ${ms(quantile(m.latencies, 0.5))}, p99 ${ms(quantile(m.latencies, 0.99))}, max ${ms(m.latencies.at(-1))}`,
  );
  for (const [kind, o] of Object.entries(m.ordinary))
    console.log(`  ${kind} pushes: ${o.ok}/${o.count} accepted, ${Math.round(o.entriesPerSecond)} entries/s`);
}

async function main() {
  const big = pushBody(linesForMiB(BODY_MIB));
  console.log(
    `machine: ${os.cpus().length} cores, ${(os.totalmem() / MiB).toFixed(0)} MiB RAM (shared with other jobs); limits: ${LIMITS ?? 'default'}`,
  );
  console.log(`body: ${(big.body.length / MiB).toFixed(1)} MiB ${big.type}, ${big.count} lines`);
  const current = await measure(require.resolve('@obs/collector/cli'), big);
  report('current build', current);
  if (baselineRef === undefined) return;
  const dir = buildBaseline(baselineRef);
  try {
    const baseline = await measure(path.join(dir, 'cli.js'), big);
    report(`baseline ${baselineRef}`, baseline);
    const ratio = (a, b) => (a / b).toFixed(2);
    console.log(
      `current / baseline: peak RSS ${ratio(current.after.hwm, baseline.after.hwm)}, /healthz p99 ${ratio(quantile(current.latencies, 0.99), quantile(baseline.latencies, 0.99))}, max ${ratio(current.latencies.at(-1), baseline.latencies.at(-1))}, large-push entries/s ${ratio(current.accepted / current.seconds, baseline.accepted / baseline.seconds)}, ${Object.keys(
        current.ordinary,
      )
        .map(
          (k) => `${k} entries/s ${ratio(current.ordinary[k].entriesPerSecond, baseline.ordinary[k].entriesPerSecond)}`,
        )
        .join(', ')}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
