/** Word boundaries of one line, reused across lines: a word is a run of letters and digits, split where a lower-case
 * letter meets an upper-case one (`dbPassword` is `db` `password`), so a key's last word reads the same in every
 * naming style. */
export interface LineWords {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** wordHash of each word's folded form, computed while scanning (no string is built). */
  hashes: Int32Array;
}

export function createLineWords(): LineWords {
  return { count: 0, starts: new Int32Array(256), ends: new Int32Array(256), hashes: new Int32Array(256) };
}

/** Longer words (ids, random strings) fold to one symbol. */
const LONG = 14;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

const LONG_HASH = hashString('~long');

/** The hash of a folded word (foldWord's output), as scanWords computes it for each word of a line. */
export function wordHash(folded: string): number {
  return hashString(folded);
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function grow(words: LineWords): void {
  const starts = new Int32Array(words.starts.length * 2);
  const ends = new Int32Array(words.ends.length * 2);
  const hashes = new Int32Array(words.hashes.length * 2);
  starts.set(words.starts);
  ends.set(words.ends);
  hashes.set(words.hashes);
  words.starts = starts;
  words.ends = ends;
  words.hashes = hashes;
}

/** The folded form of one character (foldWord's rule): lower case, every digit as 0. */
function foldChar(c: number): number {
  if (c >= 48 && c <= 57) return 48;
  return c >= 65 && c <= 90 ? c + 32 : c;
}

export function scanWords(text: string, words: LineWords): void {
  let count = 0;
  let start = -1;
  let h = FNV_OFFSET;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const camel = start >= 0 && c >= 65 && c <= 90 && i > start && isLower(text.charCodeAt(i - 1));
    if (isAlnum(c) && !camel) {
      if (start < 0) {
        start = i;
        h = FNV_OFFSET;
      }
      h = Math.imul(h ^ foldChar(c), FNV_PRIME);
      continue;
    }
    if (start >= 0) {
      if (count === words.starts.length) grow(words);
      words.starts[count] = start;
      words.ends[count] = i;
      words.hashes[count] = i - start > LONG ? LONG_HASH : h;
      count++;
    }
    if (isAlnum(c)) {
      start = i;
      h = Math.imul(FNV_OFFSET ^ foldChar(c), FNV_PRIME);
    } else start = -1;
  }
  words.count = count;
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** A context word as a feature: lower-cased, digits folded to 0, long runs (ids, random strings) as one symbol. */
export function foldWord(text: string, start: number, end: number): string {
  if (end - start > LONG) return '~long';
  let out = '';
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) out += '0';
    else if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else out += text[i];
  }
  return out;
}
