import { entropyPerChar } from '../checksums/entropy';
import { candidate, keepAsIs, type Candidate, type Detector } from './detector';
import { isPlaceholderValue } from './secret-kv';

/**
 * A password given last, quoted, after a name: the end of a line or of a list in many programs' credential files,
 * configs and messages (pgbouncer's `"user" "PASS"`, davfs2's `URL user "PASS"`, OpenWrt's `option key 'PASS'`,
 * FreeRADIUS' `Cleartext-Password := "PASS"`, `community changed from "public" to "PASS"`). With no word to say so, only
 * a strong password's shape counts: capitals, small letters, a digit, and a symbol names rarely hold or a digit inside
 * letters, 8-64 characters, random enough, and not a version, a file or host name, a path, a URL or a `key=value` pair.
 */

// A quoted literal after a blank or a comma, then the end of the line (or of a list, then the line).
const lastLiteral = /[\s,](["'])([^"'\s/:\\]{8,64})\1[ \t]*\]?[ \t]*$/;

function strongPassword(value: string): boolean {
  return (
    /[A-Z]/.test(value) &&
    /[a-z]/.test(value) &&
    /\d/.test(value) &&
    // A symbol names use rarely, or a digit inside letters (`Pr1nt`): `Web-Server-01` and `Q4-Reports_2024` are names.
    /[!#$%&*+=?@^~]|[A-Za-z]\d+[A-Za-z]/.test(value) &&
    // (Nor a record of `|`-separated fields: SIP2's `9300CN…|CO…|CP…`.)
    !/^\$|^[\w.-]+=|\d\.\d|\.[A-Za-z]{2,5}$|\|.*\|/.test(value) &&
    entropyPerChar(value) >= 3 &&
    !isPlaceholderValue(value)
  );
}

/** True when the character before `end` can close such a literal (a quote, or `]` after one). */
function mayEnd(text: string, end: number): boolean {
  let at = end;
  while (at > 0 && (text.charCodeAt(at - 1) === 32 || text.charCodeAt(at - 1) === 9)) at--;
  const last = text.charCodeAt(at - 1);
  return last === 34 || last === 39 || last === 93;
}

export function createSecretLineEndDetector(): Detector {
  function findAt(text: string, lineStart: number, lineEnd: number, out: Candidate[]): void {
    if (!mayEnd(text, lineEnd)) return;
    // (The literal and what closes it fit in the line's last 80 characters: a long line is not scanned whole.)
    const from = Math.max(lineStart, lineEnd - 80);
    const m = lastLiteral.exec(text.slice(from, lineEnd));
    if (m === null || !strongPassword(m[2] as string)) return;
    const start = from + m.index + 2;
    out.push(candidate('secret_kv', start, start + (m[2] as string).length));
  }
  return {
    type: 'secret_kv',
    // Only a text with a quote (the keyword pass, which every line takes anyway), then only where a line ends in one.
    keywordGroups: [['"', "'"]],
    mayMatch: (text) => mayEnd(text, text.length) || text.includes('\n'),
    find(text: string, out: Candidate[]): void {
      let lineStart = 0;
      for (let br = text.indexOf('\n'); br !== -1; br = text.indexOf('\n', lineStart)) {
        findAt(text, lineStart, br > 0 && text.charCodeAt(br - 1) === 13 ? br - 1 : br, out);
        lineStart = br + 1;
      }
      findAt(text, lineStart, text.length, out);
    },
    normalize: keepAsIs,
  };
}
