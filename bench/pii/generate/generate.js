#!/usr/bin/env node
// Writes the generated parts of the PII corpus: corpus-blind.jsonl and corpus-blind2/3/4.jsonl
// (held out, each scored once) and corpus-generated.jsonl (tuning), each line a template filled with fresh synthetic values. Seeds are fixed, so a re-run reproduces them.
// Usage: node bench/pii/generate/generate.js
const fs = require('node:fs');
const path = require('node:path');
const { createValues } = require('./values');

function render(templates, seed, perTemplate) {
  const v = createValues(seed);
  const seen = new Set();
  const out = [];
  for (let round = 0; round < perTemplate; round++) {
    for (const template of templates) {
      const { text, spans } = template(v);
      if (seen.has(text)) continue;
      seen.add(text);
      out.push(JSON.stringify({ text, spans }));
    }
  }
  return `${out.join('\n')}\n`;
}

const outputs = [
  ['blind-templates.js', 'corpus-blind.jsonl', 0xb11d, 4, 'frozen'],
  ['templates.js', 'corpus-generated.jsonl', 0x7e57, 7],
  ['blind2-templates.js', 'corpus-blind2.jsonl', 0xb112, 4, 'frozen'],
  ['blind3-templates.js', 'corpus-blind3.jsonl', 0xb113, 4, 'frozen'],
  ['blind4-templates.js', 'corpus-blind4.jsonl', 0xb114, 4, 'frozen'],
];
for (const [templates, file, seed, perTemplate, frozen] of outputs) {
  const from = path.join(__dirname, templates);
  // A blind part is written once and never regenerated: a later change to values.js must not change what was scored.
  if (!fs.existsSync(from) || (frozen && fs.existsSync(path.join(__dirname, '..', file)))) continue;
  fs.writeFileSync(path.join(__dirname, '..', file), render(require(from), seed, perTemplate));
  console.log(`wrote bench/pii/${file}`);
}
