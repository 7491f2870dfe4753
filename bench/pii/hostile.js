#!/usr/bin/env node
// Hostile input lines: does any line make redact() superlinear? The shapes are built from the package's own keyword
// lists (every word a keyword-led detector is gated on, and the separators those words carry), not from a hand list:
// each word repeated as `KEY=`, `KEY=v;`, `KEY: "`, `<KEY>`, `--KEY `, `KEY=v&`, `KEY=;Key=` (two spellings mixed),
// `KEY=;NEXT=` (two words mixed), and each separator after a word. Every shape is timed at 16 KB to screen; those
// slower than the budget there, and the slowest 60, are timed at 64 KB and 512 KB (and the worst 15 at 1 MB).
// A shape is reported when its 512 KB / 64 KB ratio is well above 8 (superlinear) or it costs more than the budget per
// MB. The reference is a plain email regex replace over the same 1 MB line, timed in the same run (the machine may be
// shared: read the ratios). Needs `pnpm turbo run build --filter @obs/pii`.
//   node bench/pii/hostile.js [--quick]   (--quick: screen only the words of every 8th shape)
'use strict';

const path = require('node:path');
const { createRedactor } = require('@obs/pii');
// The keyword lists are internal: read from the build by path (the package exports only its API).
const { detectorFactories } = require(path.join(__dirname, '../../packages/pii/dist/detectors/registry'));

const budgetMsPerMb = 250;
const superlinearRatio = 12;
const kb = 1024;

/** Every word a keyword-led detector (or a part of one) is gated on, as the key a user would write: the characters a
 * word carries around it for its look-behind or separator are cut off, and kept apart as separators. */
function keyWordsAndSeparators() {
  const words = new Set();
  const separators = new Set();
  for (const factory of Object.values(detectorFactories)) {
    const detector = factory();
    for (const part of detector.parts ?? [detector]) {
      for (const group of part.keywordGroups ?? []) {
        for (const word of group) {
          const core = word.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '').replace(/\x7f/g, 'ñ');
          if (core.length >= 2) words.add(core);
          const after = /[^a-z0-9\x7f]+$/.exec(word)?.[0];
          if (after !== undefined && after.trim() !== '') separators.add(after);
        }
      }
    }
  }
  return { words: [...words].sort(), separators: [...separators].sort() };
}

const capitalized = (word) => word.charAt(0).toUpperCase() + word.slice(1);

/** The repeated units: name and unit, one list per key word plus the separators and the fixed shapes of earlier rounds. */
function hostileShapes() {
  const { words, separators } = keyWordsAndSeparators();
  const shapes = [
    ['password=" repeated', 'password="'],
    ['http://a:b@ repeated', 'http://a:b@'],
    ['set-cookie: repeated', 'set-cookie:'],
    ['Cookie: then sid=b;', 'sid=b;', 'Cookie: '],
    ['digits and spaces', '1 '],
    ['a@b. repeated', 'a@b.'],
  ];
  words.forEach((word, i) => {
    const next = words[(i + 1) % words.length];
    shapes.push(
      [`${word}=`, `${word}=`],
      [`${word}=v;`, `${word}=v;`],
      [`${word}: "`, `${word}: "`],
      [`<${word}>`, `<${word}>`],
      [`--${word} `, `--${word} `],
      [`${word}=v&`, `${word}=v&`],
      [`${word}=;${capitalized(word)}=`, `${word}=;${capitalized(word)}=`],
      [`${word}=;${next}=`, `${word}=;${next}=`],
      [`Cookie: then ${word}=v;`, `${word}=v;`, 'Cookie: '],
    );
  });
  for (const separator of separators)
    shapes.push([`a${separator}`, `a${separator}`], [`user${separator}`, `user${separator}`]);
  return shapes;
}

function lineOf([, unit, prefix = ''], bytes) {
  return prefix + unit.repeat(Math.ceil((bytes - prefix.length) / unit.length));
}

/** Milliseconds redact() takes on the shape's line of `bytes` characters (the best of `rounds`). */
function timeShape(redactor, shape, bytes, rounds = 1) {
  const line = lineOf(shape, bytes);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    redactor.redact(line);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}

function printHostileShapes({ quick = false } = {}) {
  const redactor = createRedactor({ hashKey: 'bench-key' });
  const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
  const all = hostileShapes();
  const shapes = quick ? all.filter((_, i) => i < 6 || i % 8 === 0) : all;
  const reference = lineOf(['', 'user=alice@example.com; '], 1024 * kb);
  const t0 = process.hrtime.bigint();
  reference.replace(email, '<EMAIL>');
  const referenceMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const started = Date.now();
  const screened = shapes.map((shape) => ({ shape, small: timeShape(redactor, shape, 16 * kb) }));
  screened.sort((a, b) => b.small - a.small);
  const slowAtSmall = screened.filter((s) => s.small * 64 > budgetMsPerMb);
  const measured = [...new Set([...slowAtSmall, ...screened.slice(0, 60)])].map((s) => {
    const at64 = timeShape(redactor, s.shape, 64 * kb, 2);
    // Already over a second at 64 KB: 512 KB would take minutes if it is quadratic; 64 times is what that would be.
    const at512 = at64 > 1000 ? at64 * 64 : timeShape(redactor, s.shape, 512 * kb);
    return { ...s, at64, at512, ratio: at512 / Math.max(at64, 0.05), perMb: at512 * 2 };
  });
  measured.sort((a, b) => b.perMb - a.perMb);
  const worst = measured.slice(0, 15);
  for (const w of worst) w.at1mb = w.at64 > 1000 ? w.at64 * 256 : timeShape(redactor, w.shape, 1024 * kb);
  const flagged = measured.filter((m) => m.ratio > superlinearRatio || m.perMb > budgetMsPerMb);
  console.log(
    `\nhostile lines: ${shapes.length} shapes from the detectors' own key words and separators, screened at 16 KB in ` +
      `${((Date.now() - started) / 1000).toFixed(0)} s; ${measured.length} timed at 64 KB and 512 KB`,
  );
  console.log(
    `reference: a plain email regex replace over 1 MB: ${referenceMs.toFixed(1)} ms (same run; the machine may be shared)`,
  );
  console.log(
    `flagged (512K/64K ratio > ${superlinearRatio}, or > ${budgetMsPerMb} ms/MB): ${flagged.length}` +
      (flagged.length > 0 ? `: ${flagged.map((f) => JSON.stringify(f.shape[0])).join(', ')}` : ''),
  );
  console.log(
    'worst 15 shapes: ms at 64 KB, 512 KB, 1 MB, ratio 512K/64K, x the email reference at 1 MB ' +
      '(over 1 s at 64 KB: the larger sizes are not run, quadratic estimates are printed)',
  );
  for (const w of worst) {
    console.log(
      `${JSON.stringify(w.shape[0]).slice(0, 40).padEnd(40)} ${w.at64.toFixed(1).padStart(8)} ${w.at512.toFixed(0).padStart(7)} ` +
        `${w.at1mb.toFixed(0).padStart(7)} ${w.ratio.toFixed(1).padStart(6)} ${(w.at1mb / referenceMs).toFixed(1).padStart(7)}x`,
    );
  }
  return flagged;
}

module.exports = { printHostileShapes, hostileShapes };

if (require.main === module) {
  const flagged = printHostileShapes({ quick: process.argv.includes('--quick') });
  process.exitCode = flagged.length > 0 ? 1 : 0;
}
