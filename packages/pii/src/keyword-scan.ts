/** The high bit of a 16-bit transition: words end in the state it leads to. */
const outputFlag = 0x8000;

/** Automata of more states than this are merged to their equivalent states (the scanner's: ~10,000 -> ~5,000). */
const minStatesToMerge = 4096;

/** Where a word counts: slot (a detector) and the bit set of that slot's word groups that list it. */
type Tag = readonly [slot: number, groups: number];

/** The ASCII whitespace of a pattern's `\s`: a word ending in each gates `\s` after it (the rest reads as a blank). */
export const blanks: readonly string[] = [' ', '\t', '\n', '\r', '\v', '\f'];

/** A word's stand-in for any character past ASCII that is not whitespace: the keyword pass reads each such one as it. */
const pastAscii = '\x7f';

/**
 * `word` after each character a look-behind `(?<![...])` lets stand before it: every ASCII character `excluded` does
 * not match, the start of a text (the pass reads it as `\n`) and any character past ASCII. (An `excluded` that holds a
 * blank must hold all of `\s`: the pass reads whitespace past ASCII as a blank.)
 */
export function afterAnyBut(excluded: RegExp, word: string): string[] {
  const ascii = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code));
  const before = new Set(['\n', pastAscii, ...ascii.filter((c) => !excluded.test(c)).map((c) => c.toLowerCase())]);
  return [...before].map((c) => `${c}${word}`);
}

/** A word as the keyword pass reads it: each character past ASCII as the stand-in (`contraseña` is `contrase\x7fa`). */
export function asThePassReads(word: string): string {
  return word.replace(/[^\0-\x7f]/g, pastAscii);
}

/** A pattern's `\s`, by character code: ASCII whitespace and the whitespace past ASCII. */
export function isWhitespace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code >= 128 && isOtherSpace(code));
}

/** The whitespace of a pattern's `\s` past ASCII (no-break, em and ideographic spaces...). */
function isOtherSpace(code: number): boolean {
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The character classes of the automaton, A-Z folded onto a-z; 0 is any character no word holds. Two characters share
 * a class when each stands wherever the other does: swapping one for the other at any position of any word gives
 * another word with the same tags (the words after every character a look-behind lets stand, `afterAnyBut`, differ only
 * in that character). The automaton then reads classes, its table is a row a class narrower, and it finds exactly the
 * words it would find reading characters.
 */
function characterClasses(tags: ReadonlyMap<string, readonly Tag[]>): { classOf: Uint8Array; count: number } {
  const places = new Map<number, string[]>();
  for (const [word, wordTags] of tags) {
    const tagged = wordTags
      .map(([slot, groups]) => `${slot}:${groups}`)
      .sort()
      .join(',');
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      if (code >= 128) throw new TypeError(`pii: keyword ${JSON.stringify(word)} is not ASCII`);
      const list = places.get(code) ?? [];
      list.push(`${word.slice(0, i)}\0${word.slice(i + 1)}\0${tagged}`);
      places.set(code, list);
    }
  }
  const classOf = new Uint8Array(128);
  const classOfPlaces = new Map<string, number>();
  let count = 1;
  for (const [code, list] of [...places].sort(([a], [b]) => a - b)) {
    const key = JSON.stringify(list.sort());
    let c = classOfPlaces.get(key);
    if (c === undefined) classOfPlaces.set(key, (c = count++));
    classOf[code] = c;
  }
  for (let upper = 65; upper <= 90; upper++) classOf[upper] = classOf[upper + 32] as number;
  if (count > 255) throw new RangeError('pii: keywords use more than 254 distinct characters');
  return { classOf, count };
}

/**
 * Finds, in one pass over a text, the words (lower case, ASCII) of many slots' word groups, in any ASCII case, and
 * writes into found[at + slot] the bit set of that slot's groups with a word in the text (`at` places a text's row in a
 * batch's table), and into slotsSeen, when given, bit `slot % 32` of word `slot / 32` (a blank of a word also matches
 * whitespace past ASCII, `\x7f` any other character past ASCII, and a leading `\n` the start of the text). The words are compiled into an
 * Aho-Corasick automaton with every transition precomputed, so each character of the text costs one table lookup
 * whatever the number of words, and every occurrence of every word is seen (`users` holds `user`) without lower-casing
 * a copy of the text.
 */
export function createGroupScan(
  slots: ReadonlyArray<ReadonlyArray<readonly string[]>>,
): (text: string, found: Int32Array, at?: number, slotsSeen?: Int32Array) => void {
  const tags = new Map<string, Tag[]>();
  slots.forEach((groups, slot) => {
    // A slot's groups are the bits of one 32-bit number: a 33rd would silently share the first one's bit.
    if (groups.length > 32)
      throw new RangeError(`pii: a detector declares ${groups.length} keyword groups (at most 32)`);
    groups.forEach((words, group) => {
      for (const word of words) {
        if (word === '' || word !== word.toLowerCase())
          throw new TypeError(`pii: keyword ${JSON.stringify(word)} must be non-empty lower case`);
        tags.set(word, [...(tags.get(word) ?? []), [slot, 1 << group]]);
      }
    });
  });
  const words = [...tags.keys()];
  const { classOf, count: classes } = characterClasses(tags);
  // Whitespace past ASCII reads as a blank, so a word ending in a blank gates a pattern's `\s` on every text; any other
  // character past ASCII reads as the stand-in.
  const otherSpaceClass = classOf[32] as number;
  const pastAsciiClass = classOf[pastAscii.charCodeAt(0)] as number;

  // The trie: goto[state * classes + class] is the child state, 0 where there is none (0 is the root).
  const goto: number[] = new Array<number>(classes).fill(0);
  const outputs: Tag[][] = [[]];
  for (const word of words) {
    let state = 0;
    for (let i = 0; i < word.length; i++) {
      const at = state * classes + (classOf[word.charCodeAt(i)] as number);
      if (goto[at] === 0) {
        goto[at] = outputs.length;
        outputs.push([]);
        for (let c = 0; c < classes; c++) goto.push(0);
      }
      state = goto[at] as number;
    }
    (outputs[state] as Tag[]).push(...(tags.get(word) ?? []));
  }

  // Breadth first: each missing transition becomes the one of the failure state, and each state inherits the words
  // ending at its failure state (the longest proper suffix that is also a trie path).
  const failure = new Int32Array(outputs.length);
  const queue: number[] = [];
  for (let c = 0; c < classes; c++) if (goto[c] !== 0) queue.push(goto[c] as number);
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    (outputs[state] as Tag[]).push(...(outputs[failure[state] as number] as Tag[]));
    for (let c = 0; c < classes; c++) {
      const at = state * classes + c;
      const child = goto[at] as number;
      const fallback = goto[(failure[state] as number) * classes + c] as number;
      if (child === 0) {
        goto[at] = fallback;
      } else {
        failure[child] = fallback;
        queue.push(child);
      }
    }
  }

  // (Checked on the trie, before merging: a table past 16 bits is refused before the work of merging its states.)
  if (outputs.length > outputFlag)
    throw new RangeError(`pii: keywords make ${outputs.length} automaton states (at most ${outputFlag})`);
  // States that report the same words and lead, class by class, to equivalent states are one state of the minimal
  // automaton (a word's last letters and the states after its separators repeat across words that share a group):
  // half the states, so half the table, and the same words reported at the same characters.
  const merged = outputs.map((list) => {
    const bySlot = new Map<number, number>();
    for (const [slot, groups] of list) bySlot.set(slot, (bySlot.get(slot) ?? 0) | groups);
    return [...bySlot].sort(([a], [b]) => a - b);
  });
  // A small automaton (a rule part's own pass, built with each detector) fits the caches as it is: not worth the work.
  const { block, count } =
    outputs.length > minStatesToMerge
      ? equivalentStates(Int32Array.from(goto), classes, merged)
      : { block: Int32Array.from(outputs.keys()), count: outputs.length };

  // A transition stores the next state, with the high bit set when words end in it: one table read per character
  // tells both. 16-bit entries keep the table small enough to stay in the CPU's caches between lines, and states are
  // numbered breadth first, so the shallow ones most characters of a text lead to share a few rows of it: each class of
  // equivalent states takes the place where the trie's breadth-first walk first meets one of its states.
  const order: number[] = [];
  const rank = new Int32Array(count).fill(-1);
  for (const state of [0, ...queue]) {
    const b = block[state] as number;
    if (rank[b] === -1) {
      rank[b] = order.length;
      order.push(state);
    }
  }
  const outputAt = new Int32Array(order.length + 1);
  const pairs: number[] = [];
  order.forEach((state, position) => {
    outputAt[position] = pairs.length;
    for (const [slot, groups] of merged[state] as Array<[number, number]>) pairs.push(slot, groups);
  });
  outputAt[order.length] = pairs.length;
  const flatPairs = Int32Array.from(pairs);
  const next = new Uint16Array(order.length * classes);
  order.forEach((state, position) => {
    for (let c = 0; c < classes; c++) {
      const target = rank[block[goto[state * classes + c] as number] as number] as number;
      next[position * classes + c] =
        (outputAt[target + 1] as number) > (outputAt[target] as number) ? target | outputFlag : target;
    }
  });

  const report = (state: number, found: Int32Array, at: number, slotsSeen: Int32Array | undefined): void => {
    for (let p = outputAt[state] as number; p < (outputAt[state + 1] as number); p += 2) {
      const slot = flatPairs[p] as number;
      found[at + slot] = (found[at + slot] as number) | (flatPairs[p + 1] as number);
      if (slotsSeen !== undefined) slotsSeen[slot >>> 5] = (slotsSeen[slot >>> 5] as number) | (1 << (slot & 31));
    }
  };
  // The start of a text reads as a line break, so a word beginning `\n` also gates a pattern's `^`.
  const start = next[classOf[10] as number] as number;

  return (text, found, at = 0, slotsSeen) => {
    let state = start;
    if (state >= outputFlag) {
      state ^= outputFlag;
      report(state, found, at, slotsSeen);
    }
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const c = code < 128 ? (classOf[code] as number) : isOtherSpace(code) ? otherSpaceClass : pastAsciiClass;
      state = next[state * classes + c] as number;
      if (state < outputFlag) continue;
      state ^= outputFlag;
      report(state, found, at, slotsSeen);
    }
  };
}

/**
 * The states of a complete automaton (`goto[state * classes + class]`, every transition set) grouped into classes of
 * equivalent states: the same report (`outputs`, compared slot by slot) and, for every character class, transitions
 * into equivalent states. Moore's refinement: start from the states grouped by report, split a group while two of its
 * states lead somewhere different, stop when no group splits. Returns each state's group, numbered from 0, and the count.
 */
function equivalentStates(
  goto: Int32Array,
  classes: number,
  outputs: ReadonlyArray<ReadonlyArray<readonly [number, number]>>,
): { block: Int32Array; count: number } {
  const states = outputs.length;
  let block = new Int32Array(states);
  const byReport = new Map<string, number>();
  outputs.forEach((report, state) => {
    const key = report.join(';');
    let b = byReport.get(key);
    if (b === undefined) byReport.set(key, (b = byReport.size));
    block[state] = b;
  });
  let count = byReport.size;
  for (;;) {
    const current = block;
    const refined = new Int32Array(states);
    // A hash of each state's group and its targets' groups finds the states that may stay together; a full comparison
    // with each candidate's first state decides.
    const firstOf = new Map<number, number[]>();
    let made = 0;
    const sameMoves = (a: number, b: number): boolean => {
      if (current[a] !== current[b]) return false;
      for (let c = 0; c < classes; c++)
        if (current[goto[a * classes + c] as number] !== current[goto[b * classes + c] as number]) return false;
      return true;
    };
    for (let state = 0; state < states; state++) {
      let hash = current[state] as number;
      for (let c = 0; c < classes; c++)
        hash = Math.imul(hash ^ (current[goto[state * classes + c] as number] as number), 0x01000193);
      const firsts = firstOf.get(hash);
      let group = -1;
      if (firsts === undefined) firstOf.set(hash, [state]);
      else {
        for (const first of firsts)
          if (sameMoves(first, state)) {
            group = refined[first] as number;
            break;
          }
        if (group === -1) firsts.push(state);
      }
      refined[state] = group === -1 ? made++ : group;
    }
    block = refined;
    if (made === count) return { block, count };
    count = made;
  }
}
