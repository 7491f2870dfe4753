import { passesLuhn } from '../checksums/luhn';
import { candidate, combineDetectors, digitsOnly, type Candidate, type Detector } from './detector';
import { createHint } from './hint';

/** Issuer prefixes (IIN ranges) of the major networks and the lengths each issues. */
const issuers: ReadonlyArray<readonly [RegExp, readonly number[]]> = [
  [/^4/, [13, 16, 19]], // Visa
  [/^(?:5[1-5]|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720))/, [16]], // Mastercard
  [/^3[47]/, [15]], // American Express
  [/^(?:6011|65|64[4-9])/, [16, 17, 18, 19]], // Discover
  [/^(?:30[0-5]|36|38|39)/, [14, 15, 16, 17, 18, 19]], // Diners Club
  [/^35(?:2[89]|[3-8]\d)/, [16, 17, 18, 19]], // JCB
  [/^62/, [16, 17, 18, 19]], // UnionPay
  [/^(?:5[06-9]|6\d)/, [12, 13, 14, 15, 16, 17, 18, 19]], // Maestro
];

// A key, element or word naming a mobile network's identifier of a subscriber, SIM or handset: IMSIs (15 digits) fall
// in the Diners, Amex and Maestro ranges and pass Luhn one time in ten; IMEIs, ICCIDs and MEIDs carry a Luhn digit.
const mobileIdentifier = /(?:imsi|imei(?:sv)?|iccid|meid)\\?["']?(?:\s*[:=>]|\s)\s*\\?["']?$/i;

// A word naming what the number is an id of (`claimed task 2251…`, `job 2251…`, `processInstanceKey=2251…`): workflow
// engines number their records with 16-19 digits, and one in ten passes Luhn in a card range.
const recordId =
  /(?:job|task|instance|process|workflow|incident)(?:[ _-]?(?:id|key))?\\?["']?(?:\s*[:=]\s*|\s+)\\?["']?$/i;

// A word naming a GS1 identifier (`EAN 4047…`, `gtin=`, `<GLN>`): product barcodes and location numbers of 13 or 14
// digits, one in ten of which passes Luhn in a card range. A whole word: `Sean`, `clean` name no barcode.
const gs1Key = /(?<![A-Za-z])(?:ean|gtin|gln|upc)(?:[-_ ]?(?:8|12|13|14|code))?\\?["']?(?:\s*[:=>]|\s)\s*\\?["']?$/i;

/** GS1's check digit (General Specifications §7.9: weights 3 and 1 from the right of the digits before it). */
function passesGs1(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 2, weight = 3; i >= 0; i--, weight = 4 - weight)
    sum += weight * (digits.charCodeAt(i) - 48);
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(digits.length - 1) - 48;
}

/** A 13-digit number outside Visa's range with GS1's check digit: an EAN-13/GTIN-13 or a GLN (EDI's party ids,
 * Peppol's `0088:` scheme), not one of the rare 13-digit Maestro cards. */
function isGs1Number(digits: string): boolean {
  return digits.length === 13 && digits[0] !== '4' && passesGs1(digits);
}

function isCardNumber(digits: string): boolean {
  const issuer = issuers.find(([prefix]) => prefix.test(digits));
  return issuer !== undefined && issuer[1].includes(digits.length) && passesLuhn(digits);
}

/**
 * Payment card numbers: 13..19 digits, contiguous or in the printed groupings (4-4-4-4[-1..3], Amex 4-6-5,
 * Diners 4-6-4) with one consistent space or dash; the issuer prefix, its lengths and the Luhn check must all hold.
 * A `.` and a digit after it continue a number, and so does a `,` and a digit after a contiguous run, unless that is a
 * CSV column's expiry date (`…,12/28`); after printed groups a `,` ends a CSV field (`…,4889 9400 3587 2055,89.00`). A
 * number under a mobile identifier's name (`imsi=`, `"IMEI":`, `<iccid>`) is that identifier. In a URL-encoded query
 * a card may follow an encoded separator (`card%3D4111…`). A number a word names as a record's id (`job 2251…`) is none.
 * A magnetic stripe's track data holds the card between its sentinels (`%B4111…^NAME^…`, `;4111…=2812…`).
 */
export function createCreditCardDetector(): Detector {
  const card =
    '(?:\\d{13,19}|\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{4}(\\1\\d{1,3})?|\\d{4}([ -])\\d{6}\\3\\d{4,5})(?![\\w-]|\\.\\d|(?<=\\d{13}),\\d(?!\\d?\\/))';
  const pattern = new RegExp(`(?<![\\w.-])${card}`, 'g');
  // In a URL-encoded query the separator before a value is encoded too (`card%3D4111…%26exp`: `=`, `,`, `:`, a blank).
  const encoded = new RegExp(`%(?:3[DdAa]|2[0Cc])${card}`, 'g');
  // Every accepted shape starts, where the pattern may start, with ten digits in at most three groups (the boundary
  // keeps ids glued to words, `blk_-1608999687919862906`, from passing). The boundary is read after the first digit
  // (`\d(?<![\w.-]\d)` is `(?<![\w.-])\d`): a pattern that starts on a digit skips to the next one, one that starts on a
  // look-behind tries it at every position (loghub: ~120 -> ~50 ns a line, hot). It matches where a card's match
  // starts, so find's search starts there.
  const hint = createHint(/\d(?<![\w.-]\d)\d{3}[ -]?\d{4}[ -]?\d\d/, 0);
  // A card's magnetic stripe as a reader hands it over (ISO/IEC 7813): track 1 `%B<number>^<NAME>^<YYMM>…?`, track 2
  // `;<number>=<YYMM>…?`. The hint starts on its literal (the pattern's second half starts on a look-behind).
  const track = /%B(\d{12,19})\^|(?<![\w;]);(\d{12,19})=\d{4}/g;
  const trackHint = /%B\d{12}|;\d{12,19}=/;
  // Two parts: the printed number by its own test on every line, and the encoded and track forms where the scanner's
  // keyword pass saw their marks (three substring tests of every line cost a third of the hint's time on loghub).
  return combineDetectors(
    'credit_card',
    [
      {
        type: 'credit_card',
        mayMatch: (text) => hint.test(text),
        find(text: string, out: Candidate[]): void {
          findCards(text, pattern, 0, hint.searchFrom(text), out);
        },
        normalize: digitsOnly,
      },
      {
        type: 'credit_card',
        keywordGroups: [
          ['%3d', '%3a', '%20', '%2c'],
          ['%b', ';'],
        ],
        mayMatch: (text) => text.includes('%') || text.includes(';'),
        find(text: string, out: Candidate[], groups = 3): void {
          if ((groups & 1) !== 0) findCards(text, encoded, 3, 0, out);
          if ((groups & 2) === 0 || !trackHint.test(text)) return;
          track.lastIndex = 0;
          for (let m = track.exec(text); m !== null; m = track.exec(text)) {
            const number = (m[1] ?? m[2]) as string;
            const start = m.index + (m[1] === undefined ? 1 : 2);
            if (isCardNumber(number))
              out.push(candidate('credit_card', start, start + number.length, m.index, m.index + m[0].length));
          }
        },
        normalize: digitsOnly,
      },
    ],
    digitsOnly,
  );
}

/** Pushes the cards `search` finds from `from`, each `lead` characters into its match (an encoded separator before it). */
function findCards(text: string, search: RegExp, lead: number, from: number, out: Candidate[]): void {
  search.lastIndex = from;
  for (let m = search.exec(text); m !== null; m = search.exec(text)) {
    const start = m.index + lead;
    const number = m[0].slice(lead);
    const before = text.slice(Math.max(0, start - 24), start);
    if (mobileIdentifier.test(before) || recordId.test(before) || gs1Key.test(before)) continue;
    if (isGs1Number(number)) continue;
    if (isCardNumber(digitsOnly(number))) {
      out.push(candidate('credit_card', start, start + number.length));
    } else if (m[2] !== undefined) {
      // A trailing group may be unrelated digits after a 16-digit card: test the card without it.
      const body = number.slice(0, number.length - m[2].length);
      if (isCardNumber(digitsOnly(body))) out.push(candidate('credit_card', start, start + body.length));
    }
  }
}
