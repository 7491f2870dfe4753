#!/usr/bin/env node
// What the sorter's per-item step (redactItems, built) still redacts item by item after the string bodies' batch: a
// client id, a JSON or logfmt line's decoded message, a structured body's header. Over the sets end-to-end.js posts
// (loghub-2k raw lines, the PII corpus texts x5, the blind texts), in chunks of 100 and 1,000, with no ids, short ids
// (`line-N`) and UUIDs: the calls per item, their CPU share of the step, and what one redactBatch of the same strings
// per chunk would save, as a share of the step. CPU time, best of 5; needs `pnpm turbo run build --filter @obs/ai-sorter...`.
'use strict';
const { randomUUID } = require('node:crypto');
const path = require('node:path');
const { lineSets } = require('./support');

const { createItemTools, redactItems } = require(
  path.join(path.dirname(require.resolve('@obs/ai-sorter/package.json')), 'dist', 'items', 'prepare.js'),
);
const rounds = 5;

const cpuUs = (fn) => {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return used.user + used.system;
};

/** The per-item step's tools with `redact` recording the texts it is given (the string bodies and the records go
 * through their batches). */
function recordingTools() {
  const tools = createItemTools({});
  const { redactor } = tools;
  const texts = [];
  const recording = {
    types: redactor.types,
    redact: (text) => {
      texts.push(text);
      return redactor.redact(text);
    },
    redactBatch: (batch) => redactor.redactBatch(batch),
    redactBatchWithReplacements: (batch) => redactor.redactBatchWithReplacements(batch),
    redactRecord: (value) => redactor.redactRecord(value),
    redactRecords: (values) => redactor.redactRecords(values),
  };
  return { tools: { ...tools, redactor: recording }, texts, redactor };
}

const sets = lineSets();
const ids = [
  ['no ids', () => undefined],
  ['short ids', (i) => `line-${i}`],
  ['UUIDs', () => randomUUID()],
];

console.log(`best of ${rounds}, CPU time\n`);
console.log(
  '| set | ids | chunk | step µs/item | item-by-item calls/item | their share of the step | batched would save |',
);
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const [setName, lines] of sets) {
  for (const [idName, idOf] of ids) {
    const items = lines.map((body, i) => ({ id: idOf(i), type: 'log', payload: body }));
    for (const size of [100, 1000]) {
      const { tools, texts, redactor } = recordingTools();
      let step = Infinity;
      let oneByOne = Infinity;
      let batched = Infinity;
      for (let round = 0; round < rounds; round++) {
        texts.length = 0;
        step = Math.min(
          step,
          cpuUs(() => {
            for (let at = 0; at < items.length; at += size) redactItems(items.slice(at, at + size), tools);
          }),
        );
        const calls = texts.slice();
        oneByOne = Math.min(
          oneByOne,
          cpuUs(() => calls.forEach((text) => redactor.redact(text))),
        );
        // The calls per chunk: about one per item with ids, so chunks of `size` items make batches of about `size` texts.
        const perChunk = Math.max(1, Math.round((calls.length / items.length) * size));
        batched = Math.min(
          batched,
          cpuUs(() => {
            for (let at = 0; at < calls.length; at += perChunk) redactor.redactBatch(calls.slice(at, at + perChunk));
          }),
        );
      }
      console.log(
        `| ${setName} | ${idName} | ${size} | ${(step / items.length).toFixed(1)} | ${(texts.length / items.length).toFixed(2)} | ${((100 * oneByOne) / step).toFixed(1)}% | ${((100 * (oneByOne - batched)) / step).toFixed(1)}% |`,
      );
    }
  }
}
