/**
 * A shape-led detector's cheap test that also says where its pattern can first match: the scanner calls mayMatch and
 * then find on the same text, so find starts its search near the hint instead of rescanning the text before it.
 */
export interface Hint {
  /** True when the hint occurs in the text. */
  test(text: string): boolean;
  /** Where the detector's search can start: no match of its pattern starts before this. */
  searchFrom(text: string): number;
}

/**
 * `pattern` is a test every match of the detector passes at most `reach` characters after the match's start, so no
 * match starts more than `reach` characters before the text's first hint. The last text's answer is kept (find follows
 * mayMatch on the same line).
 */
export function createHint(pattern: RegExp, reach: number): Hint {
  let lastText: string | undefined;
  let lastAt = -1;
  function firstAt(text: string): number {
    if (text !== lastText) {
      lastText = text;
      lastAt = pattern.exec(text)?.index ?? -1;
    }
    return lastAt;
  }
  return {
    test: (text) => firstAt(text) >= 0,
    searchFrom: (text) => {
      const at = firstAt(text);
      return at < 0 ? text.length : Math.max(0, at - reach);
    },
  };
}
