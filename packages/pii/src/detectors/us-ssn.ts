import { afterAnyBut } from '../keyword-scan';
import { candidate, combineDetectors, digitsOnly, type Candidate, type Detector } from './detector';

/** SSA rules: area 000, 666 and 900-999, group 00 and serial 0000 are never issued; two numbers were published in ads. */
export function isValidSsn(area: string, group: string, serial: string): boolean {
  if (area === '000' || area === '666' || area[0] === '9') return false;
  if (group === '00' || serial === '0000') return false;
  const whole = area + group + serial;
  return whole !== '078051120' && whole !== '219099999';
}

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;

/**
 * The words (runs of letters, not after a digit) naming the SSN inside a longer name at case boundaries: `SSN` at the
 * word's edge or after a lower case letter, and at its edge or before a capital (`employeeSSN`,
 * `PersonSSNIdentification`; not `BUSINESSNUMBER`, `PROCESSNUMBER`), or
 * `socialSecurity` / `SocialSecurity` (`Social` at the word's start or after a lower case letter). Found by indexOf and
 * walked to the word's edges once per word: a pattern `[A-Za-z]*SSN[A-Za-z]*` backtracked quadratically on `aSSNaSSN…`.
 */
export function namedSsnWords(text: string): Array<[number, number]> {
  const words: Array<[number, number]> = [];
  let searched = 0; // where the last word ended: no word is walked twice
  for (const needle of ['SSN', 'ocial'] as const) {
    for (let at = text.indexOf(needle, searched); at >= 0; at = text.indexOf(needle, searched)) {
      let start = at;
      while (start > searched && isLetter(text.charCodeAt(start - 1))) start--;
      let end = at + needle.length;
      while (end < text.length && isLetter(text.charCodeAt(end))) end++;
      searched = end;
      if (start > 0 && text.charCodeAt(start - 1) >= 48 && text.charCodeAt(start - 1) <= 57) continue;
      if (start > 0 && isLetter(text.charCodeAt(start - 1))) continue; // the word began before `searched`
      const named = needle === 'SSN' ? ssnAtBoundary(text, start, end) : socialSecurityIn(text, start, end);
      if (named) words.push([start, end]);
    }
    searched = 0;
  }
  return words.sort((a, b) => a[0] - b[0]);
}

/** An `SSN` (or `SSNs`) in the word text[start, end) between case boundaries (the word's edge, a lower case letter
 * before, a capital after), the word longer than it. */
function ssnAtBoundary(text: string, start: number, end: number): boolean {
  for (let at = text.indexOf('SSN', start); at >= 0 && at + 3 <= end; at = text.indexOf('SSN', at + 1)) {
    const left = at === start || isLower(text.charCodeAt(at - 1));
    const right = at + 3 === end || isUpper(text.charCodeAt(at + 3)) || (at + 4 === end && text[at + 3] === 's');
    if (left && right && end - start > 4) return true;
  }
  return false;
}

/** `socialSecurity` or `SocialSecurity` in the word text[start, end), at its start or after a lower case letter. */
function socialSecurityIn(text: string, start: number, end: number): boolean {
  for (let at = text.indexOf('ocial', start); at >= 0 && at + 13 <= end; at = text.indexOf('ocial', at + 1)) {
    const s = text[at - 1];
    if (at - 1 < start || (s !== 'S' && s !== 's') || !/^[Ss]ecurity/.test(text.slice(at + 5, at + 13))) continue;
    if (at - 1 === start || (s === 'S' && isLower(text.charCodeAt(at - 2)))) return true;
  }
  return false;
}

/** A line that names the TIN an EIN (`tin_type":"EIN"`, `FEIN`). An undashed EIN has the SSN's nine digits. */
const einLine = /(?<![A-Za-z])(?:F?EIN|f?ein)(?:s|S)?(?![a-z])/;
/** A TIN key named for a business (`employer_tin`, `vendor.tax_id`, `EMPLOYER tax id`, `companies taxpayerId`), read
 * backwards from the key. */
const businessKey =
  /(?<![A-Za-z])(?:[Ee]mployer|[Vv]endor|[Mm]erchant|[Pp]ayer|[Cc]ompan(?:y|ies)|[Bb]usiness|EMPLOYER|VENDOR|MERCHANT|PAYER|COMPAN(?:Y|IES)|BUSINESS)(?:s|S)?[ _.-]?["']?$/;
/** The field just before the TIN key names a business that owns it (`vendor=Acme Supply LLC tax_id=`,
 * `{"merchant":"Acme Corp","tin"`, `payerName=Northwind TIN`). Not an employer's: a record naming the employer holds
 * the employee's SSN (`"employer":"Acme Corp","tax_id"`). */
const businessField =
  /(?<![A-Za-z])(?:vendor|merchant|compan(?:y|ies)|business|payer)\w{0,8}["']?\s*[:=]\s*["']?[^"'=:,;&|\r\n]{1,40}["']?[\s,;&|]*["']?$/i;

/** Whether the TIN key at `at` is a business's: the line names an EIN, or the key or the field before it a business. */
function businessTin(text: string, at: number): boolean {
  if (einLine.test(text)) return true;
  const before = text.slice(Math.max(0, at - 64), at);
  return businessKey.test(before) || businessField.test(before);
}

/** Each match of `pattern` (groups: area, separator, group, serial) that is a valid SSN, the match its context; with
 * `list`, each further number of a list after it (`SSNs 512849031 and 401238755`); not a match `skip` names. */
function pushLabelled(
  pattern: RegExp,
  text: string,
  out: Candidate[],
  list?: RegExp,
  skip?: (text: string, at: number) => boolean,
): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (!isValidSsn(m[1] as string, m[3] as string, m[4] as string)) continue;
    if (skip?.(text, m.index) === true) continue;
    let end = m.index + m[0].length;
    out.push(candidate('us_ssn', end - 9 - (m[2] as string).length * 2, end, m.index, end));
    for (let l = list?.exec(text.slice(end, end + 64)); l != null; l = list?.exec(text.slice(end, end + 64))) {
      if (!isValidSsn(l[1] as string, l[3] as string, l[4] as string)) break;
      end += l[0].length;
      out.push(candidate('us_ssn', end - 9 - (l[2] as string).length * 2, end, m.index, end));
    }
    pattern.lastIndex = end;
  }
}

/**
 * US Social Security numbers written `AAA-GG-SSSS` (also after a `_` in a file name), or as nine digits (or
 * space-separated) after an `SSN` / `SSNs` / `social security number` label: right after it as a key, an XML element
 * (`<ns2:SSN>`) or a call's argument (`fill('#ssn', '…')`), or up to three words on in prose (`ssn check: caller
 * entered …`), and each further number of a list there (`SSNs … and …`). Unlabelled bare nine-digit numbers are too
 * often ids to redact.
 */
export function createUsSsnDetector(): Detector {
  const dashed = /(?<![A-Za-z0-9-])(\d{3})-(\d{2})-(\d{4})(?![\w-]|[.:]\d)/g;
  // The label (a key's last word, so not `ssn_status`), up to four marks (`: `, `>`, `', '`), then up to three words
  // each ended by a blank, `:` or `.:` (prose, never another key's `=` or JSON's `","`), then the number.
  const labelled =
    /(?<![A-Za-z0-9])(?:ssns?|social[ _-]security(?:[ _-](?:numbers?|nos?))?)(?![\w-])[^\w\r\n&|;]{0,4}(?:[A-Za-z]{1,16}\.?:?[ \t]+){0,3}(\d{3})( ?)(\d{2})\2(\d{4})(?![\w-])/gi;
  // The IRS's taxpayer identification number: for a person it is the SSN (or an ITIN, area 9xx, which the SSA rules
  // leave out; an EIN is written `NN-NNNNNNN`, another shape). `TIN=`, `tax_id`, `taxId`, `taxpayer_id`, `tax id`,
  // then the SSN shape right after the key's marks (`tin="820 17 6220"`, `<TaxId>039425264</TaxId>`).
  const taxId =
    /(?<![A-Za-z0-9])(?:tin|tax(?:payer)?[ _-]?id(?:entification[ _-]?(?:number|no))?)(?![\w-])[^\w\r\n&|;]{0,4}(\d{3})( ?)(\d{2})\2(\d{4})(?![\w-])/gi;
  // After a key or element named for the SSN inside a longer camelCase or XML name (`employeeSSN`, NIEM's
  // `<nc:PersonSSNIdentification><nc:IdentificationID>`, `<socialSecurity><number>`): the value, or the first element in it.
  const namedValue =
    /["']?(?:\s*[:=>]|":|'\s*:)\s*["']?(?:<(?:[\w.-]+:)?[A-Za-z]*(?:ID|Id|Number|number|Value|value)>)?(\d{3})( ?)(\d{2})\2(\d{4})(?![\w-])/y;
  // Further numbers of a list after a labelled one (`SSNs 512849031 and 401238755`).
  const listed = /^(?:\s*[,/&]\s*|\s+(?:and|or)\s+)(\d{3})( ?)(\d{2})\2(\d{4})(?![\w-])/i;
  // Records whose structure says which field is the SSN: HL7 v2's PID-19 (`PID|1||…` and 18 fields before it), X12's
  // `REF*SY*` (SY: Social Security Number qualifier).
  const structured =
    /\bPID\|(?:[^|\r\n]*\|){18}(\d{3})-?(\d{2})-?(\d{4})(?=[|^~\r\n\\]|$)|\bREF\*SY\*(\d{3})-?(\d{2})-?(\d{4})(?=[*~\r\n\\]|$)/dg;
  const shape = /\d{3}-\d\d-\d{4}/;
  // `tin` and `tax` as a word's start (not `setting`, `routing`, `syntax`): the keyword pass reads them after each
  // character but a letter or digit, as the pattern's look-behind does.
  const label = /ssn|social|(?<![A-Za-z0-9])(?:tin|tax)/i;
  const keyStart = /[A-Za-z0-9]/;
  // Two parts: the shape's own test, and the words of the label and of the records (`ssn`, `PID|`...) found in the
  // scanner's keyword pass (a case-insensitive scan of every line for the label, or two for the records' words, cost
  // about as much as the shape's).
  return combineDetectors(
    'us_ssn',
    [
      {
        type: 'us_ssn',
        mayMatch: (text) => shape.test(text),
        find(text: string, out: Candidate[]): void {
          dashed.lastIndex = 0;
          for (let m = dashed.exec(text); m !== null; m = dashed.exec(text)) {
            if (isValidSsn(m[1] as string, m[2] as string, m[3] as string))
              out.push(candidate('us_ssn', m.index, m.index + m[0].length));
          }
        },
        normalize: digitsOnly,
      },
      {
        type: 'us_ssn',
        keywordGroups: [
          ['ssn', 'social'],
          ['pid|', 'ref*sy*'],
          [...afterAnyBut(keyStart, 'tin'), ...afterAnyBut(keyStart, 'tax')],
        ],
        mayMatch: (text) => label.test(text) || text.includes('PID|') || text.includes('REF*SY*'),
        find(text: string, out: Candidate[], groups = 7): void {
          if ((groups & 2) !== 0) {
            structured.lastIndex = 0;
            for (let m = structured.exec(text); m !== null; m = structured.exec(text)) {
              const first = m[1] === undefined ? 4 : 1;
              if (!isValidSsn(m[first] as string, m[first + 1] as string, m[first + 2] as string)) continue;
              const end = m.index + m[0].length;
              const start = (m.indices as RegExpIndicesArray)[first]?.[0] as number;
              out.push(candidate('us_ssn', start, end, m.index, end));
            }
          }
          if ((groups & 1) !== 0) {
            for (const [start, end] of namedSsnWords(text)) {
              namedValue.lastIndex = end;
              const m = namedValue.exec(text);
              if (m === null || !isValidSsn(m[1] as string, m[3] as string, m[4] as string)) continue;
              const last = end + m[0].length;
              out.push(candidate('us_ssn', last - 9 - (m[2] as string).length * 2, last, start, last));
            }
          }
          if ((groups & 4) !== 0) pushLabelled(taxId, text, out, undefined, businessTin);
          if ((groups & 1) !== 0) pushLabelled(labelled, text, out, listed);
        },
        normalize: digitsOnly,
      },
    ],
    digitsOnly,
  );
}
