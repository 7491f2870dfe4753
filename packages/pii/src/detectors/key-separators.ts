import { asThePassReads, blanks } from '../keyword-scan';
import { isBlank, keyRunStart } from './detector';

/**
 * The `key=` / `key: ` / `"key":` pairs of a line, split once and shared by the key/value detectors (`secret_kv`'s key
 * scan and key words, `user`'s key scan), which each scanned the line for their own separators with a lookbehind for
 * their words. Each detector declares the words its keys end in as a family; the line's separators are listed once
 * (cached for the line), each with the families whose words end its key (one walk back from the key's end through a
 * reversed trie of every family's words), so a detector's pattern runs only from the keys of its pairs.
 */

/** The words of each family, and a test for keys no word describes (a family is bit `1 << index`). */
const families: { words: readonly string[]; alsoWhen?: (text: string, end: number) => boolean }[] = [];

/**
 * A family of key words (lower case; letters, `_-. ` and `ñłö`): keys ending in one of them in any ASCII case, or for
 * which `alsoWhen(text, keyEnd)` holds. Returns the family, for keyPairAt and execAtKeyPair.
 */
export function keyWordFamily(words: readonly string[], alsoWhen?: (text: string, end: number) => boolean): number {
  if (families.length === 31) throw new Error('pii: at most 31 key word families');
  for (const word of words) {
    for (let i = 0; i < word.length; i++)
      if (column(word.charCodeAt(i)) === 0)
        throw new Error(`pii: key word ${word} has a character the key trie does not hold`);
  }
  families.push({ words, alsoWhen });
  return 1 << (families.length - 1);
}

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

/** Every family's words reversed in one trie whose states are rows of a table; each state holds the families of the
 * words that end there. Built when first used after a family was added. */
interface Trie {
  families: number;
  next: Int32Array;
  ending: Int32Array;
  /** The families with an `alsoWhen` test. */
  tested: number;
}

let trie: Trie = { families: -1, next: new Int32Array(0), ending: new Int32Array(0), tested: 0 };

function currentTrie(): Trie {
  if (trie.families === families.length) return trie;
  const rows: number[][] = [new Array<number>(columns).fill(0), new Array<number>(columns).fill(0)];
  const ending = [0, 0];
  let tested = 0;
  families.forEach(({ words, alsoWhen }, family) => {
    if (alsoWhen !== undefined) tested |= 1 << family;
    for (const word of words) {
      let state = 1;
      for (let i = word.length - 1; i >= 0; i--) {
        const row = rows[state] as number[];
        const c = column(word.charCodeAt(i));
        if (row[c] === 0) {
          row[c] = rows.length;
          rows.push(new Array<number>(columns).fill(0));
          ending.push(0);
        }
        state = row[c] as number;
      }
      ending[state] = (ending[state] as number) | (1 << family);
    }
  });
  trie = { families: families.length, next: Int32Array.from(rows.flat()), ending: Int32Array.from(ending), tested };
  lineText = undefined;
  return trie;
}

/** The families whose words end the key that ends at `end`. */
function familiesEnding(text: string, end: number, { next, ending, tested }: Trie): number {
  let found = 0;
  let state = 1;
  for (let i = end - 1; i >= 0; i--) {
    state = next[state * columns + column(text.charCodeAt(i))] as number;
    if (state === 0) break;
    found |= ending[state] as number;
  }
  for (let rest = tested & ~found; rest !== 0; rest &= rest - 1) {
    const family = 31 - Math.clz32(rest & -rest);
    if ((families[family]?.alsoWhen as (text: string, end: number) => boolean)(text, end)) found |= 1 << family;
  }
  return found;
}

// The separators of the last line split whose key ends in some family's word, and those families (the first `pairs`
// of arrays reused from line to line).
let lineText: string | undefined;
const pairAt: number[] = [];
const pairFamilies: number[] = [];
let pairs = 0;

function splitPairs(text: string): void {
  const current = currentTrie();
  if (text === lineText) return;
  lineText = text;
  pairs = 0;
  // (`indexOf` finds a character faster than a loop reading each one.)
  let colon = text.indexOf(':');
  let equals = text.indexOf('=');
  while (colon !== -1 || equals !== -1) {
    const at = equals === -1 || (colon !== -1 && colon < equals) ? colon : equals;
    const found = familiesEnding(text, endOfKey(text, at), current);
    if (found !== 0) {
      pairAt[pairs] = at;
      pairFamilies[pairs] = found;
      pairs++;
    }
    if (at === colon) colon = text.indexOf(':', at + 1);
    else equals = text.indexOf('=', at + 1);
  }
}

/** Back from the separator at `at` over `\s*` (any non-ASCII character counted as a blank: a word then ends further
 * back, which only adds pairs), a `]` (`params[password]=`, `$config['password'] =`), `["']?` and `\\?`: where the
 * key's word must end. */
function endOfKey(text: string, at: number): number {
  let end = at;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 93) end--;
  const quote = text.charCodeAt(end - 1);
  if (end > 0 && (quote === 34 || quote === 39)) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 92) end--;
  return end;
}

/**
 * What the keyword pass sees of a key ending in one of `words` right before its separator (`\\?["']?\]?\s*` then `:`,
 * `=` or `=>`): the word, then a backslash, a quote, `]`, whitespace, `:` or `=`. A key/value part gated on these runs
 * only on lines where one of its keys can stand before a separator, not wherever its word is (`keys`, `pathname`).
 */
export function beforeSeparator(words: readonly string[]): string[] {
  const next = ['\\', '"', "'", ']', ':', '=', ...blanks];
  return words.flatMap((word) => next.map((character) => `${asThePassReads(word)}${character}`));
}

/**
 * Every word `stem` may be written as with one of `joiners` (or none) before each of `tails`: `user` with `name` and
 * `_.-` is `user`, `username`, `user_name`, `user.name`, `user-name`.
 */
export function joined(stem: string, tails: readonly string[], joiners: string): string[] {
  return [stem, ...tails.flatMap((tail) => ['', ...joiners].map((joiner) => `${stem}${joiner}${tail}`))];
}

/** The first separator at or after `from` whose key ends in a word of `family`, or -1. */
export function keyPairAt(text: string, from: number, family: number): number {
  splitPairs(text);
  // (Binary search: a long line may hold many pairs and many matches.)
  let low = 0;
  let high = pairs;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((pairAt[middle] as number) < from) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < pairs; i++) if (((pairFamilies[i] as number) & family) !== 0) return pairAt[i] as number;
  return -1;
}

/**
 * Runs a global key/value pattern from the key of the first separator at or after `from` whose key ends in a word of
 * `family`, or returns null when there is none. Every match of the pattern must have such a separator (its key ends in
 * one of the words, before `\\?["']?\s*`); no match can start before that separator's key run (`keyRunStart`), so
 * matches come out as a scan from `from` finds them, without reading the text between pairs that cannot match.
 */
export function execAtKeyPair(pattern: RegExp, text: string, from: number, family: number): RegExpExecArray | null {
  const separator = keyPairAt(text, from, family);
  if (separator === -1) return null;
  pattern.lastIndex = Math.max(from, keyRunStart(text, separator));
  return pattern.exec(text);
}
