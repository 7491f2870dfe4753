#!/usr/bin/env node
// Record-level identity check: redactRecords of the current build against the same package as of a git ref
// (`--same-as REF`, default main), on records made from every corpus line (bench/pii/*.jsonl) and loghub-2k line:
// a JSON object line as itself; every line as a structured body's message beside a level and its part's stream
// attributes; the stream attributes alone, item after item (records equal to the one before them); and each JSON
// object line twice in a row. Compared: every record's copy and counts, plain and hashed, in batches of 128 and one
// by one. Prints how many records were compared and how many differ (with the first differences). Needs a build.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { transpileAtRef } = require('../at-git-ref');
const { logLines, systems } = require('../sorter/support');
const { corpusFiles, corpusLines, jsonObject } = require('./support');
const current = require('@obs/pii');

const arg = process.argv.indexOf('--same-as');
const ref = arg < 0 ? 'main' : process.argv[arg + 1];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pii-records-'));
transpileAtRef(ref, 'packages/pii/src', dir);
const reference = require(path.join(dir, 'index.js'));

/** Each part's lines: the corpus parts, then every loghub-2k system. */
function parts() {
  const corpus = corpusFiles().map((f) => [path.basename(f), corpusLines([f]).map((l) => l.text)]);
  return [...corpus, ...systems().map((system) => [system, logLines(system)])];
}

function records() {
  const out = [];
  for (const [name, lines] of parts()) {
    const stream = { 'service.name': name, 'host.name': `${name}-host-3`, env: 'prod' };
    for (const text of lines) {
      const object = jsonObject(text);
      if (object !== undefined) out.push(object, object);
    }
    for (const text of lines) out.push({ message: text, level: 'info', ...stream });
    for (const _ of lines) out.push({ ...stream });
  }
  return out;
}

const all = records();
const options = [{}, { hashKey: 'records-same-as' }];
let compared = 0;
const differences = [];
for (const option of options) {
  const [now, then] = [current.createRedactor(option), reference.createRedactor(option)];
  const batches = [];
  for (let at = 0; at < all.length; at += 128) batches.push(all.slice(at, at + 128));
  const ways = [
    ['batches of 128', (r) => batches.flatMap((batch) => r.redactRecords(batch))],
    ['one by one', (r) => all.map((record) => r.redactRecord(record))],
  ];
  for (const [way, redact] of ways) {
    const [a, b] = [redact(now), redact(then)];
    a.forEach((result, i) => {
      compared++;
      const [x, y] = [JSON.stringify(result), JSON.stringify(b[i])];
      if (x !== y) differences.push({ option: option.hashKey ? 'hashed' : 'plain', way, record: i, now: x, then: y });
    });
  }
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(
  `records-same-as ${ref}: ${all.length} records, ${compared} results compared, ${differences.length} differ`,
);
for (const d of differences.slice(0, 5)) console.log(JSON.stringify(d).slice(0, 600));
process.exitCode = differences.length === 0 ? 0 : 1;
