import { candidate, digitsOnly, type Candidate, type Detector } from './detector';

// Not after a word character, `+`, `.`, `/`, `:` or `-` (order ids, paths, versions), nor after another digit
// group (`1Z 999 AA1 01 2345 6784` is a tracking number, not a phone at its end).
const before = '(?<![\\w+./:-]|\\d[ .-])';
// Not followed by a word character, `-`, or a `.`/`:` that continues a number (timestamps, decimals).
const after = '(?![\\w-]|[.:]\\d)';

/**
 * Phone numbers in three shapes:
 * - international: `+` or `00`, a country code, then separated digit groups, or compact `+` E.164 (8..15 digits);
 * - North American: `(555) 123-4567`, `555-123-4567`, `555.123.4567`, optional leading `1`;
 * - national: a leading `0` trunk prefix, maybe in parentheses (`(02) 9876 5432`), and space- or dash-separated
 *   groups, 10..11 digits.
 * Every shape needs separators, so bare digit runs (epoch times, ids, durations) are never phones.
 */
export function createPhoneDetector(): Detector {
  const international = new RegExp(
    `${before}(?:\\+[1-9]\\d{7,14}|(?:\\+|00)[1-9]\\d{0,2}(?:[ .-]?\\(\\d{1,4}\\))?[ .-]?\\d{1,5}(?:[ .-]\\d{2,8}){1,5})${after}`,
    'g',
  );
  const northAmerican = new RegExp(
    `${before}(?:1[ .-]?)?(?:\\(([2-9]\\d\\d)\\)[ .-]?|([2-9]\\d\\d)([ .-]))\\d{3}([ .-])\\d{4}${after}`,
    'g',
  );
  const europeanNational = new RegExp(`${before}(?:0[1-9]\\d{0,3}|\\(0[1-9]\\d{0,3}\\))([ -])\\d{2,8}(?:\\1\\d{2,8}){0,3}${after}`, 'g');

  // RFC 3966 `tel:` URIs: the number is whatever the URI says, separators and all.
  const telUri = /\btel:(\+?[\d(][\d().-]{5,24}\d)(?![\w-])/g;
  return {
    type: 'phone',
    mayMatch: (text) => /\d[ .()-]?\d/.test(text),
    find(text: string, out: Candidate[]): void {
      if (text.includes('tel:')) {
        telUri.lastIndex = 0;
        for (let m = telUri.exec(text); m !== null; m = telUri.exec(text)) {
          const digits = digitsOnly(m[1] as string).length;
          if (digits >= 7 && digits <= 15) out.push(candidate('phone', m.index + 4, m.index + m[0].length));
        }
      }
      // An international number starts with `+` or `00`: most lines have neither, and skip the widest pattern.
      international.lastIndex = 0;
      const anyInternational = text.includes('+') || text.includes('00');
      for (let m = anyInternational ? international.exec(text) : null; m !== null; m = international.exec(text)) {
        const digits = digitsOnly(m[0]).length - (m[0].startsWith('00') ? 2 : 0);
        if (digits >= 8 && digits <= 15) out.push(candidate('phone', m.index, m.index + m[0].length));
      }
      northAmerican.lastIndex = 0;
      for (let m = northAmerican.exec(text); m !== null; m = northAmerican.exec(text)) {
        // Dotted shapes must be dotted throughout, so `555.123-4567`-like fragments of other ids are skipped.
        if (m[3] !== undefined && (m[3] === '.') !== (m[4] === '.')) continue;
        out.push(candidate('phone', m.index, m.index + m[0].length));
      }
      europeanNational.lastIndex = 0;
      for (let m = europeanNational.exec(text); m !== null; m = europeanNational.exec(text)) {
        const digits = digitsOnly(m[0]).length;
        if (digits >= 10 && digits <= 11) out.push(candidate('phone', m.index, m.index + m[0].length));
      }
    },
    normalize: (value) => (value.startsWith('+') ? '+' : '') + digitsOnly(value.startsWith('00') ? value.slice(2) : value),
  };
}
