#!/usr/bin/env node
// Rules severity on loghub-2k against each system's Level column (mapped by loghubLevelMaps), two ways: raw lines
// through a per-system header parser (the stated level comes first), and the Content column alone (content rules
// only); beside two trivial baselines on the same input, computed in the same run: the most frequent class, and
// the first level keyword (ERROR/WARN/INFO/DEBUG) in the text.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { dataDir, listSystems, loadSystem, loadClassification } = require('./loghub');

const {
  createHeaderParser,
  createRulesClassifier,
  classificationScores,
  loghubLevelSeverity,
  keywordSeverity,
  mostFrequentLabel,
} = loadClassification();
const rules = createRulesClassifier();

function rawLines(system) {
  const lines = fs.readFileSync(path.join(dataDir, system, `${system}_2k.log`), 'utf8').split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const f1 = (predicted, truth) => classificationScores(predicted, truth).macroF1;
const rows = [];
const confusion = process.env.SHOW_CONFUSION === '1';
for (const system of listSystems()) {
  const records = loadSystem(system);
  if (loghubLevelSeverity(system, records[0]) === undefined) continue;
  const truth = records.map((r) => loghubLevelSeverity(system, r));
  const lines = rawLines(system);
  const parser = createHeaderParser();
  const raw = lines.map((line) => rules.classifyParsed({ parsed: parser.parse(line), type: 'log' }).severity);
  const content = records.map((r) => rules.classifyParsed({ parsed: { message: r.Content }, type: 'log' }).severity);
  const majority = mostFrequentLabel(truth);
  const rawScores = classificationScores(raw, truth);
  const contentScores = classificationScores(content, truth);
  rows.push({
    system,
    classes: new Set(truth).size,
    raw: rawScores,
    rawKeyword: f1(lines.map(keywordSeverity), truth),
    content: contentScores,
    contentKeyword: f1(
      records.map((r) => keywordSeverity(r.Content)),
      truth,
    ),
    mostFrequent: f1(
      truth.map(() => majority),
      truth,
    ),
  });
  if (confusion) {
    const cells = new Map();
    truth.forEach((t, i) => {
      const k = `${t}->${content[i]}`;
      cells.set(k, (cells.get(k) ?? 0) + 1);
    });
    console.log(
      `${system} content truth->predicted: ${[...cells]
        .sort()
        .map(([k, n]) => `${k}:${n}`)
        .join(' ')}`,
    );
  }
}

const pad = (s, n) => String(s).padStart(n);
console.log(
  `${'system'.padEnd(10)} ${pad('classes', 7)} | ${pad('raw acc', 7)} ${pad('raw F1', 7)} ${pad('keyword', 7)} | ` +
    `${pad('content acc', 11)} ${pad('content F1', 10)} ${pad('keyword', 7)} ${pad('most freq', 9)} | content beats both`,
);
for (const r of rows) {
  const beats =
    r.classes < 2
      ? 'n/a (one class)'
      : r.content.macroF1 > r.contentKeyword && r.content.macroF1 > r.mostFrequent
        ? 'yes'
        : 'NO';
  console.log(
    `${r.system.padEnd(10)} ${pad(r.classes, 7)} | ${pad(r.raw.accuracy.toFixed(3), 7)} ${pad(r.raw.macroF1.toFixed(3), 7)} ${pad(r.rawKeyword.toFixed(3), 7)} | ` +
      `${pad(r.content.accuracy.toFixed(3), 11)} ${pad(r.content.macroF1.toFixed(3), 10)} ${pad(r.contentKeyword.toFixed(3), 7)} ${pad(r.mostFrequent.toFixed(3), 9)} | ${beats}`,
  );
}
const mean = (f) => rows.reduce((s, r) => s + f(r), 0) / rows.length;
console.log(
  `average over ${rows.length} systems with a level: raw macro-F1 ${mean((r) => r.raw.macroF1).toFixed(3)} ` +
    `(keyword ${mean((r) => r.rawKeyword).toFixed(3)}, most frequent ${mean((r) => r.mostFrequent).toFixed(3)}); ` +
    `content macro-F1 ${mean((r) => r.content.macroF1).toFixed(3)} (keyword ${mean((r) => r.contentKeyword).toFixed(3)}, most frequent ${mean((r) => r.mostFrequent).toFixed(3)})`,
);

// Throughput of the rules on Content against a bare loop running one regex per line, in the same run.
const texts = listSystems().flatMap((s) => loadSystem(s).map((r) => r.Content));
// CPU time of this process, which other work on a shared machine disturbs less than wall time.
const timeIt = (fn) => {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1e6;
};
let sink = 0;
const reference = Math.min(
  ...[1, 2, 3, 4, 5].map(() =>
    timeIt(() => {
      for (const l of texts) if (/error/i.test(l)) sink++;
    }),
  ),
);
const timed = Math.min(
  ...[1, 2, 3, 4, 5].map(() =>
    timeIt(() => {
      for (const l of texts) sink += rules.classify({ text: l }).confidence;
    }),
  ),
);
console.log(
  `throughput: rules (header parse + content rules) ${Math.round(texts.length / timed).toLocaleString('en-US')} lines/s, one-regex loop ` +
    `${Math.round(texts.length / reference).toLocaleString('en-US')} lines/s, ratio ${(timed / reference).toFixed(1)} (CPU time of this process; the machine is shared${sink > 0 ? '' : ', no work'})`,
);
