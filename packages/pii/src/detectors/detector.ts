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
  /** For a detector whose rules each need several of its groups at once: the bit sets of groups one of which must be
   * seen whole for find() to produce anything (the scanner then calls find only on such texts). Any group when absent. */
  readonly keywordNeeds?: readonly number[];
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

/**
 * The earliest start of a `key = ` written before the separator at `separatorAt`: blanks, a `]` (`$config['key'] =`),
 * a quote and a backslash, a run of key characters (word characters, `.`, `-`, any non-ASCII letter as in `contraseña`) that may hold one
 * space (`account name`), then an opening quote and backslash. A key/value pattern whose every match has its
 * separator at or after `separatorAt`, and only those characters before it, has no match starting before this, so its
 * scan can start here instead of at 0 (where its key alternatives would be tried at every position of the line).
 */
export function keyRunStart(text: string, separatorAt: number): number {
  let at = separatorAt;
  while (at > 0 && isBlank(text.charCodeAt(at - 1))) at--;
  if (at > 0 && text.charCodeAt(at - 1) === 93) at--;
  at = afterQuote(text, at);
  at = keyRunFrom(text, at);
  if (at > 1 && text.charCodeAt(at - 1) === 32 && isKeyCharacter(text.charCodeAt(at - 2)))
    at = keyRunFrom(text, at - 1);
  return afterQuote(text, at);
}

/** Steps back over `\?["']?` ending at `at`. */
function afterQuote(text: string, at: number): number {
  let start = at;
  const quote = text.charCodeAt(start - 1);
  if (start > 0 && (quote === 34 || quote === 39)) start--;
  if (start > 0 && text.charCodeAt(start - 1) === 92) start--;
  return start;
}

function keyRunFrom(text: string, at: number): number {
  let start = at;
  while (start > 0 && isKeyCharacter(text.charCodeAt(start - 1))) start--;
  return start;
}

export function isKeyCharacter(code: number): boolean {
  return (
    code >= 128 ||
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 || // _
    code === 46 || // .
    code === 45 // -
  );
}

/** `\s`: ASCII blanks, and any non-ASCII character (Unicode spaces; taking more is safe for a lower bound). */
export function isBlank(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code >= 128;
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
 * Items (rules, token formats) cut into consecutive runs of at most 32 keyword groups in all, in their order, so that a
 * detector made of one run can give each item its own groups (the groups are the bits of one number). `groups` is how
 * many an item takes (one unless given).
 */
export function inRunsOf32<T>(items: readonly T[], groups: (item: T) => number = () => 1): T[][] {
  const runs: T[][] = [];
  let used = 32;
  for (const item of items) {
    const size = groups(item);
    if (used + size > 32) {
      runs.push([]);
      used = 0;
    }
    (runs[runs.length - 1] as T[]).push(item);
    used += size;
  }
  return runs;
}

/**
 * One detector made of several that report the same type (the value after a key, after a CLI flag, in XML...). The
 * scanner runs its parts as detectors of their own (each with its own keyword groups); find() here serves callers
 * without the scanner, running each part whose cheap test passes.
 */
/** True when `seen` holds every bit of one of `needs` (a detector's keywordNeeds). */
export function holdsOne(seen: number, needs: ArrayLike<number>): boolean {
  for (let n = 0; n < needs.length; n++) {
    const need = needs[n] as number;
    if ((seen & need) === need) return true;
  }
  return false;
}

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

/**
 * The part with the candidates `keepIn(text)` refuses dropped; its keyword groups and needs kept. `keepIn` reads the text
 * once per find: it returns `all` (no test), `none` (find not run) or a test per candidate.
 */
export function filterCandidates(
  part: Detector,
  keepIn: (text: string) => 'all' | 'none' | ((c: Candidate) => boolean),
): Detector {
  return {
    type: part.type,
    keywordGroups: part.keywordGroups,
    keywordNeeds: part.keywordNeeds,
    normalize: part.normalize,
    mayMatch: (text) => part.mayMatch(text),
    find(text: string, out: Candidate[], groups?: number): void {
      const keep = keepIn(text);
      if (keep === 'none') return;
      const from = out.length;
      part.find(text, out, groups);
      if (keep === 'all') return;
      let kept = from;
      for (let i = from; i < out.length; i++) {
        const c = out[i];
        if (c !== undefined && keep(c)) out[kept++] = c;
      }
      out.length = kept;
    },
  };
}
