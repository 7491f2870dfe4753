import { parts } from './candidates';
import { wordsAround } from './gate';
import { shapeFeatures } from './shape';
import { foldWord, type LineWords } from './words';

/** What the features of one line need: its words, and the vocabulary of common non-PII words. */
export interface FeatureContext {
  text: string;
  words: LineWords;
  vocabulary: ReadonlySet<string>;
  counts: Int32Array;
}

const CONTEXT_WORDS = 3;

/** The punctuation between a word and the candidate, spaces folded to one, at most 4 characters (the nearest). */
function gap(text: string, from: number, to: number, nearEnd: boolean): string {
  let out = '';
  let space = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32) {
      space = true;
      continue;
    }
    if (space && out.length > 0) out += ' ';
    else if (space && out.length === 0 && !nearEnd) out += ' ';
    space = false;
    out += text[i];
  }
  if (space) out += ' ';
  if (out.length > 4) out = nearEnd ? out.slice(-4) : out.slice(0, 4);
  return out === '' ? '_' : out;
}

/**
 * The features of the candidate [start, end): the words around it, the punctuation that separates it from them (which
 * says whether it is a key's value, a flag's argument, a bracketed field), how it was cut from its chunk, its shape,
 * and the candidate itself only when it is a common word (so the model learns "an ordinary word", never a name).
 */
export function candidateFeatures(
  context: FeatureContext,
  start: number,
  end: number,
  part: number,
  out: (feature: string) => void,
): void {
  const { text, words } = context;
  out('bias');
  const { before, after: firstAfter } = wordsAround(words, start, end);

  const prev: string[] = [];
  for (let k = 0; k < CONTEXT_WORDS && before - k >= 0; k++) {
    const w = before - k;
    prev.push(foldWord(text, words.starts[w] ?? 0, words.ends[w] ?? 0));
  }
  const next: string[] = [];
  for (let k = 0; k < CONTEXT_WORDS && firstAfter + k < words.count; k++) {
    const w = firstAfter + k;
    next.push(foldWord(text, words.starts[w] ?? 0, words.ends[w] ?? 0));
  }
  const gapBefore = gap(text, before >= 0 ? (words.ends[before] ?? 0) : 0, start, true);
  const gapAfter = gap(text, end, firstAfter < words.count ? (words.starts[firstAfter] ?? 0) : text.length, false);
  const p1 = prev[0] ?? '^';
  const n1 = next[0] ?? '$';
  prev.forEach((w, k) => {
    out(`p${k + 1}:${w}`);
    out(`pb:${w}`);
  });
  next.forEach((w, k) => {
    out(`n${k + 1}:${w}`);
    out(`nb:${w}`);
  });
  if (prev.length === 0) out('p1:^');
  if (next.length === 0) out('n1:$');
  out(`p12:${prev[1] ?? '^'} ${p1}`);
  out(`gb:${gapBefore}`);
  out(`ga:${gapAfter}`);
  out(`gba:${gapBefore}|${gapAfter}`);
  out(`p1gb:${p1}${gapBefore}`);
  out(`gan1:${gapAfter}${n1}`);
  out(`p1n1:${p1}|${n1}`);
  const cut = parts[part] ?? 'chunk';
  out(`part:${cut}`);
  out(`partgb:${cut}${gapBefore}`);
  shapeFeatures(text, start, end, context.counts, out);
  if (text.charCodeAt(end) === 64) out(`at:${realmShape(text, end + 1)}`);
  if (end - start <= 24) {
    const word = text.slice(start, end).toLowerCase();
    out(context.vocabulary.has(word) ? `w:${word}` : 'w:~');
  } else out('w:~');
}

/** What follows a name's `@`: an upper-case Kerberos realm, a lower-case host or realm, an address. */
function realmShape(text: string, from: number): string {
  let upper = 0;
  let lower = 0;
  let digits = 0;
  for (let i = from; i < text.length && i < from + 64; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 48 && c <= 57) digits++;
    else if (c !== 46 && c !== 45 && c !== 95) break;
  }
  return lower === 0 && upper === 0
    ? digits > 0
      ? 'address'
      : 'none'
    : lower === 0
      ? 'upper'
      : upper === 0
        ? 'lower'
        : 'mixed';
}
