function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The words as one regex alternation factored by common prefixes (`s(?:ecret|k_live_|...)`): the engine tries a
 * position's first character once instead of once per word. At each position the longest word matches.
 */
function trieSource(words: readonly string[]): string {
  const byFirst = new Map<string, string[]>();
  for (const word of words) {
    const rest = byFirst.get(word[0] as string) ?? [];
    rest.push(word.slice(1));
    byFirst.set(word[0] as string, rest);
  }
  return [...byFirst]
    .map(([first, rests]) => {
      const longer = rests.filter((r) => r !== '');
      if (longer.length === 0) return escapeRegExp(first);
      // A shared run (`nteractive` of `interactive for` and `interactive/pam for`) is one literal, not a nest.
      let shared = 0;
      while (longer.every((r) => r.length > shared && r[shared] === (longer[0] as string)[shared])) shared++;
      const prefix = (longer[0] as string).slice(0, shared);
      const tails = longer.map((r) => r.slice(shared));
      const branch = tails.some((t) => t === '') ? `(?:${trieSource(tails.filter((t) => t !== ''))})?` : tails.length === 1 ? '' : `(?:${trieSource(tails)})`;
      const inner = `(?:${escapeRegExp(prefix)}${tails.length === 1 ? escapeRegExp(tails[0] as string) : branch})`;
      return escapeRegExp(first) + inner + (longer.length < rests.length ? '?' : '');
    })
    .join('|');
}

/** Where a word counts: slot (a detector) and the bit set of that slot's word groups that list it. */
type Tag = readonly [slot: number, groups: number];

/**
 * Finds, in one pass over a lower-cased text, the words of many slots' word groups, and writes into found[slot] the
 * bit set of that slot's groups with a word in the text. A word found also stands for every word inside it (`users`
 * holds `user`), and the scan resumes one character after each hit, so no word hides another.
 */
export function createGroupScan(slots: ReadonlyArray<ReadonlyArray<readonly string[]>>): (lower: string, found: Int32Array) => void {
  const tags = new Map<string, Tag[]>();
  slots.forEach((groups, slot) =>
    groups.forEach((words, group) => {
      for (const word of words) tags.set(word, [...(tags.get(word) ?? []), [slot, 1 << group]]);
    }),
  );
  const words = [...tags.keys()].sort((a, b) => b.length - a.length);
  const closed = new Map<string, readonly Tag[]>();
  for (const word of words) closed.set(word, words.filter((inner) => word.includes(inner)).flatMap((inner) => tags.get(inner) ?? []));
  const scan = new RegExp(words.length === 0 ? '(?!)' : trieSource(words), 'g');
  return (lower, found) => {
    scan.lastIndex = 0;
    for (let m = scan.exec(lower); m !== null; m = scan.exec(lower)) {
      for (const [slot, groups] of closed.get(m[0]) ?? []) found[slot] = (found[slot] as number) | groups;
      scan.lastIndex = m.index + 1;
    }
  };
}
