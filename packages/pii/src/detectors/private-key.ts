import { candidate, keepAsIs, type Candidate, type Detector } from './detector';

/**
 * age secret keys (`AGE-SECRET-KEY-1` and 58 characters: bech32, or a stand-in of its length in capitals and digits),
 * PuTTY key files' private lines (`Private-Lines: N` and its base64 up to `Private-MAC:`), and PEM private key blocks (`-----BEGIN [RSA |EC |OPENSSH |ENCRYPTED |PGP ]PRIVATE KEY[ BLOCK]-----` to the
 * matching END line), the whole block replaced. A block cut off before its END line is redacted to the end
 * of the text, since the rest of it is key material.
 */
/**
 * Whether a block's body holds base64: a run of 6+ of its characters with a digit, `+` or `/`, or both cases. A body
 * without one is documentation's `-----BEGIN PRIVATE KEY-----\n...\n`, `<key>` or `REDACTED` (a word: one case, no
 * digit), no key.
 */
function holdsKeyMaterial(body: string): boolean {
  for (const run of body.replace(/\\+[nrt]/g, ' ').match(/[A-Za-z0-9+/]{6,}/g) ?? [])
    if (/[\d+/]/.test(run) || (/[a-z]/.test(run) && /[A-Z]/.test(run))) return true;
  return false;
}

export function createPrivateKeyDetector(): Detector {
  const age = /(?<![A-Z0-9-])AGE-SECRET-KEY-1[A-Z0-9]{58}(?![A-Z0-9])/g;
  // The base64 lines after the count, however they are joined (line breaks, escaped `\n`, blanks).
  const puttyLines =
    /Private-Lines:\s*\d{1,4}(?:\s|\\[rn])+([A-Za-z0-9+/]+=*(?:(?:\s|\\[rn])+[A-Za-z0-9+/]+=*(?![\w:-]))*)/g;
  // A block shown cut short after its first few characters (`MIIE...`, `MHcCAQEEI…(truncated)`) holds no key.
  const cutShort = /^(?:\s|\\+[nr])*[A-Za-z0-9+/=]{0,16}(?:\.{3}|…)/;
  const keyMaterialFollows = /^(?:\s*$|\s*(?:\\+[nr]|[\r\n])|\s*[A-Za-z0-9+/=]{16,}|\s*[A-Z][\w-]*:)/;
  const pattern = /-----BEGIN ((?:[A-Z0-9]+ ){0,2}PRIVATE KEY(?: BLOCK)?)-----(?:[\s\S]*?-----END \1-----|[\s\S]*$)/g;
  return {
    type: 'private_key',
    keywordGroups: [['-----begin', 'age-secret-key-', 'private-lines:']],
    mayMatch: (text) =>
      text.includes('-----BEGIN') || text.includes('AGE-SECRET-KEY-') || text.includes('Private-Lines:'),
    find(text: string, out: Candidate[]): void {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        const header = m.index + 16 + (m[1] as string).length;
        // Without its END line, a header followed by prose names a key (`-----BEGIN OPENSSH PRIVATE KEY----- header
        // found but passphrase required`); key material, a line break or a PEM header line follows a real one.
        if (!m[0].includes('-----END ')) {
          const after = text.slice(header, header + 80);
          if (!keyMaterialFollows.test(after) || cutShort.test(after)) continue;
        } else if (!holdsKeyMaterial(m[0].slice(header - m.index))) continue;
        out.push(candidate('private_key', m.index, m.index + m[0].length));
      }
      age.lastIndex = 0;
      for (let m = age.exec(text); m !== null; m = age.exec(text))
        out.push(candidate('private_key', m.index, m.index + m[0].length));
      puttyLines.lastIndex = 0;
      for (let m = puttyLines.exec(text); m !== null; m = puttyLines.exec(text)) {
        const end = m.index + m[0].length;
        out.push(candidate('private_key', end - (m[1] as string).length, end, m.index, end));
      }
    },
    normalize: keepAsIs,
  };
}
