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

/** An assignment: a name not after a word character or `.`, then `\s*:?=` but not `==`. */
const assignment = /(?<![\w.])([A-Za-z_]\w{0,30})\s*:?=(?!=)/g;

/** The facts of `text`, each computed on first use. */
export function lineFacts(text: string): LineFacts {
  let firstAssignmentEnd: Map<string, number> | undefined;
  let angleScanned = 0;
  let lastOpen = -1;
  let lastClose = -1;
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
      if (at > angleScanned) read += at - angleScanned;
      for (; angleScanned < at; angleScanned++) {
        const code = text.charCodeAt(angleScanned);
        if (code === 60) lastOpen = angleScanned;
        else if (code === 62) lastClose = angleScanned;
      }
      return lastOpen > lastClose;
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
      return read;
    },
  };
}
