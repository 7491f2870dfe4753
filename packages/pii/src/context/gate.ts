import { wordHash, type LineWords } from './words';

/**
 * The cheap test in front of the model: only a candidate next to a trigger word (one of the two words before it or
 * the word after it) is scored. Triggers are the words that stood next to a labeled user name or secret in enough
 * training lines (`user`, `login`, `password`, `as`...); a line with none of them costs one regex test.
 */
export interface Gate {
  /** False when the text holds no trigger word, so no candidate in it can be scored. */
  lineMayHold(text: string): boolean;
  /** Marks, per word of the line, whether it is a trigger. */
  markTriggers(words: LineWords, flags: Uint8Array): Uint8Array;
}

/** No triggers: every candidate of every line is scored. */
const open: Gate = {
  lineMayHold: () => true,
  markTriggers(words, flags) {
    const out = flags.length >= words.count ? flags : new Uint8Array(words.count * 2);
    out.fill(1, 0, words.count);
    return out;
  },
};

export function createGate(triggers: readonly string[] | undefined): Gate {
  if (triggers === undefined) return open;
  const set = new Set(triggers.map(wordHash));
  // Substrings, any case: over-inclusive (`superuser` holds `user`) costs only time, never a finding.
  const any =
    triggers.length === 0
      ? /(?!)/
      : new RegExp(triggers.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
  return {
    lineMayHold: (text) => any.test(text),
    markTriggers(words, flags) {
      const out = flags.length >= words.count ? flags : new Uint8Array(words.count * 2);
      for (let w = 0; w < words.count; w++) out[w] = set.has(words.hashes[w] ?? 0) ? 1 : 0;
      return out;
    },
  };
}

/** Index of the first word that ends after position (words are sorted). */
export function firstWordEndingAfter(words: LineWords, position: number): number {
  let low = 0;
  let high = words.count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((words.ends[mid] ?? 0) <= position) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The word just before [start, end) (-1: none) and the first word after it (count: none), skipping words inside it. */
export function wordsAround(words: LineWords, start: number, end: number): { before: number; after: number } {
  let before = firstWordEndingAfter(words, start) - 1;
  // A word that straddles the start (a camelCase split inside the candidate) is not context.
  while (before >= 0 && (words.ends[before] ?? 0) > start) before--;
  let after = firstWordEndingAfter(words, end);
  while (after < words.count && (words.starts[after] ?? 0) < end) after++;
  return { before, after };
}

/** Whether the candidate with these neighbours is next to a trigger. */
export function nextToTrigger(flags: Uint8Array, count: number, before: number, after: number): boolean {
  return (
    (before >= 0 && flags[before] === 1) ||
    (before >= 1 && flags[before - 1] === 1) ||
    (after < count && flags[after] === 1)
  );
}

/**
 * Calls visit(from, to) for the stretches of text where a candidate can be next to a trigger: from the word before a
 * trigger to the second word after it, merged and in order, so only those chunks are cut into candidates.
 */
export function triggerRegions(
  text: string,
  words: LineWords,
  flags: Uint8Array,
  visit: (from: number, to: number) => void,
): void {
  let from = -1;
  let to = -1;
  for (let t = 0; t < words.count; t++) {
    if (flags[t] !== 1) continue;
    const start = words.starts[Math.max(0, t - 1)] ?? 0;
    const end = t + 2 < words.count ? (words.ends[t + 2] ?? text.length) : text.length;
    if (from >= 0 && start <= to) to = Math.max(to, end);
    else {
      if (from >= 0) visit(from, to);
      from = start;
      to = end;
    }
  }
  if (from >= 0) visit(from, to);
}
