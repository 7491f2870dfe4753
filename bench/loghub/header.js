#!/usr/bin/env node
// The header parser on loghub-2k raw lines: per system, the share of lines whose parsed message equals the
// structured CSV's Content (both trimmed), and whose stated level matches its Level column; then throughput
// against a bare regex split of the same lines, measured in the same run.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { dataDir, listSystems, loadSystem, loadClassification } = require('./loghub');

const { createHeaderParser, loghubLevelSeverity } = loadClassification();

function rawLines(system) {
  const lines = fs.readFileSync(path.join(dataDir, system, `${system}_2k.log`), 'utf8').split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const squash = (s) => s.trim().replace(/\s+/g, ' ');
const rows = [];
const allLines = [];
const showMisses = Number(process.env.SHOW_MISSES ?? 0);
for (const system of listSystems()) {
  const records = loadSystem(system);
  const lines = rawLines(system);
  if (lines.length !== records.length)
    throw new Error(`${system}: ${lines.length} raw lines but ${records.length} CSV rows`);
  allLines.push(...lines);
  const parser = createHeaderParser();
  let messageOk = 0;
  let levelOk = 0;
  let levelLines = 0;
  let stated = 0;
  const misses = [];
  const shapes = new Map();
  records.forEach((record, i) => {
    const parsed = parser.parse(lines[i]);
    shapes.set(parsed.shape, (shapes.get(parsed.shape) ?? 0) + 1);
    if (squash(parsed.message) === squash(record.Content)) messageOk++;
    else if (misses.length < showMisses)
      misses.push(`  line ${i + 1}: got "${parsed.message.slice(0, 100)}" want "${record.Content.slice(0, 100)}"`);
    if (parsed.level !== undefined) stated++;
    const truth = loghubLevelSeverity(system, record);
    if (truth !== undefined) {
      levelLines++;
      if (parsed.level?.severity === truth) levelOk++;
    }
  });
  rows.push({
    system,
    lines: records.length,
    message: messageOk / records.length,
    level: levelLines === 0 ? undefined : levelOk / levelLines,
    stated: stated / records.length,
    shapes,
  });
  for (const m of misses) console.log(`${system}${m}`);
}

// "level stated" on a system without a level column counts lines where the parser claims one (ideally few).
console.log(
  `${'system'.padEnd(10)} ${'message=Content'.padStart(15)} ${'level=Level'.padStart(11)} ${'level stated'.padStart(12)}  shapes`,
);
for (const r of rows) {
  const shapes = [...r.shapes]
    .sort((a, b) => b[1] - a[1])
    .map(([s, n]) => `${s}:${n}`)
    .join(' ');
  console.log(
    `${r.system.padEnd(10)} ${r.message.toFixed(3).padStart(15)} ${(r.level === undefined ? '-' : r.level.toFixed(3)).padStart(11)} ${r.stated.toFixed(3).padStart(12)}  ${shapes}`,
  );
}
const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
const levelRows = rows.filter((r) => r.level !== undefined);
console.log(
  `average message=Content ${mean(rows.map((r) => r.message)).toFixed(3)} over ${rows.length} systems; ` +
    `level=Level ${mean(levelRows.map((r) => r.level)).toFixed(3)} over the ${levelRows.length} systems with a level column`,
);

// Throughput: one parser per system (as per stream), against a bare loop splitting each line with one regex.
// CPU time of this process, which other work on a shared machine disturbs less than wall time.
const timeIt = (fn) => {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1e6;
};
let sink = 0;
const split = /^(\S+)\s+(\S+)\s+(.*)$/;
const reference = Math.min(
  ...[1, 2, 3, 4, 5].map(() =>
    timeIt(() => {
      for (const l of allLines) sink += split.exec(l)?.[3].length ?? 0;
    }),
  ),
);
const parse = Math.min(
  ...[1, 2, 3, 4, 5].map(() =>
    timeIt(() => {
      let parser;
      allLines.forEach((l, i) => {
        if (i % 2000 === 0) parser = createHeaderParser();
        sink += parser.parse(l).messageStart;
      });
    }),
  ),
);
console.log(
  `throughput: parser ${Math.round(allLines.length / parse).toLocaleString('en-US')} lines/s, bare regex split ` +
    `${Math.round(allLines.length / reference).toLocaleString('en-US')} lines/s, ratio ${(parse / reference).toFixed(1)} ` +
    `(parser time / split time, ${allLines.length} lines${sink > 0 ? '' : ', no work'}; CPU time of this process; the machine is shared)`,
);
