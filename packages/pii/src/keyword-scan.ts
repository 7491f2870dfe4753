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
      const inner = longer.length === 1 ? `(?:${escapeRegExp(longer[0] as string)})` : `(?:${trieSource(longer)})`;
      return escapeRegExp(first) + inner + (longer.length < rests.length ? '?' : '');
    })
    .join('|');
}

/**
 * Finds, in one pass over a lower-cased text, which of many words it contains, and returns the OR of their tags
 * (bit sets). A word found also stands for every word inside it (`users` holds `user`), and the scan resumes one
 * character after each hit, so no word hides another.
 */
export function createKeywordScan(tags: ReadonlyMap<string, number>): (lower: string) => number {
  const words = [...tags.keys()].sort((a, b) => b.length - a.length);
  const closed = new Map<string, number>();
  for (const word of words) {
    let bits = tags.get(word) ?? 0;
    for (const inner of words) if (inner !== word && word.includes(inner)) bits |= tags.get(inner) ?? 0;
    closed.set(word, bits);
  }
  const scan = new RegExp(words.length === 0 ? '(?!)' : trieSource(words), 'g');
  return (lower) => {
    let found = 0;
    scan.lastIndex = 0;
    for (let m = scan.exec(lower); m !== null; m = scan.exec(lower)) {
      found |= closed.get(m[0]) ?? 0;
      scan.lastIndex = m.index + 1;
    }
    return found;
  };
}

/** Tags each word with the bits of the groups (by index) that list it. */
export function tagWords(groups: ReadonlyArray<readonly string[]>): Map<string, number> {
  const tags = new Map<string, number>();
  groups.forEach((words, index) => {
    for (const word of words) tags.set(word, (tags.get(word) ?? 0) | (1 << index));
  });
  return tags;
}
