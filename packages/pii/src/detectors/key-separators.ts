import { isBlank, keyRunStart } from './detector';

/**
 * The `key=` / `key: ` / `"key":` pairs of a line, split once and shared by the key/value detectors (`secret_kv`'s key
 * scan and key words, `user`'s key scan): each used to scan the line for its own separators with a lookbehind for its
 * words. Here the line's separators are listed once (cached for the line), and each detector walks its own words
 * backwards from a key's end (a reversed trie, a few table reads a key) to find the pairs its pattern can match.
 */
interface Separators {
  text: string;
  /** Each `:` and `=` of the text, in order. */
  at: number[];
  /** Where the key before each ends: back over blanks, a quote and a backslash (`password \\"=`, `"user" :`). */
  keyEnd: number[];
}

let last: Separators = { text: '', at: [], keyEnd: [] };

function separatorsOf(text: string): Separators {
  if (text === last.text) return last;
  const at: number[] = [];
  const keyEnd: number[] = [];
  // (`indexOf` finds a character faster than a loop reading each one.)
  let colon = text.indexOf(':');
  let equals = text.indexOf('=');
  while (colon !== -1 || equals !== -1) {
    const i = equals === -1 || (colon !== -1 && colon < equals) ? colon : equals;
    at.push(i);
    keyEnd.push(endOfKey(text, i));
    if (i === colon) colon = text.indexOf(':', i + 1);
    else equals = text.indexOf('=', i + 1);
  }
  last = { text, at, keyEnd };
  return last;
}

/** Back from the separator at `at` over `\s*` (non-ASCII counted as blank: more is safe, see nextKeyPair), `["']?`
 * and `\\?`. */
function endOfKey(text: string, at: number): number {
  let end = at;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  const quote = text.charCodeAt(end - 1);
  if (end > 0 && (quote === 34 || quote === 39)) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 92) end--;
  return end;
}

/** Tells whether the text before `end` ends in one of a family's key words, in any ASCII case. */
export type KeyWordTest = (text: string, end: number) => boolean;

// The characters key words are made of, each a column of the trie's table; 0 is any other (the walk stops there).
const columnOf = new Map<number, number>();
for (const c of 'abcdefghijklmnopqrstuvwxyz_-. ñłö') columnOf.set(c.charCodeAt(0), columnOf.size + 1);
const columns = columnOf.size + 1;
for (const [upper, lower] of [
  ['Ñ', 'ñ'],
  ['Ł', 'ł'],
  ['Ö', 'ö'],
]) {
  columnOf.set((upper as string).charCodeAt(0), columnOf.get((lower as string).charCodeAt(0)) as number);
}
for (let code = 65; code <= 90; code++) columnOf.set(code, columnOf.get(code | 32) as number);
const asciiColumn = Uint8Array.from({ length: 128 }, (_, code) => columnOf.get(code) ?? 0);

function column(code: number): number {
  return code < 128 ? (asciiColumn[code] as number) : (columnOf.get(code) ?? 0);
}

/** A test for keys ending in one of `words` (lower case, from the characters above): their letters reversed in a
 * trie whose states are rows of a table, walked back from the key's end. */
export function keyWordsTest(words: readonly string[]): KeyWordTest {
  const rows: number[][] = [new Array<number>(columns).fill(0), new Array<number>(columns).fill(0)];
  const final: boolean[] = [false, false];
  for (const word of words) {
    let state = 1;
    for (let i = word.length - 1; i >= 0; i--) {
      const c = column(word.charCodeAt(i));
      if (c === 0) throw new Error(`pii: key word ${word} has a character the key trie does not hold`);
      const row = rows[state] as number[];
      if (row[c] === 0) {
        row[c] = rows.length;
        rows.push(new Array<number>(columns).fill(0));
        final.push(false);
      }
      state = row[c] as number;
    }
    final[state] = true;
  }
  const next = Int32Array.from(rows.flat());
  const isFinal = Uint8Array.from(final, Number);
  return (text, end) => {
    let state = 1;
    for (let i = end - 1; i >= 0; i--) {
      state = next[state * columns + column(text.charCodeAt(i))] as number;
      if (state === 0) return false;
      if (isFinal[state] === 1) return true;
    }
    return false;
  };
}

/**
 * Every word `stem` may be written as with one of `joiners` (or none) before each of `tails`: `user` with `name` and
 * `_.-` is `user`, `username`, `user_name`, `user.name`, `user-name`.
 */
export function joined(stem: string, tails: readonly string[], joiners: string): string[] {
  return [stem, ...tails.flatMap((tail) => ['', ...joiners].map((joiner) => `${stem}${joiner}${tail}`))];
}

/** The first separator at or after `from` whose key passes `keyWord`, or -1. */
export function keyPairAt(text: string, from: number, keyWord: KeyWordTest): number {
  const { at, keyEnd } = separatorsOf(text);
  // The first separator at or after `from` (binary search: a long line may hold many pairs and many matches).
  let low = 0;
  let high = at.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((at[middle] as number) < from) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < at.length; i++) if (keyWord(text, keyEnd[i] as number)) return at[i] as number;
  return -1;
}

/**
 * Runs a global key/value pattern from the key of the first separator at or after `from` whose key passes `keyWord`,
 * or returns null when there is none. `keyWord` must hold for every match's separator (a match's key ends in one of
 * its words, before `\\?["']?\s*`); no match can start before that separator's key run (`keyRunStart`), so matches
 * come out as a scan from `from` finds them, without reading the text between pairs that cannot match.
 */
export function execAtKeyPair(
  pattern: RegExp,
  text: string,
  from: number,
  keyWord: KeyWordTest,
): RegExpExecArray | null {
  const separator = keyPairAt(text, from, keyWord);
  if (separator === -1) return null;
  pattern.lastIndex = Math.max(from, keyRunStart(text, separator));
  return pattern.exec(text);
}
