import { candidate, type Candidate } from './detectors/detector';
import type { PiiType } from './pii-type';

/** The types whose value, once found, names the same person or secret wherever else it stands in the text. */
const repeatedTypes: ReadonlySet<PiiType> = new Set<PiiType>([
  'user',
  'secret_kv',
  'token',
  'auth_header',
  'aws_secret_key',
  'url_credentials',
]);

/** Shorter values (`ci`, `app`, `web`) are ordinary words as often as names: measured in the README. */
export const minRepeatLength = 4;

/** Each value found costs a scan of the text: a hostile text holding thousands of names would cost a scan per name. */
const maxValuesPerText = 64;

/**
 * Marks every other whole-token occurrence of a found user name or secret with the same type (`user=hlange ...
 * "user":"hlange"`), where no other match replaces any of it. `resolved` is overlap-free and sorted by start, and so
 * is the result. Case-sensitive; the first 64 distinct values of those types in a text are looked for, each with one scan.
 */
export function addRepeats(text: string, resolved: Candidate[]): Candidate[] {
  let covered: Uint8Array | undefined;
  let added: Candidate[] | undefined;
  let tried: string[] | undefined;
  for (const found of resolved) {
    if (!repeatedTypes.has(found.type) || found.end - found.start < minRepeatLength) continue;
    const value = text.slice(found.start, found.end);
    if (tried?.includes(value)) continue;
    if ((tried ??= []).length >= maxValuesPerText) break;
    tried.push(value);
    // Most texts hold a value once: the scans before and after it settle that before any other work.
    let at = text.indexOf(value);
    if (at === found.start) at = text.indexOf(value, found.end);
    if (at < 0 || !mayRepeat(found.type, value)) continue;
    for (; at >= 0; at = text.indexOf(value, at + 1)) {
      const end = at + value.length;
      if (!isWholeToken(text, at, end)) continue;
      covered ??= coveredBy(text, resolved);
      if (isCovered(covered, at, end)) continue;
      covered.fill(1, at, end);
      (added ??= []).push(candidate(found.type, at, end));
    }
  }
  return added === undefined ? resolved : [...resolved, ...added].sort((a, b) => a.start - b.start);
}

function isCovered(covered: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (covered[i] === 1) return true;
  return false;
}

/** One flag a character: 1 where a match replaces it. */
function coveredBy(text: string, matches: readonly Candidate[]): Uint8Array {
  const covered = new Uint8Array(text.length);
  for (const m of matches) covered.fill(1, m.start, m.end);
  return covered;
}

/** Names of the field itself or of no one, which scanners of login failures record as the name tried (`invalid user
 * user`): spread, they would mark the word wherever the message uses it. */
const fieldWords: ReadonlySet<string> = new Set([
  'user',
  'username',
  'login',
  'name',
  'account',
  'unknown',
  'none',
  'null',
]);

/**
 * A number (a uid, a port, a count) names nothing elsewhere in the text; a secret spreads only with the mix of a
 * generated one (a digit, or both cases): an all-lower-case word in a secret's position is as often a placeholder
 * (`$encrypted$`) or a key name that a rule took for a value.
 */
function mayRepeat(type: PiiType, value: string): boolean {
  if (/^\d+$/.test(value) || fieldWords.has(value.toLowerCase())) return false;
  // (Three tests, not `[a-z].*[A-Z]`: that one reads to the end from every lower-case letter of a long value.)
  return type !== 'secret_kv' || /\d/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value));
}

/**
 * A token of its own: not inside a longer word, a dotted or dashed name (`kafka.connect.runtime`, `mirror-2`), a host
 * after `@`, a `~name` or a path (`/data/NAME/`, `C:\\Users\\NAME`: a path segment is a directory, which `home_dir`
 * covers where it names a home), and not a key, a program's tag or a `name:secret` pair the rules read (`NAME:`,
 * `NAME[pid]`, `(NAME:auth)`). A full stop or `@host` after the value still ends it.
 */
function isWholeToken(text: string, start: number, end: number): boolean {
  if (start > 0 && !canPrecede(text.charCodeAt(start - 1)) && !afterEscape(text, start)) return false;
  if (end >= text.length) return true;
  const after = text.charCodeAt(end);
  const next = text.charCodeAt(end + 1);
  if (after === 92 && (next === 34 || next === 39)) return true; // an escaped quote: `\"NAME\"`
  if (isWordCharacter(after) || after === 47 || after === 92) return false; // `/`, `\`
  if ((after === 46 || after === 45) && isWordCharacter(next)) return false; // `.`, `-`
  return after !== 58 && after !== 91; // `:`, `[`
}

/** Right after an escaped line break or tab (`\nNAME` in JSON-escaped text). */
function afterEscape(text: string, start: number): boolean {
  const code = text.charCodeAt(start - 1);
  return start > 1 && text.charCodeAt(start - 2) === 92 && (code === 110 || code === 114 || code === 116);
}

/** Not a word character, `.`, `-`, `@`, `~`, `/` or `\`. */
function canPrecede(code: number): boolean {
  return !(
    isWordCharacter(code) ||
    code === 46 ||
    code === 45 ||
    code === 64 ||
    code === 126 ||
    code === 47 ||
    code === 92
  );
}

function isWordCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code >= 128
  );
}
