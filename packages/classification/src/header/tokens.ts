// Character-level helpers for reading the first tokens of a line without splitting it.

/** Space, tab, and the line breaks of a multi-line item (a stack trace's header ends at its first line). */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
export function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
export function skipSpaces(line: string, i: number): number {
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  return i;
}
/** The index of the first space or tab at or after `i`, or the line's end. */
export function tokenEnd(line: string, i: number): number {
  while (i < line.length && !isSpace(line.charCodeAt(i))) i++;
  return i;
}
/** Skips a separator between header and message: ` - `, `: `, `, `, `| `, `-- `, `--- `. */
export function skipSeparator(line: string, i: number): number {
  const j = skipSpaces(line, i);
  const c = line.charCodeAt(j);
  if (c === 45 || c === 58 || c === 44 || c === 124) {
    let k = j + 1;
    while (k < j + 3 && line.charCodeAt(k) === c) k++;
    if (k >= line.length || isSpace(line.charCodeAt(k))) return skipSpaces(line, k);
  }
  return j;
}
