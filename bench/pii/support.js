// The judging half of bench/pii/leaks.js: where each labeled corpus value turns up in the bytes a process let out,
// and whether the scanner alone would have left it there (no I/O, unit-tested: test/bench/pii-support.test.ts); and
// what the pii bench scripts share: the corpus parts' lines, a JSON object line's record, a function's CPU time.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** The corpus parts beside this file (the tuning corpus, the generated lines, every blind part), as paths, in order. */
function corpusFiles() {
  return fs
    .readdirSync(__dirname)
    .filter((f) => /^corpus.*\.jsonl$/.test(f))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((f) => path.join(__dirname, f));
}

/** Each labeled line of the given corpus files (all of them by default): its part (the file's name), text and spans. */
function corpusLines(files = corpusFiles()) {
  const { parseCorpus } = require('@obs/pii/testing');
  return files.flatMap((file) =>
    parseCorpus(fs.readFileSync(file, 'utf8'), file).map((l) => ({
      part: path.basename(file),
      text: l.text,
      spans: l.spans,
    })),
  );
}

/** The record a line holds when it is one JSON object, else undefined. */
function jsonObject(text) {
  if (!text.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** CPU milliseconds of this process while `run` runs (GC threads included: their work is the run's work too). */
function cpuMs(run) {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const jsonEscaped = (text) => JSON.stringify(text).slice(1, -1);

/** The spellings a value has in output: as is, inside a JSON string (quotes, backslashes, control characters), and
 * inside a JSON string inside a JSON string (an LLM prompt is JSON sent as a chat message's text). */
function searchForms(value) {
  return [...new Set([value, jsonEscaped(value), jsonEscaped(jsonEscaped(value))])];
}

const wordChar = /[A-Za-z0-9]/;

/**
 * Where `value` stands in `haystack` as the token it was in its line (`beside`: the characters next to it there):
 * where the line had no letter or digit beside it, the output must not either (a uid `1001` inside a timestamp or a
 * hex id is not that uid), and a number must keep one of its neighbours (`=1204`, `1204(`: a duration of 1204 ms is not
 * that uid). Returns each place and the spelling found there.
 */
function placesOf(haystack, value, beside = {}) {
  const open = (ch) => ch === undefined || !wordChar.test(ch);
  const glued = (ch, edge) => ch !== undefined && wordChar.test(ch) && wordChar.test(edge);
  const number = /^\d+$/.test(value);
  const places = [];
  for (const form of searchForms(value)) {
    const checkBefore = !glued(beside.before, value[0]) && wordChar.test(form[0]);
    const checkAfter = !glued(beside.after, value[value.length - 1]) && wordChar.test(form[form.length - 1]);
    for (let at = haystack.indexOf(form); at >= 0; at = haystack.indexOf(form, at + 1)) {
      const before = haystack[at - 1];
      const after = haystack[at + form.length];
      if (checkBefore && !open(before)) continue;
      if (checkAfter && !open(after)) continue;
      if (number && before !== beside.before && after !== beside.after) continue;
      places.push({ at, form });
    }
  }
  return places;
}

function occursIn(haystack, value, beside) {
  return placesOf(haystack, value, beside).length > 0;
}

/** The characters next to a value where it first stands in its line. */
function besideIn(text, value) {
  const at = text.indexOf(value);
  return { before: text[at - 1], after: text[at + value.length] };
}

/**
 * How a value is named in the printout, which must not itself leak it (and the printout may go to a file): a value
 * under 12 characters by its type and length only (a PIN's first 3 characters are most of it); a longer one by its
 * type, its first 3 characters and its length.
 */
function masked(span) {
  const n = span.value.length;
  if (n < 12) return `${span.type} (${n} chars)`;
  return `${span.type} ${JSON.stringify(span.value.slice(0, 3))}+${n - 3} (${n} chars)`;
}

/**
 * Every labeled span of `lines`, judged against the in-process redaction (`redacted[i]` is line i redacted by the
 * package) and the output of each path (`outputs`: path name -> all its bytes as one string). A span is
 *   missed: its value is still in its own line's redacted text (the scanner leaves it; the path cannot do better);
 *   background: not missed, but another line's redacted text still holds the same value (a hit says nothing of this span);
 * and per path, `leakedOn` lists the paths whose output holds it as the token it was in its line (occursIn). A path leak that is neither missed nor background
 * is the path's own: something besides the redacted line went out (an id, a key, a log line, a split value).
 */
function judgeSpans(lines, redacted, outputs) {
  const everyRedacted = redacted.join('\n');
  return lines.flatMap((line, i) =>
    line.spans.map((span) => {
      const missed = redacted[i].includes(span.value);
      const background = !missed && everyRedacted.includes(span.value);
      const beside = besideIn(line.text, span.value);
      const leakedOn = Object.keys(outputs).filter((path) => occursIn(outputs[path], span.value, beside));
      return { line: i, type: span.type, value: span.value, missed, background, leakedOn };
    }),
  );
}

/** Per path: how many spans leaked, of which the scanner misses, background hits, and the path's own (with the spans). */
function tallyPaths(judged, paths) {
  return Object.fromEntries(
    paths.map((path) => {
      const leaked = judged.filter((s) => s.leakedOn.includes(path));
      const own = leaked.filter((s) => !s.missed && !s.background);
      return [
        path,
        {
          leaked: leaked.length,
          missed: leaked.filter((s) => s.missed).length,
          background: leaked.filter((s) => s.background).length,
          own,
        },
      ];
    }),
  );
}

/** Prometheus text without its sample values: a number the process counted is not client data, only names and labels can be. */
function metricNamesAndLabels(text) {
  return text.replace(/ [^ \n]+$/gm, '');
}

module.exports = {
  corpusFiles,
  corpusLines,
  jsonObject,
  cpuMs,
  metricNamesAndLabels,
  placesOf,
  besideIn,
  searchForms,
  occursIn,
  masked,
  judgeSpans,
  tallyPaths,
};
