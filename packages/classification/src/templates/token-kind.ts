import { WILDCARD } from './masking';

const digit = /\d/g;
const letter = /[a-zA-Z]/g;
const allHex = /^[0-9a-fA-F]+$/;
const lettersRun = /[a-zA-Z]{2}/;

/** A word carries meaning (more letters than digits, not hex, no wildcard): "start", "SOCKS5" and "ssh2" are words,
 * "t761" and "9f4ef63" are variables. */
export function isWord(token: string): boolean {
  // A token with a variable in it is a word when what stays constant holds one (`LOGIN(uid=<*>)`), not when it is decoration.
  if (token.includes(WILDCARD)) {
    const constant = token.replaceAll(WILDCARD, '');
    return lettersRun.test(constant) && isWord(constant);
  }
  const digits = countMatches(token, digit);
  if (digits === 0) return true;
  return !allHex.test(token) && digits < countMatches(token, letter);
}

function countMatches(token: string, pattern: RegExp): number {
  return token.match(pattern)?.length ?? 0;
}

const digitRuns = /\d+/g;

/** True when two different tokens differ only in a value, not in meaning: both give a value to the same key
 * (`name=android,` and `name=com.example,`: the key names a field), or they differ only in their numbers
 * (`storage234` and `storage1412`: numbered instances of one thing). */
export function differOnlyInValue(a: string, b: string): boolean {
  const end = keyEnd(a);
  if (end > 0 && end === keyEnd(b) && a.startsWith(b.slice(0, end))) return true;
  return hasDigit(a) && hasDigit(b) && a.replace(digitRuns, '0') === b.replace(digitRuns, '0');
}

function hasDigit(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

// Offset just past `key=` or `key:` (a key of word characters, dots or dashes, with a value after it), or -1.
function keyEnd(token: string): number {
  for (let i = 0; i < token.length - 1; i++) {
    const c = token.charCodeAt(i);
    if ((c === 61 || c === 58) && i > 0) return i + 1;
    if (!(c === 45 || c === 46 || c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)))
      return -1;
  }
  return -1;
}
