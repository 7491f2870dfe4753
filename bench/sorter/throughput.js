#!/usr/bin/env node
// /classify throughput and latency with autocannon on loopback, batches of 100 real log lines, against references
// measured in the same run: a bare node:http server that parses the same body and answers a 100-result JSON, and the
// same per-item work in a bare loop on one core. /healthz is probed on fresh connections throughout every run.
'use strict';
const { spawn } = require('node:child_process');
const http = require('node:http');
const os = require('node:os');
const { spawnSorter, startLlmStub, logLines, sorterRequire, threadCpu } = require('./support');

const autocannon = sorterRequire('autocannon');
const duration = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const batch = 100;
const probeEveryMs = 20;
const probeTimeoutMs = 5000;

const bareServer = `
const http = require('node:http');
const answer = JSON.stringify({ results: Array.from({ length: ${batch} }, (_, i) => ({ id: String(i), severity: 'info', category: 'noise', forward_to: 'archive', confidence: 0.5, decided_by: 'rules', reason: 'reference', template: { id: 'x', text: 'x' } })) });
const server = http.createServer((req, res) => {
  if (req.method === 'GET') { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"status":"ok"}'); return; }
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => { JSON.parse(body); res.writeHead(200, { 'content-type': 'application/json' }); res.end(answer); });
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ message: 'listening', port: server.address().port })));
process.on('SIGTERM', () => server.close(() => process.exit(0)));`;

function spawnBare() {
  const child = spawn(process.execPath, ['-e', bareServer], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) =>
    child.stdout.once('data', (c) => {
      const { port } = JSON.parse(c.toString());
      resolve({
        url: `http://127.0.0.1:${port}`,
        pid: child.pid,
        stop: () =>
          new Promise((done) => {
            child.once('exit', done);
            child.kill('SIGTERM');
          }),
      });
    }),
  );
}

/** One GET /healthz on a new connection, as a kubelet probe makes it; a timeout counts as probeTimeoutMs. */
function probe(url) {
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
  return new Promise((resolve) => {
    const req = http.get(`${url}/healthz`, { agent: false, timeout: probeTimeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200 ? elapsed() : probeTimeoutMs));
    });
    req.on('timeout', () => {
      req.destroy();
      resolve(probeTimeoutMs);
    });
    req.on('error', () => resolve(probeTimeoutMs));
  });
}

/** Probes /healthz every probeEveryMs until stop() is called; stop() resolves to the latencies in ms. */
function probeHealthz(url) {
  const latencies = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = Date.now();
      latencies.push(await probe(url));
      await new Promise((r) => setTimeout(r, Math.max(0, probeEveryMs - (Date.now() - started))));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return latencies;
    },
  };
}

/** CPU µs per item over a run: the main thread's (it answers /healthz) and all threads' (workers, GC, libuv). */
function cpuPerItem(pid, before, after, items) {
  let all = 0;
  for (const [tid, us] of after) all += us - (before.get(tid) ?? 0);
  return { main: ((after.get(pid) ?? 0) - (before.get(pid) ?? 0)) / items, all: all / items };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function run(name, url, body, options = {}) {
  const health = probeHealthz(url);
  const cpuBefore = options.pid && process.platform === 'linux' ? threadCpu(options.pid) : undefined;
  const result = await autocannon({
    url: `${url}/classify`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: options.connections ?? connections,
    duration,
  });
  const cpu = cpuBefore
    ? cpuPerItem(options.pid, cpuBefore, threadCpu(options.pid), result.requests.total * batch)
    : undefined;
  const probes = (await health.stop()).sort((a, b) => a - b);
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    name,
    reqPerSec: result.requests.average,
    itemsPerSec: result.requests.average * batch,
    p50: result.latency.p50,
    p99: result.latency.p99,
    healthz: {
      count: probes.length,
      p99: percentile(probes, 99),
      max: probes[probes.length - 1] ?? 0,
      over100: probes.filter((l) => l > 100).length,
    },
    cpu,
  };
}

// The same per-item work as the service (its own per-item step: header, redaction, masking, rules; then mining) in a
// bare loop over the same lines on one core, for 2 s.
function bareLoopItemsPerSec(lines) {
  const { createItemTools, redactItems } = require('@obs/ai-sorter');
  const { createTemplateMiner } = require('@obs/classification');
  const tools = createItemTools({});
  const miner = createTemplateMiner();
  const items = lines.map((line) => ({ type: 'log', payload: line }));
  let done = 0;
  const started = process.hrtime.bigint();
  const budget = 2_000_000_000n;
  while (process.hrtime.bigint() - started < budget) {
    for (const line of redactItems(items, tools).lines) miner.addMasked(line.messageTokens);
    done += lines.length;
  }
  return done / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function main() {
  const lines = logLines('Apache').slice(0, batch);
  const body = JSON.stringify({ items: lines.map((line) => ({ type: 'log', body: line })) });
  const rows = [];
  // The machine's load may change during the run: the bare loop is measured before and after, and their mean is the reference.
  const loopBefore = bareLoopItemsPerSec(lines);

  const bare = await spawnBare();
  rows.push(await run('reference: bare node:http, same body', bare.url, body, { pid: bare.pid }));
  await bare.stop();

  const mainThread = await spawnSorter({ SORTER_WORKERS: '0' });
  rows.push(
    await run('ai-sorter, rules, SORTER_WORKERS=0 (all on the main thread)', mainThread.url, body, {
      pid: mainThread.pid,
    }),
  );
  await mainThread.stop();

  const rulesOnly = await spawnSorter({});
  rows.push(await run('ai-sorter, rules (no LLM key)', rulesOnly.url, body, { pid: rulesOnly.pid }));
  await rulesOnly.stop();

  const stub = await startLlmStub();
  const cached = await spawnSorter({ LLM_API_KEY: 'bench-stub-key', LLM_BASE_URL: stub.baseUrl });
  rows.push(await run('ai-sorter, cache (LLM stub, warm)', cached.url, body, { pid: cached.pid }));
  await cached.stop();
  await stub.stop();

  const limited = await startLlmStub({ retryAfterSeconds: 1 });
  const crowded = await spawnSorter({ LLM_API_KEY: 'bench-stub-key', LLM_BASE_URL: limited.baseUrl });
  rows.push(
    await run('ai-sorter, LLM answering 429, 200 connections', crowded.url, body, {
      connections: 200,
      pid: crowded.pid,
    }),
  );
  await crowded.stop();
  await limited.stop();

  const reference = rows[0].reqPerSec;
  console.log(
    `\n/classify, ${batch} items per request, ${connections} connections (unless named), ${duration}s each, loopback, ${os.availableParallelism()} CPUs`,
  );
  console.log(
    `/healthz probed every ${probeEveryMs} ms on a new connection during each run (a timeout counts as ${probeTimeoutMs} ms)\n`,
  );
  console.log(
    '| run | req/s | items/s | p50 ms | p99 ms | vs reference | /healthz probes | /healthz p99 ms | /healthz max ms | probes > 100 ms |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const h = r.healthz;
    console.log(
      `| ${r.name} | ${r.reqPerSec.toFixed(0)} | ${r.itemsPerSec.toFixed(0)} | ${r.p50} | ${r.p99} | ${(r.reqPerSec / reference).toFixed(3)}x | ${h.count} | ${h.p99.toFixed(1)} | ${h.max.toFixed(1)} | ${h.over100} |`,
    );
  }
  const loopAfter = bareLoopItemsPerSec(lines);
  const loop = (loopBefore + loopAfter) / 2;
  console.log(
    `\nsame work in a bare loop (header, redact, mask, rules, mine; one core, no HTTP): ${loop.toFixed(0)} items/s (${loopBefore.toFixed(0)} before the runs, ${loopAfter.toFixed(0)} after);`,
  );
  for (const r of rows.slice(1)) console.log(`  ${r.name}: ${(r.itemsPerSec / loop).toFixed(3)}x of the bare loop`);
  // CPU time per item does not depend on what else the machine runs, as throughput on a shared machine does.
  console.log(`\nCPU per item (the bare loop: ${(1e6 / loop).toFixed(1)} µs), and what it allows on dedicated cores:`);
  console.log(
    '| run | main thread µs/item | all threads µs/item | main thread allows items/s | 2 cores allow items/s |',
  );
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows.filter((row) => row.cpu)) {
    const { main, all } = r.cpu;
    console.log(
      `| ${r.name} | ${main.toFixed(1)} | ${all.toFixed(1)} | ${(1e6 / main).toFixed(0)} | ${Math.min(1e6 / main, 2e6 / all).toFixed(0)} |`,
    );
  }
  console.log('(the load generator and the /healthz probes need CPU too; they are not counted)');
  console.log(
    `\nLLM stub calls in the cache run: ${stub.stats.calls} (templates unseen while the miner's clusters were still generalising; then all cache)`,
  );
  console.log(
    `LLM stub calls in the 429 run: ${limited.stats.calls} (Retry-After: 1, so at most about one per second plus the calls in flight when a 429 arrives)`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
