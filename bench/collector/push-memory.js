#!/usr/bin/env node
// Peak memory of the collector under concurrent large Loki pushes (issue 12, item 1): N pushes of a ~95 MiB JSON
// body at once to a loki_push source, whose pipeline drops every entry (so only receiving and decoding count).
// The collector runs as a child process (the built CLI, `collector run`); its peak RSS is the kernel's high-water
// mark (VmHWM), read just before it stops. Reference, measured in the same run: the same child's RSS at rest
// before the pushes, and one push alone. /healthz is polled every 100 ms throughout; its slowest answer is printed.
// Needs a build: `pnpm turbo run build --filter @obs/collector...`.
// Run: `node bench/collector/push-memory.js` (BENCH_PUSHES=8, BENCH_BODY_MIB=95; BENCH_LIMITS='{...}' adds a
// `limits:` block to the config, e.g. '{"max_in_flight_bytes": 1073741824}').
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const cli = path.join(root, 'packages', 'collector', 'bin', 'collector.js');
const PUSHES = Number(process.env.BENCH_PUSHES ?? 8);
const BODY_MIB = Number(process.env.BENCH_BODY_MIB ?? 95);
const LIMITS = process.env.BENCH_LIMITS;
const MiB = 1024 * 1024;

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** A Loki JSON push of about `mib` MiB: one stream, 200-byte lines. */
function pushBody(mib) {
  const line = JSON.stringify('level=info msg="request served" path=/api/orders/12345 status=200 took_ms=12 user=someone@example.com '.padEnd(200, 'x'));
  const ts = 1_700_000_000_000_000_000n;
  const parts = [];
  let size = 0;
  for (let i = 0; size < mib * MiB; i++) {
    const value = `["${ts + BigInt(i)}",${line}]`;
    parts.push(value);
    size += value.length + 1;
  }
  return Buffer.from(`{"streams":[{"stream":{"job":"bench"},"values":[${parts.join(',')}]}]}`);
}

function post(port, body) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.request({ host: '127.0.0.1', port, path: '/loki/api/v1/push', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, retryAfter: res.headers['retry-after'], seconds: (performance.now() - started) / 1000 }));
    });
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

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-push-memory-'));
  const [pushPort, httpPort] = [await freePort(), await freePort()];
  const config = path.join(dir, 'collector.yaml');
  fs.writeFileSync(config, `server: { http_listen_port: ${httpPort} }
storage_path: ./data
${LIMITS ? `limits: ${LIMITS}\n` : ''}sources:
  push: { type: loki_push, listen_port: ${pushPort}, forward_to: [pipelines.discard] }
pipelines:
  discard:
    stages: [ { drop: { expression: ".*" } } ]
    forward_to: [sinks.out]
sinks:
  out: { type: stdout }
`);
  const child = spawn(process.execPath, [cli, 'run', '-c', config], { stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 100 && (await healthz(httpPort)) >= 30; i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 500));
  const idle = memory(child.pid);

  const body = pushBody(BODY_MIB);
  let slowest = 0;
  let polling = true;
  const poller = (async () => {
    while (polling) {
      slowest = Math.max(slowest, await healthz(httpPort));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();

  const one = await post(pushPort, body);
  const afterOne = memory(child.pid);
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: PUSHES }, () => post(pushPort, body)));
  const seconds = (performance.now() - started) / 1000;
  polling = false;
  await poller;
  const after = memory(child.pid);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  fs.rmSync(dir, { recursive: true, force: true });

  const statuses = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const mib = (n) => `${(n / MiB).toFixed(0)} MiB`;
  console.log(`machine: ${os.cpus().length} cores, ${mib(os.totalmem())} RAM (shared with other jobs); limits: ${LIMITS ?? 'default'}`);
  console.log(`body: ${(body.length / MiB).toFixed(1)} MiB JSON; one push alone: ${one.status} in ${one.seconds.toFixed(1)} s, peak RSS ${mib(afterOne.hwm)}`);
  console.log(`${PUSHES} concurrent pushes: ${JSON.stringify(statuses)} in ${seconds.toFixed(1)} s`);
  console.log(`RSS at rest ${mib(idle.rss)}; peak ${mib(after.hwm)} (${(after.hwm / idle.rss).toFixed(1)}x rest, ${(after.hwm / afterOne.hwm).toFixed(2)}x one push alone); after ${mib(after.rss)}`);
  console.log(`slowest /healthz during the run: ${(slowest * 1000).toFixed(0)} ms`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
