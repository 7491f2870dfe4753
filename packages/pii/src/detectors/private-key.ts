import { candidate, keepAsIs, type Candidate, type Detector } from './detector';

/**
 * PEM private key blocks (`-----BEGIN [RSA |EC |OPENSSH |ENCRYPTED |PGP ]PRIVATE KEY[ BLOCK]-----` to the
 * matching END line), the whole block replaced. A block cut off before its END line is redacted to the end
 * of the text, since the rest of it is key material.
 */
export function createPrivateKeyDetector(): Detector {
  const pattern = /-----BEGIN ((?:[A-Z0-9]+ ){0,2}PRIVATE KEY(?: BLOCK)?)-----(?:[\s\S]*?-----END \1-----|[\s\S]*$)/g;
  return {
    type: 'private_key',
    mayMatch: (text) => text.includes('-----BEGIN'),
    find(text: string, out: Candidate[]): void {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        out.push(candidate('private_key', m.index, m.index + m[0].length));
      }
    },
    normalize: keepAsIs,
  };
}
