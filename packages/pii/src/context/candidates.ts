/**
 * Candidate values in a line: runs that can be a user name or a secret. A chunk is a run between whitespace, quotes,
 * brackets and list separators. Inside one, each piece between separators (`=` `:` `@` `\` `/` `&` `?` `%`, an
 * escaped line break) is a candidate (`root` of `root@pam`, `alice` of `CORP\alice`, `u` and `bob` of `&u=bob&`), and
 * so is the whole value after the first `=` or `:` (a secret may hold separators). `part` says how it was cut.
 */
export const parts = ['chunk', 'after=', 'after:', 'piece'] as const;

export type CandidateSink = (start: number, end: number, part: number) => void;

const MIN_LENGTH = 2;
const MAX_LENGTH = 128;

function isDelimiter(c: number): boolean {
  // whitespace, " ' ` ( ) [ ] { } < > , ; |
  return (
    c <= 32 ||
    c === 34 ||
    c === 39 ||
    c === 96 ||
    c === 40 ||
    c === 41 ||
    c === 91 ||
    c === 93 ||
    c === 123 ||
    c === 125 ||
    c === 60 ||
    c === 62 ||
    c === 44 ||
    c === 59 ||
    c === 124
  );
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Length of the separator at i (0: none): `= : @ \ / & ? %`, `%` only when it is no %XX escape, `\n` `\r` `\t` as two. */
function separatorAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c === 61 || c === 58 || c === 64 || c === 47 || c === 38 || c === 63) return 1;
  if (c === 37) return i + 2 < end && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2)) ? 0 : 1;
  if (c === 92) {
    const next = text.charCodeAt(i + 1);
    return i + 1 < end && (next === 110 || next === 114 || next === 116) ? 2 : 1;
  }
  return 0;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Sentence punctuation and a JSON escape's backslash after a value are not part of it. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if (c === 46 || c === 58 || c === 92) end--;
    else break;
  }
  return end;
}

function hasAlnum(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isAlnum(text.charCodeAt(i))) return true;
  return false;
}

/** The candidates of the chunks that overlap [from, to) (all of text by default), in order. */
export function findCandidates(text: string, sink: CandidateSink, from = 0, to = text.length): void {
  let i = from;
  while (i > 0 && !isDelimiter(text.charCodeAt(i - 1))) i--;
  const n = text.length;
  while (i < n && i < to) {
    while (i < n && isDelimiter(text.charCodeAt(i))) i++;
    const start = i;
    while (i < n && !isDelimiter(text.charCodeAt(i))) i++;
    if (i > start) chunkCandidates(text, start, i, sink);
  }
}

/** The ranges already reported for a chunk that a later cut can repeat: the chunk itself and the last piece. */
interface Reported {
  chunkStart: number;
  chunkEnd: number;
  pieceStart: number;
  pieceEnd: number;
}

function emit(text: string, start: number, end: number, part: number, sink: CandidateSink, seen: Reported): void {
  end = trimEnd(text, start, end);
  const length = end - start;
  if (length < MIN_LENGTH || length > MAX_LENGTH) return;
  if ((start === seen.chunkStart && end === seen.chunkEnd) || (start === seen.pieceStart && end === seen.pieceEnd))
    return;
  if (!hasAlnum(text, start, end)) return;
  if (part === 0) {
    seen.chunkStart = start;
    seen.chunkEnd = end;
  } else if (part === 3) {
    seen.pieceStart = start;
    seen.pieceEnd = end;
  }
  sink(start, end, part);
}

function chunkCandidates(text: string, start: number, end: number, sink: CandidateSink): void {
  const seen: Reported = { chunkStart: -1, chunkEnd: -1, pieceStart: -1, pieceEnd: -1 };
  emit(text, start, end, 0, sink, seen);
  let eq = -1;
  let colon = -1;
  let pieceStart = start;
  for (let i = start; i < end;) {
    const length = separatorAt(text, i, end);
    if (length === 0) {
      i++;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 61 && eq < 0) eq = i;
    if (c === 58 && colon < 0) colon = i;
    if (pieceStart > start || i + length < end) emit(text, pieceStart, i, 3, sink, seen);
    i += length;
    pieceStart = i;
  }
  if (pieceStart > start) emit(text, pieceStart, end, 3, sink, seen);
  if (eq > start) emit(text, eq + 1, end, 1, sink, seen);
  if (colon > start) emit(text, colon + 1, end, 2, sink, seen);
}
