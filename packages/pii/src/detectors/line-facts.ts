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
  /** True when `pattern` (not global) matches somewhere in the line. */
  mentions(pattern: RegExp): boolean;
  /** True when `word` (lower case; matched in any case) starts at or after `at`. */
  wordFrom(word: string, at: number): boolean;
  /** Characters read so far for this line: linear in its length whatever the matches (the hostile-line tests). */
  readonly charactersRead: number;
}

/**
 * Where given strings start around positions asked in order: the last one before a position, read forward once, and
 * the next one from a position, each searched once however many positions ask. A position smaller than the one before
 * starts the forward reading over (right answers, only slower).
 */
export interface StringPositions {
  /** The last start before `at` of `searched` (one of the strings given), or -1. */
  lastBefore(searched: string, at: number): number;
  /** The first start at or after `at` of `searched`, or -1. */
  nextFrom(searched: string, at: number): number;
  /** Characters read so far: linear in the text's length when the positions asked do not decrease. */
  readonly charactersRead: number;
}

/** The positions of each of `strings` in `text` (`['{', '}']`, `['ENC[', ']']`). */
export function stringPositions(text: string, strings: readonly string[]): StringPositions {
  const firsts = strings.map((searched) => searched.charCodeAt(0));
  const last = new Map<string, number>();
  const next = new Map<string, [from: number, found: number]>();
  let scanned = 0;
  let read = 0;
  return {
    lastBefore(searched, at) {
      if (at < scanned) {
        scanned = 0;
        last.clear();
      }
      read += at - scanned;
      for (; scanned < at; scanned++) {
        const code = text.charCodeAt(scanned);
        for (let i = 0; i < strings.length; i++) {
          const string = strings[i] as string;
          if (firsts[i] === code && text.startsWith(string, scanned)) last.set(string, scanned);
        }
      }
      return last.get(searched) ?? -1;
    },
    nextFrom(searched, at) {
      const known = next.get(searched);
      // A search from `from` found `found` (-1: none after `from`); it answers every position between.
      if (known !== undefined && known[0] <= at && (known[1] === -1 || known[1] >= at)) return known[1];
      const found = text.indexOf(searched, at);
      read += (found === -1 ? text.length : found + 1) - at;
      next.set(searched, [at, found]);
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
  let angles: StringPositions | undefined;
  const lastWord = new Map<string, number>();
  const mentioned = new Map<RegExp, boolean>();
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
      angles ??= stringPositions(text, ['<', '>']);
      return angles.lastBefore('<', at) > angles.lastBefore('>', at);
    },
    mentions(pattern) {
      let found = mentioned.get(pattern);
      if (found === undefined) {
        found = pattern.test(text);
        mentioned.set(pattern, found);
        read += text.length;
      }
      return found;
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
