// The judging half of bench/pii/leaks.js: where each labeled corpus value turns up in the bytes a process let out,
// and whether the scanner alone would have left it there. No I/O here, so it is unit-tested (test/bench/pii-support.test.ts).
'use strict';

const jsonEscaped = (text) => JSON.stringify(text).slice(1, -1);

/** The spellings a value has in output: as is, inside a JSON string (quotes, backslashes, control characters), and
 * inside a JSON string inside a JSON string (an LLM prompt is JSON sent as a chat message's text). */
function searchForms(value) {
  return [...new Set([value, jsonEscaped(value), jsonEscaped(jsonEscaped(value))])];
}

const wordChar = /[A-Za-z0-9]/;

/**
 * Whether `value` stands in `haystack` as the token it was in its line: where the line had no letter or digit beside
 * it, the output must not either (a uid `1001` inside a timestamp or a hex id is not that uid). `glued` says on which
 * sides the line itself had one (`-pSECRET`).
 */
function occursIn(haystack, value, glued = { before: false, after: false }) {
  const open = (ch) => ch === undefined || !wordChar.test(ch);
  for (const form of searchForms(value)) {
    const checkBefore = !glued.before && wordChar.test(form[0]);
    const checkAfter = !glued.after && wordChar.test(form[form.length - 1]);
    for (let at = haystack.indexOf(form); at >= 0; at = haystack.indexOf(form, at + 1))
      if ((!checkBefore || open(haystack[at - 1])) && (!checkAfter || open(haystack[at + form.length]))) return true;
  }
  return false;
}

/** On which sides a value is glued to a letter or digit where it stands in its line (its first place). */
function gluedIn(text, value) {
  const at = text.indexOf(value);
  return {
    before: at > 0 && wordChar.test(text[at - 1]) && wordChar.test(value[0]),
    after:
      at + value.length < text.length &&
      wordChar.test(text[at + value.length]) &&
      wordChar.test(value[value.length - 1]),
  };
}

/** How a value is named in the printout, which must not itself leak it: its type, first 3 characters and length. */
function masked(span) {
  return `${span.type} ${JSON.stringify(span.value.slice(0, 3))}+${span.value.length - Math.min(3, span.value.length)} (${span.value.length} chars)`;
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
      const glued = gluedIn(line.text, span.value);
      const leakedOn = Object.keys(outputs).filter((path) => occursIn(outputs[path], span.value, glued));
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

module.exports = { searchForms, occursIn, masked, judgeSpans, tallyPaths };
