#!/usr/bin/env node
// Hostile input lines: does any line make redact() superlinear? The shapes are built from the package's own keyword
// lists (every word a keyword-led detector is gated on, and the separators those words carry), not from a hand list:
// each word repeated as `KEY=`, `KEY=v;`, `KEY: "`, `<KEY>`, `--KEY `, `KEY=v&`, `KEY=;Key=` (two spellings mixed),
// `KEY=;NEXT=` (two words mixed), after `Cookie:`, nested as a JSON key, and as the key of one very long value; each
// separator after a word; and shapes an attacker sends whatever the words are (runs of one character, long tokens and
// base64 without separators, nested JSON and XML, `@`/`.` around email-like text, URL queries of thousands of
// parameters, runs of `%XX` and backslash escapes).
// Every shape is first timed once at 16 KB and at 64 KB; only a shape that grows suspiciously between the two (more
// than 6x for 4x the size) or would cost more than the budget at 1 MB if it went on growing so is timed again at 64 KB
// and at 128 KB up to 1 MB (a step over 500 ms is not followed by a larger one: the rest is estimated at the growth
// measured). A shape is flagged when its 512 KB / 64 KB ratio is over 12 (linear is 8) or it costs more than 250 ms per
// MB. Times are the CPU time of the process that redacts (the best of two past the screen), so other work on a shared
// machine counts little; shapes run in child processes (--jobs, 2 by default), and a shape still running after
// --shape-budget-s seconds of CPU (60) is stopped and flagged, not waited for.
// The reference is a plain email regex replace over the same 1 MB line, timed in the same run.
// Needs `pnpm turbo run build --filter @obs/pii`.
//   node bench/pii/hostile.js [--quick] [--only REGEX] [--jobs N] [--shape-budget-s S] [--json FILE]
//     --quick: every 8th generated shape and all the fixed ones; --only: the shapes whose name matches REGEX;
//     --json: every shape's times, for comparing two runs.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { fork } = require('node:child_process');
const { cpuMs } = require('./support');

const budgetMsPerMb = 250;
const superlinearRatio = 12;
// 4x the size: linear work grows 4x, quadratic 16x; a shape over this (or over the budget) is timed at larger sizes.
const suspiciousScreenRatio = 6;
// A step over this is not followed by a larger one (its time is extrapolated): a quadratic 1 MB line can take minutes.
const longestStepMs = 500;
const kb = 1024;

/** Every word a keyword-led detector (or a part of one) is gated on, as the key a user would write: the characters a
 * word carries around it for its look-behind or separator are cut off, and kept apart as separators. */
function keyWordsAndSeparators() {
  // The keyword lists are internal: read from the build by path (the package exports only its API).
  const { detectorFactories } = require(path.join(__dirname, '../../packages/pii/dist/detectors/registry'));
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

// 64 base64 characters with no padding and no separator (a fixed, varied run: a long token, a key, a blob).
const base64Run = 'QmFzZTY0IHdpdGhvdXQgcGFkZGluZyBhbmQgbm8gc2VwYXJhdG9yczogYSBsb25n';

/** Shapes whatever the key words: what an attacker sends to any parser of text. */
function genericShapes() {
  const shape = (name, unit, more = {}) => ({ name, unit, ...more });
  const punctuation = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ \t'];
  return [
    // Runs of one character: every separator a rule may start or stop on, repeated.
    ...punctuation.map((c) => shape(`${JSON.stringify(c)} run`, c)),
    // Long tokens with no separator.
    shape('a run', 'a'),
    shape('mixed-case token', 'aB3xY9'),
    shape('hex run', '0123456789abcdef'),
    shape('digit run', '7'),
    shape('base64 without padding', base64Run),
    shape('base64 after Authorization: Basic', base64Run, { prefix: 'Authorization: Basic ' }),
    shape('base64 after Bearer', base64Run, { prefix: 'Authorization: Bearer ' }),
    shape('base64 after token=', base64Run, { prefix: 'token=' }),
    // `@` and `.` around email-like text.
    ...['@.', '.@', 'a@', '@a', 'a.@b.', '@a.b', 'a@b.c@', 'a.b@', '.a', 'a@b.co ', 'a@b.co,', '@@a.', 'a..@b'].map(
      (unit) => shape(`${unit} email-like run`, unit),
    ),
    // URL query strings with thousands of parameters.
    ...['a=b&', 'q=a%40b.co&', 'email=a@b.co&', 'token=abc123&', 'user=u&password=p&', '&', 'a&'].map((unit) =>
      shape(`URL query of ${unit}`, unit, { prefix: 'GET https://example.com/search?' }),
    ),
    // Runs of %XX and backslash escapes.
    ...['%41', '%40', '%2540', '%3D', 'a%40', '%40a.b', '%0A', '%', '\\x40', '\\u0040', '\\n', '\\"', '\\\\'].map(
      (unit) => shape(`${unit} escape run`, unit),
    ),
    // Deeply nested JSON and XML, also as JSON text inside a string.
    shape('nested JSON objects', '{"a":', { closer: '}', middle: '1' }),
    shape('nested JSON arrays', '[', { closer: ']', middle: '1' }),
    shape('nested JSON text in a string', '{\\"a\\":', { prefix: '{"msg":"', closer: '}', middle: '1', suffix: '"}' }),
    shape('nested XML elements', '<a>', { closer: '</a>', middle: 'x' }),
    shape('unclosed JSON objects', '{"a":'),
    shape('unclosed JSON strings', '{"a":"'),
  ];
}

/** The repeated units, one list per key word plus the separators, the generic shapes and the fixed shapes of earlier
 * rounds (the first `fixedShapeCount` run in --quick too). */
function hostileShapes() {
  const { words, separators } = keyWordsAndSeparators();
  const shapes = [
    { name: 'password=" repeated', unit: 'password="' },
    { name: 'http://a:b@ repeated', unit: 'http://a:b@' },
    { name: 'set-cookie: repeated', unit: 'set-cookie:' },
    { name: 'Cookie: then sid=b;', unit: 'sid=b;', prefix: 'Cookie: ' },
    { name: 'digits and spaces', unit: '1 ' },
    { name: 'a@b. repeated', unit: 'a@b.' },
    // The shapes a reviewer found in round 6 (one check per match re-read the line), in general form.
    { name: 'a JSON object of many "value" fields', unit: '"value":"x",', prefix: '{', suffix: '"name":"y"}' },
    { name: 'a CSV table of many rows', unit: 'ann,analyst,ops\n', prefix: 'name,title,dept\n' },
    { name: 'user,b,c rows', unit: 'user,b,c\n' },
    { name: 'password then password-shaped tokens', unit: 'Ab1!cdefg ', prefix: 'password ' },
    { name: 'token=tok_ repeated', unit: 'token=tok_1a2b3c4d5e6f7g8h ' },
    { name: 'token tok_ repeated', unit: 'token tok_1a2b3c4d5e6f7g8h ' },
    { name: 'otp sent then code= repeated', unit: 'code=123456 ', prefix: 'otp sent ' },
    ...genericShapes(),
  ];
  const fixedShapeCount = shapes.length;
  words.forEach((word, i) => {
    const next = words[(i + 1) % words.length];
    const unitShapes = [
      `${word}=`,
      `${word}=v;`,
      `${word}: "`,
      `<${word}>`,
      `--${word} `,
      `${word}=v&`,
      `${word}=;${capitalized(word)}=`,
      `${word}=;${next}=`,
    ];
    shapes.push(
      ...unitShapes.map((unit) => ({ name: unit, unit })),
      { name: `Cookie: then ${word}=v;`, unit: `${word}=v;`, prefix: 'Cookie: ' },
      { name: `{"${word}": nested`, unit: `{"${word}":`, closer: '}', middle: '"v"' },
      { name: `${word}= then a long token`, unit: base64Run, prefix: `${word}=` },
    );
  });
  for (const separator of separators)
    shapes.push(
      { name: `a${separator}`, unit: `a${separator}` },
      { name: `user${separator}`, unit: `user${separator}` },
    );
  return { shapes, fixedShapeCount };
}

/** The shape's line of about `bytes` characters: prefix, the unit n times, middle, the closer n times, suffix. */
function lineOf({ unit, prefix = '', closer = '', middle = '', suffix = '' }, bytes) {
  const n = Math.max(
    1,
    Math.ceil((bytes - prefix.length - middle.length - suffix.length) / (unit.length + closer.length)),
  );
  return prefix + unit.repeat(n) + middle + closer.repeat(n) + suffix;
}

/** In a child: time one shape, screen first and larger sizes only when the screen is suspicious. `stage` reports the
 * size being run, so a parent that stops a shape over its budget can say where it was. */
function measureShape(redactor, shape, stage) {
  const at = (bytes, rounds) => {
    stage(bytes);
    const line = lineOf(shape, bytes);
    let best = Infinity;
    for (let r = 0; r < rounds; r++)
      best = Math.min(
        best,
        cpuMs(() => redactor.redact(line)),
      );
    return best;
  };
  const small = at(16 * kb, 1);
  const screened64 = at(64 * kb, 1);
  const screenRatio = screened64 / Math.max(small, 0.05);
  // 64 KB to 1 MB is two more steps of 4x: at the growth measured, or 4x a step if less.
  const estimated1mb = screened64 * Math.max(4, screenRatio) ** 2;
  const suspicious = screenRatio > suspiciousScreenRatio || estimated1mb > budgetMsPerMb;
  if (!suspicious) return { small, at64: screened64, screenRatio, escalated: false };
  const at64 = Math.min(screened64, at(64 * kb, 1));
  // Doubling from 64 KB to 1 MB; once a step takes over longestStepMs, the rest grow at the last doubling's rate.
  const times = { [64 * kb]: at64 };
  let estimatedFrom;
  let growth = Math.max(2, Math.sqrt(screenRatio));
  for (const bytes of [128 * kb, 256 * kb, 512 * kb, 1024 * kb]) {
    const previous = times[bytes / 2];
    if (previous > longestStepMs) {
      times[bytes] = previous * growth;
      estimatedFrom ??= bytes / 2;
    } else {
      times[bytes] = at(bytes, previous > 100 ? 1 : 2);
      growth = Math.max(2, times[bytes] / Math.max(previous, 0.05));
    }
  }
  return {
    small,
    at64,
    screenRatio,
    escalated: true,
    at512: times[512 * kb],
    at1mb: times[1024 * kb],
    estimatedFrom,
  };
}

function runChild() {
  const { createRedactor } = require('@obs/pii');
  const redactor = createRedactor({ hashKey: 'bench-key' });
  // Warm the patterns up, so the first shapes are not charged for compiling them.
  for (let i = 0; i < 3; i++) redactor.redact(lineOf({ unit: 'user=alice@example.com password=x1 ' }, 64 * kb));
  // The parent sends each shape itself: a child building every shape again would make every detector again.
  process.on('message', ({ index, shape }) => {
    const result = measureShape(redactor, shape, (bytes) => process.send({ index, stage: bytes }));
    process.send({ index, result });
  });
  process.send({ ready: true });
}

/** CPU milliseconds a child process has used (Linux's /proc; elsewhere undefined, and the budget is on wall time). */
function childCpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, in clock ticks of 10 ms (fields 14 and 15 of stat, 12 and 13 after the command's name).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Runs the chosen shapes (`indices` of `shapes`) in `jobs` child processes; resolves with one result per shape index. A shape's budget is the
 * CPU time its child spends on it (on a shared machine its wall time may be many times more), with ten times as much
 * wall time as a last resort. */
function measureAll(shapes, indices, { jobs, shapeBudgetMs, progress }) {
  return new Promise((resolve) => {
    const results = new Map();
    const queue = [...indices];
    let running = 0;
    const startChild = () => {
      if (queue.length === 0) return;
      running++;
      const child = fork(__filename, ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      let current;
      let stageBytes;
      let timer;
      const next = () => {
        clearTimeout(timer);
        current = queue.shift();
        if (current === undefined) {
          child.disconnect();
          return;
        }
        stageBytes = undefined;
        const cpuAtStart = childCpuMs(child.pid);
        const wallAtStart = Date.now();
        const stop = () => {
          results.set(current, { timedOut: true, stageBytes });
          progress(results.size);
          current = undefined;
          child.kill('SIGKILL');
        };
        const check = () => {
          const cpu = childCpuMs(child.pid);
          const spent = cpu === undefined || cpuAtStart === undefined ? Date.now() - wallAtStart : cpu - cpuAtStart;
          if (spent > shapeBudgetMs || Date.now() - wallAtStart > 10 * shapeBudgetMs) stop();
          else timer = setTimeout(check, 1000);
        };
        timer = setTimeout(check, 1000);
        child.send({ index: current, shape: shapes[current] });
      };
      child.on('message', (message) => {
        if (message.ready) next();
        else if (message.index !== current) return;
        else if (message.stage !== undefined) stageBytes = message.stage;
        else {
          results.set(current, message.result);
          progress(results.size);
          next();
        }
      });
      child.on('exit', () => {
        clearTimeout(timer);
        running--;
        // A stopped shape (or a child that died on one) leaves the rest of the queue to a new child.
        if (current !== undefined && !results.has(current)) results.set(current, { timedOut: true, stageBytes });
        if (queue.length > 0) startChild();
        else if (running === 0) resolve(results);
      });
    };
    for (let j = 0; j < Math.min(jobs, queue.length); j++) startChild();
    if (queue.length === 0) resolve(results);
  });
}

function argument(name, fallback) {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
}

/** Prints the run's summary and returns the flagged shapes. */
async function printHostileShapes({
  quick = false,
  only,
  jobs = 2,
  shapeBudgetMs = 60_000,
  jsonPath,
  log = console.log,
} = {}) {
  const { shapes, fixedShapeCount } = hostileShapes();
  const onlyPattern = only === undefined ? undefined : new RegExp(only);
  const indices = shapes
    .map((_, i) => i)
    .filter((i) => !quick || i < fixedShapeCount || i % 8 === 0)
    .filter((i) => onlyPattern === undefined || onlyPattern.test(shapes[i].name));
  const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
  const reference = lineOf({ unit: 'user=alice@example.com; ' }, 1024 * kb);
  const referenceMs = Math.min(...[1, 2, 3].map(() => cpuMs(() => reference.replace(email, '<EMAIL>'))));
  const started = Date.now();
  const results = await measureAll(shapes, indices, {
    jobs,
    shapeBudgetMs,
    progress: (done) => {
      if (done % 1000 === 0) process.stderr.write(`hostile: ${done} of ${indices.length} shapes\n`);
    },
  });
  const rows = indices.map((i) => ({ name: shapes[i].name, ...results.get(i) }));
  for (const row of rows) {
    if (row.escalated) {
      row.ratio = row.at512 / Math.max(row.at64, 0.05);
      row.perMb = row.at1mb;
    }
  }
  const timedOut = rows.filter((r) => r.timedOut);
  const escalated = rows.filter((r) => r.escalated).sort((a, b) => b.perMb - a.perMb);
  const flagged = [...timedOut, ...escalated.filter((r) => r.ratio > superlinearRatio || r.perMb > budgetMsPerMb)];
  if (jsonPath !== undefined) fs.writeFileSync(jsonPath, JSON.stringify({ referenceMs, rows }, null, 1));
  log(
    `\nhostile lines: ${indices.length} of ${shapes.length} shapes (key words, separators, generic shapes), ` +
      `screened at 16 KB and 64 KB with ${jobs} processes in ${((Date.now() - started) / 1000).toFixed(0)} s; ` +
      `${escalated.length} suspicious (64K/16K > ${suspiciousScreenRatio}, or over ${budgetMsPerMb} ms/MB at 1 MB at that growth) ` +
      `timed up to 1 MB; ` +
      `${timedOut.length} stopped after ${shapeBudgetMs / 1000} s of CPU`,
  );
  log(`reference: a plain email regex replace over 1 MB: ${referenceMs.toFixed(1)} ms CPU (same run)`);
  log(
    `flagged (512K/64K ratio > ${superlinearRatio}, > ${budgetMsPerMb} ms/MB, or stopped): ${flagged.length}` +
      (flagged.length > 0 ? `: ${flagged.map((f) => JSON.stringify(f.name)).join(', ')}` : ''),
  );
  for (const t of timedOut)
    log(
      `  stopped: ${JSON.stringify(t.name)} still running at ${t.stageBytes === undefined ? '?' : t.stageBytes / kb} KB`,
    );
  log(
    'slowest 15 shapes: CPU ms at 16 KB, 64 KB, 512 KB, 1 MB, ratio 512K/64K, x the email reference at 1 MB ' +
      `(~: estimated at the growth measured, a step over ${longestStepMs} ms is not followed by a larger one)`,
  );
  const slowest =
    escalated.length > 0 ? escalated : [...rows].filter((r) => !r.timedOut).sort((a, b) => b.at64 - a.at64);
  for (const w of slowest.slice(0, 15)) {
    const mark = (bytes) => (w.estimatedFrom !== undefined && bytes > w.estimatedFrom ? '~' : ' ');
    const cell = (value, width) => (value === undefined ? '-' : value.toFixed(value < 100 ? 1 : 0)).padStart(width);
    log(
      `${JSON.stringify(w.name).slice(0, 40).padEnd(40)} ${cell(w.small, 7)} ${cell(w.at64, 7)} ${mark(512 * kb)}${cell(w.at512, 7)} ` +
        `${mark(1024 * kb)}${cell(w.at1mb, 7)} ${cell(w.ratio, 6)} ${w.at1mb === undefined ? '' : `${(w.at1mb / referenceMs).toFixed(1).padStart(7)}x`}`,
    );
  }
  return flagged;
}

module.exports = { printHostileShapes };

if (require.main === module) {
  if (process.argv.includes('--child')) runChild();
  else
    printHostileShapes({
      quick: process.argv.includes('--quick'),
      only: argument('--only'),
      jobs: Number(argument('--jobs', '2')),
      shapeBudgetMs: Number(argument('--shape-budget-s', '60')) * 1000,
      jsonPath: argument('--json'),
    }).then((flagged) => {
      process.exitCode = flagged.length > 0 ? 1 : 0;
    });
}
