#!/usr/bin/env node
// Template miner on loghub-2k: grouping accuracy per system, throughput against a whitespace-split loop, LLM economy.
'use strict';
const { listSystems, loadSystem, loadClassification } = require('./loghub');

const { createTemplateMiner, groupingAccuracy } = loadClassification();
const LINES_PER_REQUEST = 100;
const TEMPLATES_PER_LLM_CALL = 20;
const THROUGHPUT_ROUNDS = 5;

/** One LLM call per batch of up to 20 template ids the cache has not seen, per request of 100 lines. */
function llmCalls(templateIds) {
  const cached = new Set();
  let calls = 0;
  for (let start = 0; start < templateIds.length; start += LINES_PER_REQUEST) {
    const unseen = new Set(templateIds.slice(start, start + LINES_PER_REQUEST).filter((id) => !cached.has(id)));
    calls += Math.ceil(unseen.size / TEMPLATES_PER_LLM_CALL);
    for (const id of unseen) cached.add(id);
  }
  return calls;
}

/** Share of lines whose answer key was first given to a line of the same true template (what a cached answer serves). */
function purity(keys, truth) {
  const first = new Map();
  let pure = 0;
  keys.forEach((key, i) => {
    if (!first.has(key)) first.set(key, truth[i]);
    if (first.get(key) === truth[i]) pure++;
  });
  return pure / keys.length;
}

function timeIt(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const rows = [];
const allLines = [];
for (const system of listSystems()) {
  const records = loadSystem(system);
  const lines = records.map((r) => r.Content);
  allLines.push(...lines);
  const miner = createTemplateMiner();
  const matches = lines.map((line) => miner.add(line));
  // Served: the id each line got when it was added; re-matched: each line against the final clusters.
  const finalIds = lines.map((line) => miner.match(line)?.templateId ?? 'unmatched');
  const truth = records.map((r) => r.EventId);
  rows.push({
    system,
    lines: lines.length,
    truthTemplates: new Set(truth).size,
    clusters: miner.clusterCount,
    served: groupingAccuracy(
      matches.map((m) => m.templateId),
      truth,
    ),
    ga: groupingAccuracy(finalIds, truth),
    keys: new Set(matches.map((m) => m.answerKey)).size,
    purity: purity(
      matches.map((m) => m.answerKey),
      truth,
    ),
    llmCalls: llmCalls(matches.map((m) => m.answerKey)),
  });
}

const pad = (v, n) => String(v).padStart(n);
console.log(
  `${'system'.padEnd(10)} ${pad('lines', 6)} ${pad('truth', 6)} ${pad('mined', 6)} ${pad('GA served', 9)} ${pad('GA final', 8)} ${pad('keys', 5)} ${pad('purity', 6)} ${pad('LLM calls', 9)}`,
);
for (const r of rows) {
  console.log(
    `${r.system.padEnd(10)} ${pad(r.lines, 6)} ${pad(r.truthTemplates, 6)} ${pad(r.clusters, 6)} ${pad(r.served.toFixed(3), 9)} ${pad(r.ga.toFixed(3), 8)}` +
      ` ${pad(r.keys, 5)} ${pad(r.purity.toFixed(3), 6)} ${pad(r.llmCalls, 9)}`,
  );
}
const mean = (f) => rows.reduce((s, r) => s + f(r), 0) / rows.length;
const sum = (f) => rows.reduce((s, r) => s + f(r), 0);
console.log(
  `average GA served ${mean((r) => r.served).toFixed(3)}, re-matched ${mean((r) => r.ga).toFixed(3)} over ${rows.length} systems (Drain: ~0.85);` +
    ` answer keys / true templates ${(sum((r) => r.keys) / sum((r) => r.truthTemplates)).toFixed(2)}, key purity ${mean((r) => r.purity).toFixed(3)}`,
);
console.log(
  `LLM calls ${rows.reduce((s, r) => s + r.llmCalls, 0)} for ${rows.reduce((s, r) => s + r.truthTemplates, 0)} ground-truth templates` +
    ` (batches of ${LINES_PER_REQUEST} lines, up to ${TEMPLATES_PER_LLM_CALL} new templates per call)`,
);

// Throughput: the miner over every line vs a bare loop that only splits each line on whitespace, best of N rounds each.
let sink = 0;
const reference = Math.min(
  ...Array.from({ length: THROUGHPUT_ROUNDS }, () =>
    timeIt(() => {
      for (const line of allLines) sink += line.split(/\s+/).length;
    }),
  ),
);
const mining = Math.min(
  ...Array.from({ length: THROUGHPUT_ROUNDS }, () =>
    timeIt(() => {
      const miner = createTemplateMiner();
      for (const line of allLines) sink += miner.add(line).size;
    }),
  ),
);
const perSecond = (s) => Math.round(allLines.length / s).toLocaleString('en-US');
console.log(
  `throughput: miner ${perSecond(mining)} lines/s, whitespace split ${perSecond(reference)} lines/s,` +
    ` ratio ${(mining / reference).toFixed(1)} (miner time / split time; ${sink > 0 ? 'work done' : 'no work'})`,
);
