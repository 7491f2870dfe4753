import { entropyPerChar } from '../checksums/entropy';

/** How a vendor's token is recognised: its documented shape, and what makes a match of that shape real. */
export interface TokenFormat {
  readonly vendor: string;
  /** Group 1, when present, is the part replaced (the secret inside a URL or a connection string). */
  readonly pattern: RegExp;
  /** Lower-case literals one of which every text containing a match contains: the cheap test. */
  readonly prefixes: readonly string[];
  /** The keyword pass's words when narrower than the prefixes (a prefix after the characters its pattern refuses). */
  readonly words?: readonly string[];
  readonly valid?: (token: string) => boolean;
}

// Random base62 scores about 4.5-5.9 bits per character over 20-40 characters; documentation placeholders
// (`ghp_xxxx...`, `sk_live_0000...`, `AIzaSyXXXX...`) score under 2.
const minEntropy = 3;

export function looksRandom(token: string): boolean {
  return entropyPerChar(token) >= minEntropy;
}

/** A token's own boundaries: no identifier character glued before or after it. */
export const end = '(?![A-Za-z0-9_-])';
export const start = '(?<![A-Za-z0-9_-])';

/**
 * A format whose token starts with one of `prefixes` (in any case in the cheap test, as written in `body`): the part
 * after the prefix must look random, so a documentation placeholder (`xxxx`, `0000`, `EXAMPLE…`) is no token.
 */
export function prefixed(
  vendor: string,
  prefixes: readonly string[],
  body: string,
  extra: (token: string) => boolean = () => true,
): TokenFormat {
  return {
    vendor,
    prefixes,
    pattern: new RegExp(`${start}(?:${body})${end}`, 'g'),
    valid: (token) => looksRandom(afterPrefix(token, prefixes)) && extra(token),
  };
}

function afterPrefix(token: string, prefixes: readonly string[]): string {
  const lower = token.toLowerCase();
  let longest = 0;
  for (const p of prefixes) if (p.length > longest && lower.startsWith(p)) longest = p.length;
  return token.slice(longest);
}

/** A random part that mixes cases and digits, for a short prefix that ordinary words and ids also start with. */
export function mixesCaseAndDigits(token: string): boolean {
  return /\d/.test(token) && /[A-Z]/.test(token) && /[a-z]/.test(token);
}

export function hasDigitAndLetter(token: string): boolean {
  return /\d/.test(token) && /[A-Za-z]/.test(token);
}

/** A UUID's text form, the random part of several vendors' keys. */
export const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
