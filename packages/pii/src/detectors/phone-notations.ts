import { candidate, digitsOnly, type Candidate, type Detector } from './detector';
import { normalizePhone } from './phone';

// vCard's TEL property (RFC 6350, `TEL;TYPE=WORK:080-4127-3390`): the value after the parameters is a number however it
// is grouped, where the phone shapes' boundary would take the `:` before it for a time's.
const vcardTel = /\bTEL(?:;[\w=,"-]+)*:(\+?[\d(][\d(). -]{5,24}\d)(?![\w-])/g;
// A number sent form-encoded (`phone=%2B31%206%2012345678`, `%2B39+06+4815+2290`): `%2B` is its `+`, and `%20` or `+`
// (the form encoding's space) separates its groups.
const formEncoded = /(?<![\w%])%2[Bb][1-9]\d{0,3}(?:(?:%20|\+)\d{1,8}){1,5}(?![\w%+-])/g;

/**
 * Phone numbers in two notations the phone shapes cannot read: a vCard TEL property and a form-encoded international
 * number. Each runs only where the scanner's keyword pass saw its word (`TEL;`/`TEL:`, `%2B`), so other lines pay
 * nothing for them.
 */
export function createPhoneNotationDetector(): Detector {
  return {
    type: 'phone',
    keywordGroups: [['tel;', 'tel:'], ['%2b']],
    mayMatch: (text) => text.includes('TEL') || /%2B/i.test(text),
    find(text: string, out: Candidate[], groups = 3): void {
      if ((groups & 1) !== 0) {
        vcardTel.lastIndex = 0;
        for (let m = vcardTel.exec(text); m !== null; m = vcardTel.exec(text)) {
          const digits = digitsOnly(m[1] as string).length;
          const end = m.index + m[0].length;
          if (digits >= 7 && digits <= 15)
            out.push(candidate('phone', end - (m[1] as string).length, end, m.index, end));
        }
      }
      if ((groups & 2) !== 0) {
        formEncoded.lastIndex = 0;
        for (let m = formEncoded.exec(text); m !== null; m = formEncoded.exec(text)) {
          const digits = digitsOnly(m[0].replace(/%2[0Bb]/g, '')).length;
          if (digits >= 8 && digits <= 15) out.push(candidate('phone', m.index, m.index + m[0].length));
        }
      }
    },
    normalize: normalizePhone,
  };
}
