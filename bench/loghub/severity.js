#!/usr/bin/env node
// Rules classifier severity on loghub-2k, from the Content column only, against each system's own level column.
'use strict';
const { listSystems, loadSystem, loadClassification } = require('./loghub');

const { createRulesClassifier, classificationScores } = loadClassification();

// Each system's levels mapped to our five severities; BGL is scored on its alert Label as alert / no alert.
const levelMaps = {
  Android: { column: 'Level', map: { V: 'debug', D: 'debug', I: 'info', W: 'warning', E: 'error', F: 'critical', A: 'critical' } },
  Apache: { column: 'Level', map: { debug: 'debug', info: 'info', notice: 'info', warn: 'warning', error: 'error', crit: 'critical', alert: 'critical', emerg: 'critical' } },
  HDFS: { column: 'Level', map: { DEBUG: 'debug', INFO: 'info', WARN: 'warning', ERROR: 'error', FATAL: 'critical' } },
  Spark: { column: 'Level', map: { DEBUG: 'debug', INFO: 'info', WARN: 'warning', ERROR: 'error', FATAL: 'critical' } },
  Windows: { column: 'Level', map: { Info: 'info', Warning: 'warning', Error: 'error', Critical: 'critical' } },
  Zookeeper: { column: 'Level', map: { DEBUG: 'debug', INFO: 'info', WARN: 'warning', ERROR: 'error', FATAL: 'critical' } },
};
const alertSeverities = new Set(['critical', 'error']);

const classifier = createRulesClassifier();
const rows = [];
for (const system of listSystems()) {
  const spec = levelMaps[system];
  if (spec === undefined && system !== 'BGL') continue;
  const records = loadSystem(system);
  const predicted = records.map((r) => classifier.classify({ text: r.Content, type: 'log' }).severity);
  let truth;
  let scored;
  if (system === 'BGL') {
    truth = records.map((r) => (r.Label === '-' ? 'no_alert' : 'alert'));
    scored = predicted.map((s) => (alertSeverities.has(s) ? 'alert' : 'no_alert'));
  } else {
    truth = records.map((r) => {
      const severity = spec.map[r[spec.column]];
      if (severity === undefined) throw new Error(`${system}: unmapped ${spec.column} "${r[spec.column]}"`);
      return severity;
    });
    scored = predicted;
  }
  const scores = classificationScores(scored, truth);
  const counts = (labels) => Object.entries(labels.reduce((m, l) => ({ ...m, [l]: (m[l] ?? 0) + 1 }), {})).map(([k, v]) => `${k}:${v}`).join(' ');
  rows.push({ system: system === 'BGL' ? 'BGL(alert)' : system, ...scores, truth: counts(truth), predicted: counts(scored) });
}

console.log(`${'system'.padEnd(11)} ${'accuracy'.padStart(8)} ${'macroF1'.padStart(8)}  truth | predicted`);
for (const r of rows) console.log(`${r.system.padEnd(11)} ${r.accuracy.toFixed(3).padStart(8)} ${r.macroF1.toFixed(3).padStart(8)}  ${r.truth} | ${r.predicted}`);
const mean = (f) => rows.reduce((s, r) => s + f(r), 0) / rows.length;
console.log(`average accuracy ${mean((r) => r.accuracy).toFixed(3)}, macro-F1 ${mean((r) => r.macroF1).toFixed(3)} over ${rows.length} systems` +
  ' (Linux "combo" and HPC "State" are not levels, the other systems have no level column)');

// Throughput of the rules over every line of every system against a bare loop running one regex per line.
const lines = listSystems().flatMap((s) => loadSystem(s).map((r) => r.Content));
const timeIt = (fn) => { const t = process.hrtime.bigint(); fn(); return Number(process.hrtime.bigint() - t) / 1e9; };
let sink = 0;
const reference = Math.min(...[1, 2, 3].map(() => timeIt(() => { for (const l of lines) if (/error/i.test(l)) sink++; })));
const rules = Math.min(...[1, 2, 3].map(() => timeIt(() => { for (const l of lines) sink += classifier.classify({ text: l }).confidence; })));
console.log(`throughput: rules ${Math.round(lines.length / rules).toLocaleString('en-US')} lines/s, one-regex loop ` +
  `${Math.round(lines.length / reference).toLocaleString('en-US')} lines/s, ratio ${(rules / reference).toFixed(1)} (rules time / one-regex time${sink > 0 ? '' : ', no work'})`);
