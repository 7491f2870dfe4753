#!/usr/bin/env node
// /classify end to end on the path a user takes, against another build in the same run: the BUILT service
// (dist/server.js, rules mode, no LLM key) and a reference checkout's built server (`--baseline-server
// PATH/services/ai-sorter/dist/server.js`, e.g. a detached worktree of an older commit, built), each posted every raw
// line of a set in batches of 100 and of 1,000 over real HTTP on loopback, two requests in flight, each item with a
// client-chosen id. Sets: every loghub-2k system's raw lines; the PII corpus texts (tuning and generated, x5); the
// blind parts' texts; and every JSON object among them as a structured body. Rounds interleave the two servers (best of
// 5). Prints items/s (wall) and the server's CPU per item (all its threads, from /proc), and current / reference ratios:
// CPU time is what the machine's load moves least. `--route /sort` posts the same items to /sort (the seed contract:
// `content` a string or the object, no ids), whose answer echoes every item redacted.
'use strict';
const path = require('node:path');
const { spawnSorter, lineSets, threadCpu } = require('./support');

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const inFlight = 2;
const batchSizes = [100, 1000];
const baselineArg = process.argv.indexOf('--baseline-server');
if (baselineArg < 0 || !process.argv[baselineArg + 1])
  throw new Error('usage: end-to-end.js --baseline-server PATH/services/ai-sorter/dist/server.js');
const baselineServer = path.resolve(process.argv[baselineArg + 1]);
const routeArg = process.argv.indexOf('--route');
const route = routeArg < 0 ? '/classify' : process.argv[routeArg + 1];
if (route !== '/classify' && route !== '/sort') throw new Error('--route is /classify or /sort');
const env = { MAX_BATCH_ITEMS: '1000', BODY_LIMIT: '8mb' };

/** The request bodies for a set: every line once, in batches of `size`; for /classify each item with an id a client
 * might choose. */
function bodies(lines, size) {
  const item =
    route === '/sort' ? (content) => ({ type: 'log', content }) : (body, i) => ({ id: `line-${i}`, type: 'log', body });
  const out = [];
  for (let at = 0; at < lines.length; at += size)
    out.push(JSON.stringify({ items: lines.slice(at, at + size).map((line, i) => item(line, at + i)) }));
  return out;
}

/** The lines that are JSON objects (not empty), as objects: structured bodies. */
function jsonObjects(lines) {
  return lines.flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      const value = JSON.parse(line);
      return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0
        ? [value]
        : [];
    } catch {
      return [];
    }
  });
}

async function post(url, body) {
  const res = await fetch(`${url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${route} answered ${res.status}: ${text.slice(0, 200)}`);
}

/** Posts every body, `inFlight` at a time; returns wall seconds and the server's CPU µs over the pass. */
async function pass(server, requestBodies) {
  const cpu = (pid) => [...threadCpu(pid).values()].reduce((a, b) => a + b, 0);
  const cpuBefore = cpu(server.pid);
  const started = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < requestBodies.length) await post(server.url, requestBodies[next++]);
    }),
  );
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, cpuUs: cpu(server.pid) - cpuBefore };
}

async function main() {
  const servers = [
    ['current', await spawnSorter(env)],
    ['reference', await spawnSorter(env, undefined, baselineServer)],
  ];
  console.log(
    `${route}; reference: ${baselineServer}; best of ${rounds} interleaved rounds, ${inFlight} requests in flight`,
  );
  console.log(
    '\n| set | batch | items | current items/s | reference items/s | items/s ratio | current CPU µs/item | reference CPU µs/item | CPU ratio (lower is cheaper) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  try {
    const sets = lineSets();
    sets.push(['JSON lines of all sets, as objects', jsonObjects(sets.flatMap(([, lines]) => lines))]);
    for (const [name, lines] of sets) {
      for (const size of batchSizes) {
        const requestBodies = bodies(lines, size);
        const best = servers.map(() => ({ seconds: Infinity, cpuUs: Infinity }));
        // A warm-up pass each (JIT, header parsers, miner), then rounds alternating which server goes first.
        for (const [, server] of servers) await pass(server, requestBodies);
        for (let round = 0; round < rounds; round++) {
          const order = round % 2 === 0 ? [0, 1] : [1, 0];
          for (const i of order) {
            const r = await pass(servers[i][1], requestBodies);
            best[i].seconds = Math.min(best[i].seconds, r.seconds);
            best[i].cpuUs = Math.min(best[i].cpuUs, r.cpuUs);
          }
        }
        const [cur, ref] = best.map((b) => ({ perSec: lines.length / b.seconds, cpu: b.cpuUs / lines.length }));
        console.log(
          `| ${name} | ${size} | ${lines.length} | ${cur.perSec.toFixed(0)} | ${ref.perSec.toFixed(0)} | ${(cur.perSec / ref.perSec).toFixed(3)}x | ${cur.cpu.toFixed(1)} | ${ref.cpu.toFixed(1)} | ${(cur.cpu / ref.cpu).toFixed(3)}x |`,
        );
      }
    }
  } finally {
    for (const [, server] of servers) await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
