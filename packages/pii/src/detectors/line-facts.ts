/**
 * Facts about the text before or after a match that a rule checks on every match (`pw = '…'` assigned earlier, an
 * open `<` before the key, `secret` later in the line). Read from the text once per line, not once per match: a check
 * that re-reads the line from each match made one hostile line (`password=v ` repeated, 1 MB) cost minutes.
 */
export interface LineFacts {
  /** True when code before `at` assigns `name` (`name = …`, `name := …`, `name: =`, not `name ==`). */
  assignedBefore(name: string, at: number): boolean;
  /** True when the last `<` before `at` comes after the last `>` before it. `at` never decreases between calls. */
  insideAngleBrackets(at: number): boolean;
  /** True when `word` (lower case; matched in any case) starts at or after `at`. */
  wordFrom(word: string, at: number): boolean;
  /** Characters read so far for this line: linear in its length whatever the matches (the hostile-line tests). */
  readonly charactersRead: number;
}

/**
 * Where given characters stand around positions asked in order: the last one before a position, read forward once,
 * and the next one from a position, each searched once however many positions ask. A position smaller than the one
 * before starts the forward reading over (right answers, only slower).
 */
export interface CharacterPositions {
  /** The last position before `at` holding `char` (one of the characters given), or -1. */
  lastBefore(char: string, at: number): number;
  /** The first position at or after `at` holding `char`, or -1. */
  nextFrom(char: string, at: number): number;
  /** Characters read so far: linear in the text's length when the positions asked do not decrease. */
  readonly charactersRead: number;
}

/** The positions of `chars` in `text` (each character a single UTF-16 unit). */
export function characterPositions(text: string, chars: string): CharacterPositions {
  const last = new Map<string, number>();
  const next = new Map<string, [from: number, found: number]>();
  let scanned = 0;
  let read = 0;
  return {
    lastBefore(char, at) {
      if (at < scanned) {
        scanned = 0;
        last.clear();
      }
      read += at - scanned;
      for (; scanned < at; scanned++) {
        const c = text[scanned] as string;
        if (chars.includes(c)) last.set(c, scanned);
      }
      return last.get(char) ?? -1;
    },
    nextFrom(char, at) {
      const known = next.get(char);
      // A search from `from` found `found` (-1: none after `from`); it answers every position between.
      if (known !== undefined && known[0] <= at && (known[1] === -1 || known[1] >= at)) return known[1];
      const found = text.indexOf(char, at);
      read += (found === -1 ? text.length : found + 1) - at;
      next.set(char, [at, found]);
      return found;
    },
    get charactersRead() {
      return read;
    },
  };
}

/** An assignment: a name not after a word character or `.`, then `\s*:?=` but not `==`. */
const assignment = /(?<![\w.])([A-Za-z_]\w{0,30})\s*:?=(?!=)/g;

/** The facts of `text`, each computed on first use. */
export function lineFacts(text: string): LineFacts {
  let firstAssignmentEnd: Map<string, number> | undefined;
  let angles: CharacterPositions | undefined;
  const lastWord = new Map<string, number>();
  let read = 0;
  return {
    assignedBefore(name, at) {
      if (firstAssignmentEnd === undefined) {
        // The first assignment of each name ends first (one cannot hold another), so `end <= at` is "assigned before".
        firstAssignmentEnd = new Map();
        assignment.lastIndex = 0;
        for (let m = assignment.exec(text); m !== null; m = assignment.exec(text)) {
          const assigned = m[1] as string;
          if (!firstAssignmentEnd.has(assigned)) firstAssignmentEnd.set(assigned, m.index + m[0].length);
        }
        read += text.length;
      }
      const end = firstAssignmentEnd.get(name);
      return end !== undefined && end <= at;
    },
    insideAngleBrackets(at) {
      angles ??= characterPositions(text, '<>');
      return angles.lastBefore('<', at) > angles.lastBefore('>', at);
    },
    wordFrom(word, at) {
      let last = lastWord.get(word);
      if (last === undefined) {
        last = -1;
        const pattern = new RegExp(word, 'gi');
        for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) last = m.index;
        lastWord.set(word, last);
        read += text.length;
      }
      return last >= at;
    },
    get charactersRead() {
      return read + (angles?.charactersRead ?? 0);
    },
  };
}
