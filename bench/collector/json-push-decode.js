#!/usr/bin/env node
// The incremental Loki JSON push decoder (checkJsonPush: a scanner finds element bounds, JSON.parse reads ~1 MiB
// slices, then a second pass reads the values again slice by slice as they are handed on) against the reference in
// the same run: one JSON.parse of the whole body and its checks (decodeJsonPush), as the collector did for every body.
// For each body shape: the time to decode every entry, the ratio incremental / one-shot, and the longest stretch the
// event loop was held (monitorEventLoopDelay max for the incremental decoder; the one-shot one is synchronous, so
// it holds the loop for its whole time). Needs a build: `pnpm turbo run build --filter @obs/collector...`.
// Run: `node bench/collector/json-push-decode.js` (BENCH_RUNS=3: the best of each is printed).
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { checkJsonPush, decodeJsonPush } = require('@obs/collector');

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MiB = 1024 * 1024;

/** A JSON push of about `mib` MiB: `streams` streams whose lines are `lineBytes` long, with metadata when asked. */
function body(mib, streams, lineBytes, metadata) {
  const line = JSON.stringify(
    'level=info msg="request served" path=/api/orders/12345 status=200 "quoted" \\ '.padEnd(lineBytes, 'x'),
  );
  const meta = metadata ? ',{"trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","pod":"api-7d9f"}' : '';
  const value = `["1700000000000000000",${line}${meta}]`;
  const perStream = Math.max(1, Math.round((mib * MiB) / (value.length + 1) / streams));
  const stream = (s) =>
    `{"stream":{"job":"bench","instance":"host-${s}"},"values":[${Array.from({ length: perStream }, () => value).join(',')}]}`;
  return Buffer.from(`{"streams":[${Array.from({ length: streams }, (_, s) => stream(s)).join(',')}]}`);
}

async function timed(fn, sync) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  const entries = await fn();
  const ms = performance.now() - started;
  delay.disable();
  return { ms, entries, heldMs: Math.max(delay.max / 1e6, sync ? ms : 0) };
}

const oneShot = (buf) => decodeJsonPush(buf.toString('utf8')).reduce((n, s) => n + s.entries.length, 0);
async function incremental(buf) {
  const push = await checkJsonPush(buf);
  let n = 0;
  await push.read(async (slice) => void (n += slice.reduce((sum, part) => sum + part.entries.length, 0)));
  return n;
}

async function main() {
  const shapes = [
    ['95 MiB, 1 stream, 200-byte lines', body(95, 1, 200, false)],
    ['20 MiB, 2,000 streams, 200-byte lines + metadata', body(20, 2000, 200, true)],
    ['20 MiB, 1 stream, 10 KiB lines', body(20, 1, 10_240, false)],
    ['5 MiB, 1 stream, 200-byte lines', body(5, 1, 200, false)],
  ];
  console.log('| body | entries | one JSON.parse ms (held) | incremental ms (held) | incremental / one-shot |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, buf] of shapes) {
    let best = { one: undefined, inc: undefined };
    for (let r = 0; r < RUNS; r++) {
      const one = await timed(() => oneShot(buf), true);
      const inc = await timed(() => incremental(buf));
      if (one.entries !== inc.entries)
        throw new Error(`${name}: ${one.entries} entries one-shot, ${inc.entries} incremental`);
      if (!best.one || one.ms < best.one.ms) best.one = one;
      if (!best.inc || inc.ms < best.inc.ms) best.inc = inc;
    }
    const { one, inc } = best;
    console.log(
      `| ${name} | ${one.entries} | ${one.ms.toFixed(0)} (${one.heldMs.toFixed(0)}) | ${inc.ms.toFixed(0)} (${inc.heldMs.toFixed(0)}) | ${(inc.ms / one.ms).toFixed(2)} |`,
    );
  }
  console.log('(shared 2-core machine: times are noisy, ratios from the same run)');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
