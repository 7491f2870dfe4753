#!/usr/bin/env node
// /classify throughput and latency with autocannon on loopback, batches of 100 real log lines, against a reference
// measured in the same run: a bare node:http server that parses the same body and answers a 100-result JSON.
'use strict';
const { spawn } = require('node:child_process');
const { spawnSorter, startLlmStub, logLines, sorterRequire } = require('./support');

const autocannon = sorterRequire('autocannon');
const duration = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const batch = 100;

const bareServer = `
const http = require('node:http');
const answer = JSON.stringify({ results: Array.from({ length: ${batch} }, (_, i) => ({ id: String(i), severity: 'info', category: 'noise', forward_to: 'archive', confidence: 0.5, decided_by: 'rules', reason: 'reference', template: { id: 'x', text: 'x' } })) });
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => { JSON.parse(body); res.writeHead(200, { 'content-type': 'application/json' }); res.end(answer); });
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ message: 'listening', port: server.address().port })));
process.on('SIGTERM', () => server.close(() => process.exit(0)));`;

function spawnBare() {
  const child = spawn(process.execPath, ['-e', bareServer], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => child.stdout.once('data', (c) => {
    const { port } = JSON.parse(c.toString());
    resolve({ url: `http://127.0.0.1:${port}`, stop: () => new Promise((done) => { child.once('exit', done); child.kill('SIGTERM'); }) });
  }));
}

async function run(name, url, body) {
  const result = await autocannon({ url: `${url}/classify`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { name, reqPerSec: result.requests.average, itemsPerSec: result.requests.average * batch, p50: result.latency.p50, p99: result.latency.p99 };
}

// The same per-item work as the service (redact, mine, rules) in a bare loop over the same lines, for 2 s.
function bareLoopItemsPerSec(lines) {
  const path = require('node:path');
  const root = path.join(__dirname, '..', '..', 'packages');
  const { createRedactor } = require(path.join(root, 'pii', 'dist', 'index.js'));
  const { createTemplateMiner, createRulesClassifier } = require(path.join(root, 'classification', 'dist', 'index.js'));
  const redactor = createRedactor();
  const miner = createTemplateMiner();
  const rules = createRulesClassifier();
  let items = 0;
  const started = process.hrtime.bigint();
  const budget = 2_000_000_000n;
  while (process.hrtime.bigint() - started < budget) {
    for (const line of lines) {
      const { text } = redactor.redact(line);
      miner.add(text);
      rules.classify({ text, type: 'log' });
    }
    items += lines.length;
  }
  return items / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function main() {
  const lines = logLines('Apache').slice(0, batch);
  const body = JSON.stringify({ items: lines.map((line) => ({ type: 'log', body: line })) });
  const rows = [];

  const bare = await spawnBare();
  rows.push(await run('reference: bare node:http, same body', bare.url, body));
  await bare.stop();

  const rulesOnly = await spawnSorter({});
  rows.push(await run('ai-sorter, rules (no LLM key)', rulesOnly.url, body));
  await rulesOnly.stop();

  const stub = await startLlmStub();
  const cached = await spawnSorter({ LLM_API_KEY: 'bench-stub-key', LLM_BASE_URL: stub.baseUrl });
  rows.push(await run('ai-sorter, cache (LLM stub, warm)', cached.url, body));
  await cached.stop();
  await stub.stop();

  const reference = rows[0].reqPerSec;
  console.log(`\n/classify, ${batch} items per request, ${connections} connections, ${duration}s each, loopback\n`);
  console.log('| run | req/s | items/s | p50 ms | p99 ms | vs reference |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.reqPerSec.toFixed(0)} | ${r.itemsPerSec.toFixed(0)} | ${r.p50} | ${r.p99} | ${(r.reqPerSec / reference).toFixed(3)}x |`);
  }
  const loop = bareLoopItemsPerSec(lines);
  console.log(`\nsame work in a bare loop (redact + mine + rules, one core, no HTTP): ${loop.toFixed(0)} items/s;`);
  for (const r of rows.slice(1)) console.log(`  ${r.name}: ${(r.itemsPerSec / loop).toFixed(3)}x of the bare loop`);
  console.log(`\nLLM stub calls in the cache run: ${stub.stats.calls} (templates unseen while the miner's clusters were still generalising; then all cache)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
