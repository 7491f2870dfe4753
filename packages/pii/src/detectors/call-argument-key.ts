import { candidate, keepAsIs, type Candidate, type Detector } from './detector';
import { generatedKey, type GeneratedKeyOptions } from './generated-key';

/**
 * A generated key passed as a string literal to a call, as client libraries take their credentials, whatever the
 * vendor: `twilio('AC…', 'c3a2d62c…')`, `Client('https://search.example', 'aQ8vX2pZ…')`, `getToken("acct", "a25c…")`,
 * `auth=("pYqzCAUs…", "x")`. Code quoted in a log (a stack trace, a debug print, a config loaded as code) shows such
 * calls. Only a value no person types: hex of 32+ or 24+ characters mixing small letters, capitals and digits at 4+
 * bits a character; never the argument of a call that hashes, compares or checks (`sha256('…')`, `assertEqual`).
 */
const quotedArgument =
  /(?<=[(,][ \t]*)(["'])([0-9a-f]{32,128}|[0-9A-F]{32,128}|[A-Za-z0-9][\w+/=.-]{22,198}[A-Za-z0-9=])\1(?=[ \t]*[,)])/g;
const hashingCall =
  /hash|digest|sha\d*|md5|crc|checksum|hmac|sign|verify|assert|expect|equal|compare|match|test|parse|decode|encode|hex|commit|checkout|revision|uuid|id$/i;

// A literal in a call is often something else (a name, a URL: `://`): 4+ bits a character. (Every candidate is 24+
// characters, so a hex one is always long enough.)
const callKey: GeneratedKeyOptions = { minEntropy: 4, notGenerated: /:\/\// };

/** The name of the call (or `name=` of the tuple) whose bracket, at most 200 characters back and not closed, holds the
 * literal at `at` ('' for a bare bracket), or undefined when no bracket is open. Read back by character code: a
 * pattern anchored at the literal and tried from each earlier position read a line of n literals n^2/2 times. */
function callName(text: string, at: number): string | undefined {
  const floor = Math.max(0, at - 200);
  let open = at - 1;
  while (open >= floor && text[open] !== '(') {
    if (text[open] === ')' || text[open] === '\n') return undefined;
    open--;
  }
  if (open < floor) return undefined;
  let end = open;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t' || text[end - 1] === '=')) end--;
  let start = end;
  while (start > 0 && /[\w$.]/.test(text[start - 1] as string)) start--;
  return text.slice(start, end);
}

export function createCallArgumentKeyDetector(): Detector {
  return {
    type: 'secret_kv',
    // (A literal in a call: a bracket and a quote before it.)
    keywordGroups: [["('", '("', ", '", ', "', ",'", ',"']],
    mayMatch: (text) => /[(,][ \t]*["']/.test(text),
    find(text: string, out: Candidate[]): void {
      quotedArgument.lastIndex = 0;
      for (let m = quotedArgument.exec(text); m !== null; m = quotedArgument.exec(text)) {
        const value = m[2] as string;
        if (!generatedKey(value, callKey)) continue;
        const call = callName(text, m.index);
        if (call === undefined || hashingCall.test(call)) continue;
        out.push(candidate('secret_kv', m.index + 1, m.index + 1 + value.length));
      }
    },
    normalize: keepAsIs,
  };
}
