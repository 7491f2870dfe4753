#!/usr/bin/env node
// The miner's worst case: 1,000,000 lines of a seeded high-cardinality stream (UUIDs, hex ids, numbers in many
// positions, a 50,000-word vocabulary) through the sorter's per-line path (header parser, then the template miner on
// the message), in this process alone so its peak RSS is the path's. Reference in the same run: a whitespace split
// of the same lines. Prints one JSON line (real-path.js runs it as a child); BENCH_ADVERSARIAL_LINES overrides the count.
'use strict';
const { createAdversarialStream } = require('./adversarial-stream');

const { createHeaderParser, createTemplateMiner } = require('@obs/classification');

const total = Number(process.env.BENCH_ADVERSARIAL_LINES ?? 1_000_000);
const chunk = 1_000;
const nextLine = createAdversarialStream({ seed: 42 });
const parser = createHeaderParser();
const miner = createTemplateMiner();
let minerNs = 0n;
let splitNs = 0n;
let sink = 0;
const windows = [];
let windowNs = 0n;
for (let done = 0; done < total; done += chunk) {
  // Lines are made outside the timed loops, a chunk at a time, so the generator's cost and memory are not counted.
  const lines = Array.from({ length: Math.min(chunk, total - done) }, nextLine);
  let start = process.hrtime.bigint();
  for (const line of lines) sink += line.split(/\s+/).length;
  splitNs += process.hrtime.bigint() - start;
  start = process.hrtime.bigint();
  for (const line of lines) sink += miner.add(parser.parse(line).message).size;
  const spent = process.hrtime.bigint() - start;
  minerNs += spent;
  windowNs += spent;
  if ((done + chunk) % 100_000 === 0) {
    windows.push(Math.round(100_000 / (Number(windowNs) / 1e9)));
    windowNs = 0n;
  }
}
const perSecond = (ns) => Math.round(total / (Number(ns) / 1e9));
console.log(
  JSON.stringify({
    lines: total,
    linesPerSecond: perSecond(minerNs),
    splitLinesPerSecond: perSecond(splitNs),
    ratio: Number(minerNs) / Number(splitNs),
    per100k: windows,
    clusters: miner.clusterCount,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    work: sink > 0,
  }),
);
