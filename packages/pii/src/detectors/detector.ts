import type { PiiType } from '../pii-type';

/**
 * One match a detector proposes. [start, end) is the part that gets replaced; [claimStart, claimEnd) is the
 * whole structure it understood (key and separator, URL up to the host), used to settle overlaps.
 */
export interface Candidate {
  type: PiiType;
  start: number;
  end: number;
  claimStart: number;
  claimEnd: number;
  priority: number;
}

/** A compiled detector for one PII type: built once per redactor, then run over many texts. */
export interface Detector {
  readonly type: PiiType;
  /** Cheap test; false means find() cannot produce anything for this text. */
  mayMatch(text: string): boolean;
  /** Groups of words (lower-case ASCII, else createRedactor throws): a text with a match contains, in any ASCII case, a
   * word of some group. When present, the scanner looks for the words of all detectors in one pass over the text
   * instead of calling each mayMatch, and tells find() which groups it saw, so a detector runs only the rules those
   * words can feed. At most 32 groups (they are the bits of one number). */
  readonly keywordGroups?: ReadonlyArray<readonly string[]>;
  /** The detectors this one is made of (combineDetectors): the scanner runs each as a detector of its own, so each part
   * has its own 32 keyword groups and runs only where its words are. */
  readonly parts?: readonly Detector[];
  /** Pushes every validated candidate in text onto out. `groups`, for a detector with keywordGroups, is the bit set
   * of its groups with a word in the text (all when absent). */
  find(text: string, out: Candidate[], groups?: number): void;
  /** Canonical form of a matched value, so hash mode maps spelling variants of one value to one tag. */
  normalize(value: string): string;
}

/** Rank among candidates of equal extent: the more specific detector wins. */
export const priorities: Readonly<Record<PiiType, number>> = {
  private_key: 100,
  url_credentials: 90,
  token: 88,
  auth_header: 85,
  jwt: 80,
  aws_secret_key: 75,
  aws_access_key: 70,
  secret_kv: 60,
  credit_card: 55,
  iban: 50,
  us_ssn: 45,
  email: 40,
  mac: 35,
  ipv6: 30,
  ipv4: 25,
  hostname: 24,
  home_dir: 22,
  phone: 20,
  user: 15,
};

export function candidate(type: PiiType, start: number, end: number, claimStart = start, claimEnd = end): Candidate {
  return { type, start, end, claimStart, claimEnd, priority: priorities[type] };
}

/**
 * The patterns to run for `body` after a `boundary` lookbehind: the plain one, and in text with a backslash also one
 * right after an escaped line break (`\n` in JSON-escaped text hides the boundary behind a letter). Two patterns keep
 * the common one free of a leading alternation, which would slow every scan of it.
 */
export function boundaryPatterns(boundary: string, body: string, flags: string): (text: string) => readonly RegExp[] {
  const plain = new RegExp(`${boundary}${body}`, flags);
  const plainOnly = [plain];
  const withEscapes = [plain, new RegExp(`(?<=\\\\[nrt])${body}`, flags)];
  return (text) => (text.includes('\\') ? withEscapes : plainOnly);
}

/** A case-insensitive test for any of the words (the mayMatch of a keyword-led detector). */
export function anyOf(words: readonly string[]): RegExp {
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
}

export function keepAsIs(value: string): string {
  return value;
}

export function digitsOnly(value: string): string {
  return value.replace(/\D+/g, '');
}

/**
 * One detector made of several that report the same type (the value after a key, after a CLI flag, in XML...). The
 * scanner runs its parts as detectors of their own (each with its own keyword groups); find() here serves callers
 * without the scanner, running each part whose cheap test passes.
 */
export function combineDetectors(
  type: PiiType,
  parts: readonly Detector[],
  normalize: (value: string) => string = keepAsIs,
): Detector {
  const flat = parts.flatMap((p) => p.parts ?? [p]);
  return {
    type,
    parts: flat,
    mayMatch: (text) => flat.some((p) => p.mayMatch(text)),
    find(text: string, out: Candidate[]): void {
      for (const p of flat) if (p.mayMatch(text)) p.find(text, out);
    },
    normalize,
  };
}
