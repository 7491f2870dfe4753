import { candidate, keepAsIs, type Candidate, type Detector } from './detector';

/** AWS access key ids: a four-letter kind prefix (AKIA long-term, ASIA temporary, ...) and 16 upper-case characters. */
export function createAwsAccessKeyDetector(): Detector {
  const pattern = /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16}(?![A-Za-z0-9])/g;
  return {
    type: 'aws_access_key',
    mayMatch: (text) => /A(?:KI|SI|BI|CC|ID|RO|IP|NP|NV|PK)A/.test(text),
    find(text: string, out: Candidate[]): void {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        out.push(candidate('aws_access_key', m.index, m.index + m[0].length));
      }
    },
    normalize: keepAsIs,
  };
}
