/** A labeled value of a corpus line. */
export interface Span {
  type: string;
  value: string;
}

export interface JudgedSpan extends Span {
  /** Index of its line. */
  line: number;
  /** Still in its own line's redacted text: the scanner leaves it. */
  missed: boolean;
  /** Not missed, but another line's redacted text holds the same value. */
  background: boolean;
  /** The paths whose output holds it. */
  leakedOn: string[];
}

export interface PathTally {
  leaked: number;
  missed: number;
  background: number;
  /** Leaked though neither missed nor background: the path's own leaks. */
  own: JudgedSpan[];
}

export function searchForms(value: string): string[];
/** The characters next to a value in its line (undefined at an end). */
export interface Beside {
  before?: string;
  after?: string;
}
export function placesOf(haystack: string, value: string, beside?: Beside): { at: number; form: string }[];
export function occursIn(haystack: string, value: string, beside?: Beside): boolean;
export function besideIn(text: string, value: string): Beside;
export function masked(span: Span): string;
export function judgeSpans(
  lines: readonly { text: string; spans: readonly Span[] }[],
  redacted: readonly string[],
  outputs: Record<string, string>,
): JudgedSpan[];
export function tallyPaths(judged: readonly JudgedSpan[], paths: readonly string[]): Record<string, PathTally>;
export function metricNamesAndLabels(text: string): string;
