import { WILDCARD } from './masking';

const digit = /\d/g;
const letter = /[a-zA-Z]/g;
const allHex = /^[0-9a-fA-F]+$/;

/** A word carries meaning (more letters than digits, not hex, no wildcard): "start", "SOCKS5" and "ssh2" are words,
 * "t761" and "9f4ef63" are variables. */
export function isWord(token: string): boolean {
  if (token.includes(WILDCARD)) return false;
  const digits = countMatches(token, digit);
  if (digits === 0) return true;
  return !allHex.test(token) && digits < countMatches(token, letter);
}

function countMatches(token: string, pattern: RegExp): number {
  return token.match(pattern)?.length ?? 0;
}
