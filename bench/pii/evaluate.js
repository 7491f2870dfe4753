#!/usr/bin/env node
// Scores @obs/pii on the labeled corpus (precision/recall per type) and measures redaction throughput on real
// logs against a bare one-regex String.prototype.replace over the same lines. Needs `pnpm turbo run build --filter @obs/pii`.
const fs = require('node:fs');
const path = require('node:path');
const { createRedactor, createPiiScanner, piiTypes } = require('../../packages/pii/dist');
const { parseCorpus, scoreCorpus } = require('../../packages/pii/dist/testing');

const corpusPath = path.join(__dirname, 'corpus.jsonl');
const logDir = process.env.PII_BENCH_LOGS ?? path.join(__dirname, '../../../shared/data/loghub-2k');
const showMistakes = process.argv.includes('--mistakes');

function pct(x) {
  return x.toFixed(3);
}

function printScores() {
  const lines = parseCorpus(fs.readFileSync(corpusPath, 'utf8'), corpusPath);
  const score = scoreCorpus(lines, createPiiScanner());
  console.log(`corpus: ${lines.length} lines, ${lines.reduce((n, l) => n + l.spans.length, 0)} labeled values`);
  console.log('| type | labeled | TP | FP | FN | precision | recall |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const type of [...piiTypes, 'overall']) {
    const s = type === 'overall' ? score.overall : score.byType[type];
    const labeled = s.truePositives + s.falseNegatives;
    console.log(`| ${type} | ${labeled} | ${s.truePositives} | ${s.falsePositives} | ${s.falseNegatives} | ${pct(s.precision)} | ${pct(s.recall)} |`);
  }
  if (showMistakes) {
    for (const m of score.mistakes) console.log(JSON.stringify(m));
  }
}

/** Realistic mix: every *_2k.log of loghub-2k, or the corpus texts when that folder is absent. */
function loadLogLines() {
  if (fs.existsSync(logDir)) {
    const lines = [];
    for (const system of fs.readdirSync(logDir).sort()) {
      const file = path.join(logDir, system, `${system}_2k.log`);
      if (fs.existsSync(file)) lines.push(...fs.readFileSync(file, 'utf8').split('\n').filter(Boolean));
    }
    if (lines.length > 0) return { source: logDir, lines };
  }
  return { source: corpusPath, lines: parseCorpus(fs.readFileSync(corpusPath, 'utf8')).map((l) => l.text) };
}

/** Best-of-N MB/s per function, rounds interleaved so machine load hits every function alike. */
function bestMbPerSecond(lines, bytes, fns) {
  const best = fns.map(() => 0);
  let sink = 0;
  for (let round = 0; round < 7; round++) {
    fns.forEach((fn, i) => {
      const start = process.hrtime.bigint();
      for (const line of lines) sink += fn(line).length;
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (round > 0) best[i] = Math.max(best[i], bytes / seconds / 1e6); // round 0 warms up
    });
  }
  if (sink < 0) throw new Error('unreachable');
  return best;
}

function printThroughput() {
  const { source, lines } = loadLogLines();
  const bytes = lines.reduce((n, l) => n + Buffer.byteLength(l), 0);
  const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
  const all = createRedactor();
  const hashed = createRedactor({ hashKey: 'bench-key' });
  const [reference, plain, hash] = bestMbPerSecond(lines, bytes, [
    (line) => line.replace(email, '<EMAIL>'),
    (line) => all.redact(line).text,
    (line) => hashed.redact(line).text,
  ]);
  console.log(`\nthroughput on ${lines.length} lines (${(bytes / 1e6).toFixed(2)} MB) from ${source}, best of 6 rounds`);
  console.log(`reference: one email regex replace  ${reference.toFixed(1)} MB/s`);
  console.log(`redact, all 15 types               ${plain.toFixed(1)} MB/s  ratio ${(plain / reference).toFixed(3)}`);
  console.log(`redact, all 15 types, hash mode    ${hash.toFixed(1)} MB/s  ratio ${(hash / reference).toFixed(3)}`);
}

/** One 1 MB line per shape that once made a pattern or the overlap step superlinear; all should take well under a second. */
function printHostileLines() {
  const redactor = createRedactor({ hashKey: 'bench-key' });
  const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
  console.log('\nhostile 1 MB lines: redact ms (reference email replace ms)');
  for (const [name, unit] of [
    ['password=" repeated', 'password="'],
    ['http://a:b@ repeated', 'http://a:b@'],
    ['set-cookie: repeated', 'set-cookie:'],
    ['sid=b; after Cookie:', 'sid=b;'],
    ['digits and spaces', '1 '],
    ['a@b. repeated', 'a@b.'],
  ]) {
    const line = (name.endsWith('Cookie:') ? 'Cookie: ' : '') + unit.repeat(Math.ceil(1e6 / unit.length));
    const t0 = process.hrtime.bigint();
    redactor.redact(line);
    const t1 = process.hrtime.bigint();
    line.replace(email, '<EMAIL>');
    const t2 = process.hrtime.bigint();
    console.log(`${name.padEnd(24)} ${(Number(t1 - t0) / 1e6).toFixed(0).padStart(6)} ms (${(Number(t2 - t1) / 1e6).toFixed(0)} ms)`);
  }
}

printScores();
printThroughput();
printHostileLines();
