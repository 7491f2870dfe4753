#!/usr/bin/env node
// Classify stage cost per line with a warm template cache, against the same pipeline without it, on loghub-2k lines.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const repoRoot = path.join(__dirname, '..', '..');
const dataDir = process.env.LOGHUB_DIR ?? path.join(repoRoot, '..', 'shared', 'data', 'loghub-2k');
const ROUNDS = Number(process.env.ROUNDS ?? 5);

const { stageDefinitions, classifierOf, createEntry } = require('@obs/collector');
const { startFakeSorter } = require('@obs/sorter-client/testing');
const { Registry } = require(require.resolve('prom-client', { paths: [path.join(repoRoot, 'packages', 'collector')] }));

function loadLines() {
  const systems = fs
    .readdirSync(dataDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return systems.flatMap((s) =>
    fs
      .readFileSync(path.join(dataDir, s, `${s}_2k.log`), 'utf8')
      .split('\n')
      .filter((l) => l.length > 0),
  );
}

function stageContext(registry, name) {
  const noop = { inc() {} };
  return {
    name,
    registry,
    counters: { parseFailed: noop, dropped: () => noop },
    buildStages() {
      throw new Error('no nested stages in this bench');
    },
  };
}

function build(registry, configs) {
  return configs.map(([type, config], i) => {
    const definition = stageDefinitions[type];
    return definition.create(definition.config.parse(config), stageContext(registry, `s${i}_${type}`));
  });
}

/** Runs every line through the stages once (fresh entries, as a source would hand them over); seconds taken. */
function run(stages, lines) {
  const start = process.hrtime.bigint();
  let input = [];
  let out = [];
  for (const line of lines) {
    input.length = 0;
    input.push(createEntry(line, { job: 'bench' }, 0n));
    for (const stage of stages) {
      out.length = 0;
      for (const entry of input) stage.process(entry, out);
      [input, out] = [out, input];
    }
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function best(stages, lines) {
  let min = Infinity;
  for (let r = 0; r < ROUNDS; r++) min = Math.min(min, run(stages, lines));
  return min;
}

async function main() {
  const lines = loadLines();
  const sorter = await startFakeSorter();
  const registry = new Registry();
  const base = [
    ['static_labels', { values: { pipeline: 'bench' } }],
    ['regex', { expression: '^(?P<head>\\S+)\\s+(?P<rest>.*)$' }],
  ];
  const bare = build(registry, base);
  const withClassify = build(registry, [
    ...base,
    ['classify', { url: sorter.url, max_wait_ms: 5, cache_size: 100000 }],
  ]);
  const rulesOnly = build(registry, [...base, ['classify', {}]]);
  const classifier = classifierOf(withClassify[withClassify.length - 1]);

  // Warm-up: every template is asked once and answered; repeat until a pass asks nothing new.
  for (let pass = 0; pass < 5; pass++) {
    run(withClassify, lines);
    await classifier.settled();
  }
  const decisions = async () => {
    const by = {};
    for (const v of (await registry.getSingleMetric('collector_classify_entries_total').get()).values)
      by[v.labels.decided_by] = (by[v.labels.decided_by] ?? 0) + v.value;
    return by;
  };
  const before = await decisions();
  const tBare = best(bare, lines);
  const tClassify = best(withClassify, lines);
  const tRules = best(rulesOnly, lines);
  const after = await decisions();
  await classifier.settled();
  await classifier.close();
  await sorter.close();

  const measured = ROUNDS * lines.length;
  const cacheShare = ((after.cache ?? 0) - (before.cache ?? 0)) / measured;
  const nsPerLine = (t) => (t / lines.length) * 1e9;
  console.log(`lines: ${lines.length} (loghub-2k, ${dataDir}), best of ${ROUNDS} rounds`);
  console.log(
    `bare pipeline (static_labels + regex):          ${nsPerLine(tBare).toFixed(0)} ns/line  ${(lines.length / tBare).toFixed(0)} lines/s`,
  );
  console.log(
    `same + classify (warm cache, ${(cacheShare * 100).toFixed(1)}% cache hits): ${nsPerLine(tClassify).toFixed(0)} ns/line  ${(lines.length / tClassify).toFixed(0)} lines/s`,
  );
  console.log(
    `classify adds ${(nsPerLine(tClassify) - nsPerLine(tBare)).toFixed(0)} ns/line; ratio classify/bare = ${(tClassify / tBare).toFixed(2)}x`,
  );
  console.log(
    `classify without a sorter (miner + rules every line): ${nsPerLine(tRules).toFixed(0)} ns/line; ratio rules-only/bare = ${(tRules / tBare).toFixed(2)}x`,
  );
  console.log(
    `sorter requests during the run: ${sorter.requests.length} (${sorter.requests.flat().length} templates asked in warm-up)`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
