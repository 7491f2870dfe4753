#!/usr/bin/env node
// CPU per item of the sorter's per-item step (redactItems: id, header, redaction of the line and the attributes,
// masking, rules) on one core, against the same step as of git refs (`--baseline REF`, repeatable; default b84c919,
// where attributes were redacted twice: as JSON text and value by value), compiled into a temp dir in the same run.
// Inputs: loghub-2k lines as string bodies, the same with 3 stream attributes, in batches of 100 as a client posts them,
// and the generated PII corpus's JSON lines as structured bodies and as string bodies, 20 batches of those lines. Each
// batch holds a value once: the step reads a value repeated in its batch once, so 20 copies in one batch measured
// about a sixth less work than there is (55.5 against 67.1 us an item in round 9: 0.83 of it). Best of 6 interleaved rounds; the ratio is current /
// baseline (lower is cheaper).
//   --one-batch   each input in one batch, the 20 copies of each JSON line together (what this bench measured before)
// Needs `pnpm turbo run build --filter @obs/ai-sorter...`.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { transpileAtRef } = require('../at-git-ref');
const { corpusTexts, logLines, systems, sorterRequire } = require('./support');
const { jsonObject } = require('../pii/support');

const root = path.join(__dirname, '..', '..');
const rounds = 6;
const oneBatch = process.argv.includes('--one-batch');
const batchSize = 100;
const refs = process.argv.flatMap((arg, i) => (arg === '--baseline' ? [process.argv[i + 1]] : []));
if (refs.length === 0) refs.push('b84c919');

/** The per-item step as of a git ref: its items/ folder over packages/pii as of the same ref. */
function loadAt(ref) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sorter-items-'));
  transpileAtRef(ref, 'packages/pii/src', path.join(dir, 'pii'));
  transpileAtRef(ref, 'services/ai-sorter/src/items', path.join(dir, 'items'), {
    packages: {
      '@obs/pii': path.join(dir, 'pii'),
      '@obs/classification': sorterRequire.resolve('@obs/classification'),
    },
  });
  return require(path.join(dir, 'items', 'prepare.js'));
}

/** `items` as the step takes them: batches of 100, or one batch with --one-batch. */
function batches(items) {
  if (oneBatch) return [items];
  const out = [];
  for (let i = 0; i < items.length; i += batchSize) out.push(items.slice(i, i + batchSize));
  return out;
}

/** `copies` batches of the same items: no value repeats within a batch (all in one batch with --one-batch). */
function repeated(items, copies) {
  const each = Array.from({ length: copies }, () => items);
  return oneBatch ? [each.flat()] : each;
}

function inputs() {
  const lines = systems().flatMap((system) => logLines(system).map((line) => ({ system, line })));
  // One list for both JSON inputs: the corpus's lines that are JSON objects, as objects and as the text a client posts.
  const jsonLines = corpusTexts(/^corpus-generated\.jsonl$/).filter((text) => jsonObject(text) !== undefined);
  const generated = jsonLines.map((text) => jsonObject(text));
  return [
    ['loghub-2k, string bodies', batches(lines.map(({ line }) => ({ type: 'log', payload: line })))],
    [
      'loghub-2k, 3 attributes',
      batches(
        lines.map(({ system, line }) => ({
          type: 'log',
          payload: line,
          attributes: { 'service.name': system, 'host.name': `${system.toLowerCase()}-node-3`, env: 'prod' },
        })),
      ),
    ],
    // Few lines: 20 batches of them, so one pass takes long enough to time.
    [
      `generated corpus, ${generated.length} JSON bodies x20${oneBatch ? ' in one batch' : ' batches'}`,
      repeated(
        generated.map((payload) => ({ type: 'log', payload })),
        20,
      ),
    ],
    // The same JSON lines as a client posts them: string bodies (a JSON log line).
    [
      `generated corpus, ${jsonLines.length} JSON lines as string bodies x20${oneBatch ? ' in one batch' : ' batches'}`,
      repeated(
        jsonLines.map((payload) => ({ type: 'log', payload })),
        20,
      ),
    ],
  ];
}

/** CPU microseconds per item of one pass over the batches. */
function cpuPerItem(prepare, tools, batchList) {
  const start = process.cpuUsage();
  for (const items of batchList) prepare.redactItems(items, tools);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / batchList.reduce((n, items) => n + items.length, 0);
}

const current = require(path.join(root, 'services', 'ai-sorter', 'dist', 'items', 'prepare.js'));
const versions = [['current', current], ...refs.map((ref) => [ref, loadAt(ref)])];
console.log(`sorter per-item step, CPU per item (best of ${rounds} interleaved rounds; the machine may be shared)`);
console.log(
  `| input | ${versions.map(([name]) => `${name} us`).join(' | ')} | ${refs.map((r) => `current / ${r}`).join(' | ')} |`,
);
console.log(`|---|${versions.map(() => '---:').join('|')}|${refs.map(() => '---:').join('|')}|`);
for (const [name, batchList] of inputs()) {
  const tools = versions.map(([, prepare]) => prepare.createItemTools({}));
  // warm-up: JIT and header parsers
  versions.forEach(([, prepare], v) => batchList.forEach((items) => prepare.redactItems(items, tools[v])));
  const best = versions.map(() => Infinity);
  for (let r = 0; r < rounds; r++)
    versions.forEach(([, prepare], v) => (best[v] = Math.min(best[v], cpuPerItem(prepare, tools[v], batchList))));
  console.log(
    `| ${name} | ${best.map((us) => us.toFixed(1)).join(' | ')} | ${refs.map((_, i) => `${(best[0] / best[i + 1]).toFixed(2)}x`).join(' | ')} |`,
  );
}
