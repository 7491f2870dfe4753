import { candidate, keepAsIs, type Candidate, type Detector } from './detector';

/** AWS access key ids: a four-letter kind prefix (AKIA long-term, ASIA temporary, ...) and 16 upper-case characters. */
const kinds = ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'APKA'];

export function createAwsAccessKeyDetector(): Detector {
  const pattern = new RegExp(`(?<![A-Za-z0-9])(?:${kinds.join('|')})[A-Z0-9]{16}(?![A-Za-z0-9])`, 'g');
  const hint = new RegExp(kinds.join('|'));
  return {
    type: 'aws_access_key',
    keywordGroups: [kinds.map((kind) => kind.toLowerCase())],
    mayMatch: (text) => hint.test(text),
    find(text: string, out: Candidate[]): void {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        // AWS's documentation key (`AKIAIOSFODNN7EXAMPLE`) and `AKIAXXXXXXXXXXXXXXXX` are public stand-ins.
        if (/EXAMPLE$|(.)\1{7}/.test(m[0])) continue;
        out.push(candidate('aws_access_key', m.index, m.index + m[0].length));
      }
    },
    normalize: keepAsIs,
  };
}
