import { candidate, keepAsIs, type Candidate, type Detector } from './detector';

/**
 * JSON Web Tokens: base64url `header.payload.signature` where header and payload are JSON objects (`eyJ` is
 * base64 for `{"`), and five-part JWE tokens. The signature may be empty (alg none); the whole token is always
 * taken, never a prefix.
 */
export function createJwtDetector(): Detector {
  const pattern = /(?<![\w-])eyJ[\w-]{5,}(?:(?:\.[\w-]*){3}\.[\w-]+|\.eyJ[\w-]{5,}\.[\w-]*)(?![\w-])/g;
  return {
    type: 'jwt',
    // The scanner's keyword pass finds `eyj` in any case; the pattern then wants it exactly.
    keywordGroups: [['eyj']],
    mayMatch: (text) => text.includes('eyJ'),
    find(text: string, out: Candidate[]): void {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        out.push(candidate('jwt', m.index, m.index + m[0].length));
      }
    },
    normalize: keepAsIs,
  };
}
