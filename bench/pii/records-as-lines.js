#!/usr/bin/env node
// Does a value read the same inside a record as alone? Every corpus line (the tuning corpus and every blind part) is put
// in records of several shapes: a JSON body's message field, an attribute beside a stream's attributes, an array
// element, a value that wraps the line in quotes or line breaks, and each JSON object line as a record itself. The
// records are redacted with redactRecords (batches of 128) and every string in them is compared with that string
// redacted alone as a line (redactBatch). Prints, per shape, for the current build and for the package as of
// `--baseline REF` (default main): how many records have a string that differs from its line redaction, how many of
// those keep something the line redaction replaces (worse; the others replace more: the record's context), how many
// placeholders swallowed a character the line redaction keeps (a quote, comma, bracket or line break; any character),
// how many records came back with a key renamed; then the CPU of redacting the records, current against baseline, in
// the same run (the machine may be shared: ratios, never absolute times).
//   node bench/pii/records-as-lines.js [--baseline REF] [--examples N]
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { transpileAtRef } = require('../at-git-ref');
const { corpusLines, cpuMs, jsonObject } = require('./support');
const current = require('@obs/pii');

const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : process.argv[at + 1];
};
const ref = option('--baseline', 'main');
const exampleCount = Number(option('--examples', '3'));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pii-records-as-lines-'));
transpileAtRef(ref, 'packages/pii/src', dir);
const baseline = require(path.join(dir, 'index.js'));

/** Every corpus line with the part it comes from: the tuning corpus and blinds 1-50 (each part's file). */
const corpus = corpusLines();

/** Each shape: its name and the records made of the corpus lines. */
const shapes = [
  ['message field of a JSON body', corpus.map((l) => ({ message: l.text, level: 'info' }))],
  [
    'attribute beside stream attributes',
    corpus.map((l) => ({ 'service.name': l.part, note: l.text, 'host.name': `${l.part}-host-3`, env: 'prod' })),
  ],
  ['array element', corpus.map((l) => ({ lines: [l.text, 'next'] }))],
  ['value in quotes', corpus.map((l) => ({ quoted: `"${l.text}",`, n: 1 }))],
  ['value between line breaks', corpus.map((l) => ({ text: `first\n${l.text}\n` }))],
  ['JSON object line as a record', corpus.flatMap((l) => jsonObject(l.text) ?? [])],
];

/** A record's strings beside their copies, and whether a key was renamed: both walked in step (the copy keeps the
 * record's order; these records are a few levels deep). */
function pairs(was, now, out = { strings: [], copies: [], keysRenamed: false }) {
  if (typeof was === 'string') {
    out.strings.push(was);
    out.copies.push(now);
  } else if (Array.isArray(was)) was.forEach((v, i) => pairs(v, Array.isArray(now) ? now[i] : undefined, out));
  else if (was !== null && typeof was === 'object') {
    const keys = Object.keys(now ?? {});
    Object.entries(was).forEach(([k, v], i) => {
      if (keys[i] !== k) out.keysRenamed = true;
      pairs(v, now?.[keys[i]], out);
    });
  }
  return out;
}

const placeholder = /<[A-Z0-9_]+(?::[0-9a-f]{8})?>/g;
const ownCharacter = /["'`,()[\]{}<>\n\r]/;

/**
 * Where each placeholder of `redacted` stands in `raw`: the literal text between placeholders is found in `raw` in
 * order (the last piece at the end), a placeholder covering what lies between. Undefined when they do not line up.
 */
function replacedRanges(raw, redacted) {
  const literals = redacted.split(placeholder);
  if (literals.length === 1) return [];
  if (!raw.startsWith(literals[0])) return undefined;
  const ranges = [];
  let at = literals[0].length;
  for (let i = 1; i < literals.length; i++) {
    const literal = literals[i];
    const next =
      i === literals.length - 1 ? raw.length - literal.length : literal === '' ? at : raw.indexOf(literal, at);
    if (next < at) return undefined;
    ranges.push([at, next]);
    at = next + literal.length;
  }
  return ranges;
}

/** The characters a record's placeholders replace that the line's placeholders keep: own characters, and any. */
function swallowed(raw, lineRanges, recordRanges) {
  const kept = (i) => !lineRanges.some(([s, e]) => s <= i && i < e);
  let own = 0;
  let any = 0;
  for (const [s, e] of recordRanges) {
    let ownHere = false;
    let anyHere = false;
    for (let i = s; i < e; i++)
      if (kept(i)) {
        anyHere = true;
        if (ownCharacter.test(raw[i])) ownHere = true;
      }
    if (ownHere) own++;
    if (anyHere) any++;
  }
  return { own, any };
}

function measure(pkg, name) {
  const redactor = pkg.createRedactor();
  const rows = [];
  for (const [shape, records] of shapes) {
    const results = [];
    for (let at = 0; at < records.length; at += 128)
      results.push(...redactor.redactRecords(records.slice(at, at + 128)));
    const row = { shape, records: records.length, differ: 0, worse: 0, swallowedOwn: 0, swallowedAny: 0, unaligned: 0 };
    row.keysChanged = 0;
    row.examples = [];
    results.forEach((result, i) => {
      const { strings, copies, keysRenamed } = pairs(records[i], result.value);
      if (keysRenamed) row.keysChanged++;
      // Each string as the line redaction reads it alone.
      const alone = redactor.redactBatch(strings).map((r) => r.text);
      let differs = false;
      let worse = false;
      alone.forEach((line, j) => {
        const [raw, got] = [strings[j], copies[j]];
        if (got === line) return;
        differs = true;
        const lineRanges = replacedRanges(raw, line);
        const recordRanges = replacedRanges(raw, got);
        if (lineRanges === undefined || recordRanges === undefined) {
          row.unaligned++;
          return;
        }
        // Worse: a character the line redaction replaces that the record keeps.
        const replacedInRecord = (c) => recordRanges.some(([s, e]) => s <= c && c < e);
        if (
          lineRanges.some(([s, e]) => Array.from({ length: e - s }, (_, k) => s + k).some((c) => !replacedInRecord(c)))
        )
          worse = true;
        const { own, any } = swallowed(raw, lineRanges, recordRanges);
        row.swallowedOwn += own;
        row.swallowedAny += any;
        if (row.examples.length < exampleCount) row.examples.push({ line, record: got });
      });
      if (differs) row.differ++;
      if (worse) row.worse++;
    });
    rows.push(row);
  }
  return { name, rows };
}

/** What is timed: the shapes' records, and records as the sorter and collector mostly get them (short values): each
 * JSON object line of the corpus as itself, and each line's stream and record attributes without the line. */
const timedSets = [
  ['lines in records (the first five shapes)', shapes.slice(0, 5).flatMap(([, records]) => records)],
  [
    'JSON lines as records, and attributes',
    corpus.flatMap((l, i) => {
      const object = jsonObject(l.text);
      const attributes = {
        'service.name': l.part,
        'host.name': `${l.part}-host-3`,
        env: 'prod',
        seq: i,
        level: 'info',
      };
      return object === undefined ? [attributes] : [object, attributes];
    }),
  ],
];

/** A function redacting `records` in batches of 128. */
function redactAll(pkg, records) {
  const redactor = pkg.createRedactor();
  return () => {
    for (let at = 0; at < records.length; at += 128) redactor.redactRecords(records.slice(at, at + 128));
  };
}

const results = [measure(current, 'current'), measure(baseline, `baseline ${ref}`)];
console.log(`${corpus.length} corpus lines (tuning corpus and blinds 1-50)`);
for (const { name, rows } of results) {
  console.log(`\n${name}: records whose strings differ from each string redacted alone as a line`);
  for (const r of rows)
    console.log(
      `  ${r.shape.padEnd(36)} ${String(r.records).padStart(5)} records: differ ${String(r.differ).padStart(4)}, ` +
        `worse ${String(r.worse).padStart(4)}, placeholders swallowing a quote/comma/bracket/line break ` +
        `${String(r.swallowedOwn).padStart(4)} (any kept character ${String(r.swallowedAny).padStart(4)}), keys renamed ` +
        `${r.keysChanged}${r.unaligned ? `, not aligned ${r.unaligned}` : ''}`,
    );
  const total = (k) => rows.reduce((n, r) => n + r[k], 0);
  console.log(
    `  all shapes: ${total('differ')} differ, ${total('worse')} worse, ${total('swallowedOwn')} placeholders swallowing own characters`,
  );
  for (const r of rows)
    for (const e of r.examples)
      console.log(
        `    ${r.shape}: line ${JSON.stringify(e.line).slice(0, 240)}\n${' '.repeat(6 + r.shape.length)}record ${JSON.stringify(e.record).slice(0, 240)}`,
      );
}

const rounds = 5;
console.log(`\nCPU of redactRecords in batches of 128, best of ${rounds}, current and baseline ${ref} alternating:`);
for (const [name, records] of timedSets) {
  const [now, then] = [redactAll(current, records), redactAll(baseline, records)];
  now();
  then();
  let [best, bestThen] = [Infinity, Infinity];
  for (let i = 0; i < rounds; i++) {
    best = Math.min(best, cpuMs(now));
    bestThen = Math.min(bestThen, cpuMs(then));
  }
  console.log(
    `  ${name} (${records.length} records): current ${best.toFixed(0)} ms, baseline ${bestThen.toFixed(0)} ms; ` +
      `throughput current / baseline ${(bestThen / best).toFixed(3)}x`,
  );
}

// JSON lines as the collector's redact stage redacts them (redactLines: as records, written back in place) against
// redactBatch (how the stage redacted them before): lines no longer JSON, labeled values left verbatim, and the CPU of
// the stage's batches (every corpus line, JSON or not, through redactLines / redactBatch of the baseline).
const jsonLines = corpus.filter((l) => /^\s*[[{]/.test(l.text) && jsonObject(l.text.trim()) !== undefined);
const asLines = (pkg) => {
  const redactor = pkg.createRedactor();
  return (texts) => (redactor.redactLines ?? redactor.redactBatch)(texts).map((r) => r.text);
};
const leftVerbatim = (outputs) =>
  jsonLines.reduce(
    (n, l, i) =>
      n +
      l.spans.filter((s) => outputs[i].includes(s.value) || outputs[i].includes(JSON.stringify(s.value).slice(1, -1)))
        .length,
    0,
  );
const notJson = (outputs) => outputs.filter((o) => jsonObject(o.trim()) === undefined).length;
const texts = jsonLines.map((l) => l.text);
const [byLines, byBatch] = [
  asLines(current)(texts),
  current
    .createRedactor()
    .redactBatch(texts)
    .map((r) => r.text),
];
console.log(
  `\nJSON object lines (${jsonLines.length}, ${jsonLines.reduce((n, l) => n + l.spans.length, 0)} labeled values), ` +
    `redactLines (the collector's redact stage now) / redactBatch (before): no longer JSON ${notJson(byLines)} / ` +
    `${notJson(byBatch)}, labeled values left verbatim ${leftVerbatim(byLines)} / ${leftVerbatim(byBatch)}`,
);
const everyLine = corpus.map((l) => l.text);
const inBatches = (redact) => () => {
  for (let at = 0; at < everyLine.length; at += 128) redact(everyLine.slice(at, at + 128));
};
const [stageNow, stageThen] = [inBatches(asLines(current)), inBatches(asLines(baseline))];
stageNow();
stageThen();
let [bestLines, bestBatch] = [Infinity, Infinity];
for (let i = 0; i < rounds; i++) {
  bestLines = Math.min(bestLines, cpuMs(stageNow));
  bestBatch = Math.min(bestBatch, cpuMs(stageThen));
}
console.log(
  `  every corpus line in batches of 128: current redactLines ${bestLines.toFixed(0)} ms, baseline ${ref} ` +
    `${baseline.createRedactor().redactLines ? 'redactLines' : 'redactBatch'} ${bestBatch.toFixed(0)} ms; throughput ` +
    `current / baseline ${(bestBatch / bestLines).toFixed(3)}x`,
);
console.log('(a shared machine: compare the ratios of one run, not times across runs)');
fs.rmSync(dir, { recursive: true, force: true });
