import { candidate, keepAsIs, type Candidate, type Detector } from './detector';

/**
 * age secret keys (`AGE-SECRET-KEY-1...`, bech32) and PEM private key blocks (`-----BEGIN [RSA |EC |OPENSSH |ENCRYPTED |PGP ]PRIVATE KEY[ BLOCK]-----` to the
 * matching END line), the whole block replaced. A block cut off before its END line is redacted to the end
 * of the text, since the rest of it is key material.
 */
export function createPrivateKeyDetector(): Detector {
  const age = /(?<![A-Z0-9-])AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![A-Z0-9])/g;
  const keyMaterialFollows = /^(?:\s*$|\s*(?:\\+[nr]|[\r\n])|\s*[A-Za-z0-9+/=]{16,}|\s*[A-Z][\w-]*:)/;
  const pattern = /-----BEGIN ((?:[A-Z0-9]+ ){0,2}PRIVATE KEY(?: BLOCK)?)-----(?:[\s\S]*?-----END \1-----|[\s\S]*$)/g;
  return {
    type: 'private_key',
    keywordGroups: [['-----begin', 'age-secret-key-']],
    mayMatch: (text) => text.includes('-----BEGIN') || text.includes('AGE-SECRET-KEY-'),
    find(text: string, out: Candidate[]): void {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        const header = m.index + 16 + (m[1] as string).length;
        // Without its END line, a header followed by prose names a key (`-----BEGIN OPENSSH PRIVATE KEY----- header
        // found but passphrase required`); key material, a line break or a PEM header line follows a real one.
        if (!m[0].includes('-----END ') && !keyMaterialFollows.test(text.slice(header, header + 80))) continue;
        out.push(candidate('private_key', m.index, m.index + m[0].length));
      }
      age.lastIndex = 0;
      for (let m = age.exec(text); m !== null; m = age.exec(text))
        out.push(candidate('private_key', m.index, m.index + m[0].length));
    },
    normalize: keepAsIs,
  };
}
