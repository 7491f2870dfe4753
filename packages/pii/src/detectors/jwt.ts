import { candidate, keepAsIs, type Candidate, type Detector } from './detector';

/**
 * JSON Web Tokens: base64url `header.payload.signature` where header and payload are JSON objects (`eyJ` is
 * base64 for `{"`). The signature may be empty (alg none); the whole token is always taken, never a prefix.
 */
export function createJwtDetector(): Detector {
  const pattern = /(?<![\w-])eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*(?![\w-])/g;
  return {
    type: 'jwt',
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
