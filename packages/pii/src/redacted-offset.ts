/** A value redact() replaced: [start, end) of the text became the placeholder at [at, at + length) of the result. */
export interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly at: number;
  readonly length: number;
}

/**
 * Where an offset of a text stands in its redacted text, given the replacements made (sorted, none overlapping): an
 * offset inside a replaced value stands at its placeholder's start, so what follows it holds the whole placeholder.
 */
export function redactedOffset(replacements: readonly Replacement[], offset: number): number {
  let shift = 0;
  for (const r of replacements) {
    if (r.end <= offset) shift = r.at + r.length - r.end;
    else return r.start < offset ? r.at : offset + shift;
  }
  return offset + shift;
}
