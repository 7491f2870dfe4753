import { candidate, combineDetectors, digitsOnly, type Candidate, type Detector } from './detector';

// Not after a word character, `+`, `.`, `/`, `:` or `-` (order ids, paths, versions), nor after another digit
// group (`1Z 999 AA1 01 2345 6784` is a tracking number, not a phone at its end).
// (A field reference such as HL7's `PID-14 +44 …` is a name, not a digit group.) A `+` may follow a `:` or `.`: no
// version or time goes on with one, a field does (`[from:+2348044241527]`, `stepup=sms:+1 …`, `signup.phone.+1840…`).
const before = '(?<![\\w+/%-]|[.:](?!\\+)|(?<![A-Za-z]-\\d{0,3})\\d[ .-])';
// Not followed by a word character, `-`, or a `.`/`:` that continues a number (timestamps, decimals).
const after = '(?![\\w-]|[.:]\\d)';

/** One number shape: its pattern (without the shared boundaries) and what a match of it must also satisfy. */
interface Shape {
  readonly body: string;
  accept(match: RegExpExecArray): boolean;
}

const shapes: readonly Shape[] = [
  {
    body: '(?:(?:\\+|%2[Bb])[1-9]\\d{7,14}|\\+[1-9]\\d{0,2}\\.\\d{6,14}|(?:\\+|00)[1-9]\\d{0,2}(?:[ .-]?\\(\\d{1,4}\\))?[ .-]?\\d{1,5}(?:[ .-]\\d{2,8}){1,5})',
    accept(m) {
      const digits = digitsOnly(m[0]).length - (m[0].startsWith('00') ? 2 : 0);
      if (digits < 8 || digits > 15) return false;
      // One `.` as the only separator is a decimal (Go's monotonic clock `m=+84014.329877`, a matter `004211.00012`),
      // unless it ends a country code of an E.164 number: EPP's and WHOIS's `+CC.number` (RFC 5733).
      if (/^(?:\+|00)\d+\.\d+$/.test(m[0])) return /^\+\d{1,3}\./.test(m[0]) && isE164(digitsOnly(m[0]));
      return true;
    },
  },
  {
    body: '(?:1[ .-]?)?(?:\\(([2-9]\\d\\d)\\)[ .-]?|([2-9]\\d\\d)([ .-]))\\d{3}([ .-])\\d{4}',
    // Dotted shapes must be dotted throughout, so `555.123-4567`-like fragments of other ids are skipped.
    accept: (m) => m[3] === undefined || (m[3] === '.') === (m[4] === '.'),
  },
  {
    body: '(?:0[1-9]\\d{0,3}|\\(0[1-9]\\d{0,3}\\))(?<sep>[ -])\\d{2,8}(?:\\k<sep>\\d{2,8}){0,3}',
    accept(m) {
      const digits = digitsOnly(m[0]).length;
      // A run of groups that goes on past the number's longest form is a list (drawn numbers `04 11 19 27 33 41`).
      const end = m.index + m[0].length;
      const goesOn = m.input[end] === m.groups?.['sep'] && /\d/.test(m.input[end + 1] ?? '');
      // Germany's mobile numbers (015x, 016x, 017x) have 11 or 12 digits with the trunk 0 (Bundesnetzagentur's plan).
      const longest = /^01[5-7]/.test(m[0]) ? 12 : 11;
      // The 12-digit shape is also a parcel's or a ticket's number grouped by fours: not after such a key word.
      if (digits === 12 && shipmentKeyBefore.test(m.input.slice(Math.max(0, m.index - 32), m.index))) return false;
      return digits >= 10 && digits <= longest && !goesOn;
    },
  },
];

const shipmentKeyBefore =
  /(?:sendung|paket|tracking|shipment|parcel|ticket|auftrag|order|rechnung|invoice)\w*(?:[ _-]?(?:nr|no|nummer|number|id))?\.?\s*[:=#]?\s*["']?$/i;

/**
 * Phone numbers in three shapes:
 * - international: `+` or `00`, a country code, then separated digit groups, or compact `+` E.164 (8..15 digits);
 * - North American: `(555) 123-4567`, `555-123-4567`, `555.123.4567`, optional leading `1`;
 * - national: a leading `0` trunk prefix, maybe in parentheses (`(02) 9876 5432`), and space- or dash-separated
 *   groups, 10..11 digits.
 * Every shape needs separators, so bare digit runs (epoch times, ids, durations) are never phones.
 */
export function createPhoneDetector(): Detector {
  // One pass of all shapes together finds where some shape starts (a pass per shape costs about twice as much); each
  // shape is then tried there on its own, from where its previous match ended, as its own global search would.
  const anyShape = new RegExp(`${before}(?:${shapes.map((shape) => shape.body).join('|')})${after}`, 'g');
  const sticky = shapes.map((shape) => new RegExp(`${before}${shape.body}${after}`, 'y'));
  return combineDetectors('phone', [createShapesPart(anyShape, sticky), createMarkedPart()], normalizePhone);
}

/** The three shapes, found where the one pass of all of them says some shape starts. Not keyword-led: it runs on every
 * line (no cheap test: two close digits, the only one every shape shares, are on four log lines in five, and testing
 * for them cost more than the search it spared on the fifth). */
function createShapesPart(anyShape: RegExp, sticky: readonly RegExp[]): Detector {
  const nextStart = new Int32Array(shapes.length);
  return {
    type: 'phone',
    mayMatch: () => true,
    find(text: string, out: Candidate[]): void {
      // (Three stores: `fill` is a call into the runtime on every line.)
      for (let i = 0; i < shapes.length; i++) nextStart[i] = 0;
      anyShape.lastIndex = 0;
      for (let any = anyShape.exec(text); any !== null; any = anyShape.exec(text)) {
        const at = any.index;
        for (let i = 0; i < shapes.length; i++) {
          if (at < (nextStart[i] as number)) continue;
          const pattern = sticky[i] as RegExp;
          pattern.lastIndex = at;
          const m = pattern.exec(text);
          if (m === null) continue;
          nextStart[i] = at + m[0].length;
          if ((shapes[i] as Shape).accept(m)) out.push(candidate('phone', at, at + m[0].length));
        }
        anyShape.lastIndex = at + 1;
      }
    },
    normalize: normalizePhone,
  };
}

// RFC 3966 `tel:` URIs: the number is whatever the URI says, separators and all (spaces too, as SIP headers write it).
const telUri = /\btel:(\+?[\d(][\d(). -]{5,24}\d)(?![\w-])/g;
// A number as the user part of a SIP address: `sip:+4915...@host`, `sips:0049...@`, FreeSWITCH's channel name
// `sofia/external/+3361...@host`, Asterisk's dialplan `Executing [13055550151@from-trunk:1]`, URL-encoded `%2B`.
const sipUser = /(?:\bsips?(?::|%3A)|\bsofia\/[\w.-]+\/|Executing \[)((?:\+|%2B)?\d{7,15})@/gi;
// X12's contact segment `PER*IC*name*TE*2395551848~`: a telephone qualifier (TE, cell CP, home HP, work WP, beeper BN,
// fax FX) says the next element is a number, written bare.
const x12Contact = /\bPER\*[A-Z0-9]{1,3}\*[^*~\r\n]*\*(?:TE|CP|HP|WP|BN|FX)\*(\+?\d{10,15})(?=[*~\r\n\\]|$)/g;
// UN/EDIFACT's contact segment `COM+<number>:TE'`: code list 3155 names the means (TE telephone, AL cellular, AJ
// alternate telephone, FX telefax) after the address; a number in international form keeps its `+` (`COM++47…:TE'`).
// A field of a `|`-separated record whose two-capital code is glued to the number (SIP2's `|BF+44 20 …|` home phone):
// in international form, as such records write a number with `+`.
const fieldCoded = /\|[A-Z]{2}(\+[1-9]\d{0,2}(?:[ .-]?\d{1,5}){1,6})(?=\||\\?["']|$)/g;
const edifactContact = /\bCOM\+(\+?\d[\d ()./-]{5,24}\d):(?:TE|AL|AJ|FX)(?=['?+]|$)/g;

/**
 * Numbers a notation marks as such, each form run only where the scanner's keyword pass saw its word (a `|`, `tel:`,
 * `PER*`...): a scan of every line for the five cost about a fifth of the shapes' search on loghub.
 */
function createMarkedPart(): Detector {
  // Each form's words, as the keyword pass reads them (any case): every match of the form holds one.
  const keywordGroups = [
    ['tel:'],
    ['sip:', 'sips:', 'sip%3a', 'sips%3a', 'sofia/', 'executing ['],
    ['per*'],
    ['|'],
    ['com+'],
  ];
  const tel = 1;
  const sip = 2;
  const x12 = 4;
  const field = 8;
  const edifact = 16;
  return {
    type: 'phone',
    keywordGroups,
    // (Called only without the scanner: a test.)
    mayMatch: (text) =>
      text.includes('tel:') ||
      text.includes('@') ||
      text.includes('PER*') ||
      text.includes('|') ||
      text.includes('COM+'),
    find(text: string, out: Candidate[], groups = -1): void {
      if ((groups & tel) !== 0) {
        telUri.lastIndex = 0;
        for (let m = telUri.exec(text); m !== null; m = telUri.exec(text)) {
          const digits = digitsOnly(m[1] as string).length;
          if (digits >= 7 && digits <= 15) out.push(candidate('phone', m.index + 4, m.index + m[0].length));
        }
      }
      if ((groups & sip) !== 0) {
        sipUser.lastIndex = 0;
        for (let m = sipUser.exec(text); m !== null; m = sipUser.exec(text)) {
          const end = m.index + m[0].length - 1;
          out.push(candidate('phone', end - (m[1] as string).length, end));
        }
      }
      if ((groups & x12) !== 0) {
        x12Contact.lastIndex = 0;
        for (let m = x12Contact.exec(text); m !== null; m = x12Contact.exec(text)) {
          const end = m.index + m[0].length;
          out.push(candidate('phone', end - (m[1] as string).length, end, m.index, end));
        }
      }
      if ((groups & field) !== 0) {
        fieldCoded.lastIndex = 0;
        for (let m = fieldCoded.exec(text); m !== null; m = fieldCoded.exec(text)) {
          const digits = digitsOnly(m[1] as string).length;
          const end = m.index + m[0].length;
          if (digits >= 8 && digits <= 15)
            out.push(candidate('phone', end - (m[1] as string).length, end, m.index, end));
        }
      }
      if ((groups & edifact) !== 0) {
        edifactContact.lastIndex = 0;
        for (let m = edifactContact.exec(text); m !== null; m = edifactContact.exec(text)) {
          const digits = digitsOnly(m[1] as string).length;
          const end = m.index + 4 + (m[1] as string).length;
          if (digits >= 7 && digits <= 15)
            out.push(candidate('phone', m.index + 4, end, m.index, m.index + m[0].length));
        }
      }
    },
    normalize: normalizePhone,
  };
}

/** ITU-T E.164 country codes (1, 7, the assigned two-digit codes, and the three-digit ranges). */
const countryCode =
  /^(?:1[2-9]\d\d[2-9]\d{6}$|7\d{10}$|(?:2[07]|3[0-469]|4[013-9]|5[1-8]|6[0-6]|8[1246]|9[0-58])\d{9,13}$|(?:2[1-689]|3[578]|42|5[09]|6[7-9]|8[0578]|9[679])\d\d{8,12}$)/;
/** A date-time written as digits (`20261207093000`): a range's bound, not a number to call. */
const digitDate = /^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])/;

/** An international number without its `+`: a country code, and as many digits as a number there has (11-15 in all;
 * North America's and Russia's exactly 11). */
export function isE164(digits: string): boolean {
  return countryCode.test(digits) && !digitDate.test(digits);
}

/** Digits only, with a leading `+` kept (`%2B` too, and `%20` read as the space it is) and a `00` prefix dropped, so
 * spellings of a number share a tag. */
export function normalizePhone(value: string): string {
  const decoded = value.replace(/%2B/gi, '+').replace(/%20/g, ' ');
  return (decoded.startsWith('+') ? '+' : '') + digitsOnly(decoded.startsWith('00') ? decoded.slice(2) : decoded);
}
