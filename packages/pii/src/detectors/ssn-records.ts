import { afterAnyBut } from '../keyword-scan';
import { candidate, digitsOnly, type Candidate, type Detector } from './detector';
import { isValidSsn } from './us-ssn-number';

/**
 * SSNs where a documented record layout puts them, with no key: each record is read as its specification writes it,
 * the record's type or segment first, the SSN at its position, and the fields around it at their documented widths and
 * characters, so a line of another layout that happens to start alike is left alone.
 *
 * - HL7 v2 `PID` segment, field 19 (SSN number - patient): `PID|1||…` and 18 fields before it.
 * - ASC X12 (the 834 enrollment): `REF*SY*` (SY: Social Security Number) and `REF*0F*` (0F: subscriber number, which
 *   an 834 fills with the subscriber's SSN) reference segments; an `NM1` name segment whose identification code
 *   qualifier (NM108) is `34` (Social Security Number), the SSN in NM109.
 * - NCIC messages: the `SOC/` field (social security number, nine digits) between `.`-separated fields, in a message
 *   that carries the person's other descriptors (`NAM/`, `DOB/`, `SEX/`, `RAC/`).
 * - NEMSIS: `ePatient.12` (v3, Social Security Number) and `E06_10` (v2) elements.
 * - SSA's EFW2 wage report: the `RW` employee record (SSN at 3-11, then first name 12-26, middle 27-41, last 42-61), the
 *   `RS` state record (state code 3-4, taxing entity 5-9, SSN 10-18, names 19-68), and EFW2C's `RCW` correction record
 *   (originally reported SSN 4-12, blank when not corrected; correct SSN 13-21; the original names, blank when not
 *   corrected, 22-71; the correct first name from 72).
 * - IRS Publication 1220's payee `B` record: payment year 2-5, corrected-return indicator 6, name control 7-10, type
 *   of TIN 11 (`2`: an SSN, ITIN or ATIN; `1`, an EIN, is left), the TIN 12-20, the payer's account for the payee
 *   21-40, office code 41-44, blanks 45-54, the first payment amount 55-66.
 *
 * A fixed-width record may follow a log's prefix: it starts at the line's start or after a blank, a `:`, a quote, a
 * `=` or a `>`. An `RW` record whose name fields are off their widths (a name and its padding blanks, twice) is read
 * too: the record type, nine digits and two padded name fields at the line's start are the layout's all the same.
 *
 * And where a database error quotes the value beside the index or column it broke: MySQL's duplicate-key error
 * (ER_DUP_ENTRY, 1062: `Duplicate entry '…' for key '…'`) and PostgreSQL's unique-violation detail (`Key (ssn)=(…)
 * already exists.`), when the key or column is named for the SSN (`uq_juror_ssn`, `employees.ssn_UNIQUE`).
 */

// Name fields of a fixed-width record: left-justified letters (and a name's blank, hyphen, apostrophe or period),
// filled with blanks. A last name may end the line when a log trims the record's trailing blanks.
const name = (width: number): string => `[A-Za-z][A-Za-z .'-]{${width - 1}}`;
const lastName = `[A-Za-z](?:[A-Za-z .'-]{19}|[A-Za-z .'-]{0,18}$)`;
const optionalName = (width: number): string => `[A-Za-z .'-]{${width}}`;
const recordStart = `(?:^|(?<=[\\s:"'=>]))`;

const hl7 = /(?<![A-Za-z0-9])PID\|(?:[^|\r\n]*\|){18}(\d{3}-?\d{2}-?\d{4})(?=[|^~\r\n\\]|$)/dg;
const x12Reference = /(?<![A-Za-z0-9])REF\*(?:SY|0F)\*(\d{3}-?\d{2}-?\d{4})(?=[*~\r\n\\]|$)/dg;
// NM101 entity, NM102 entity type, NM103-NM107 the name's five parts, then NM108 `34` and NM109.
const x12Name = /(?<![A-Za-z0-9])NM1\*(?:[^*~\r\n]*\*){7}34\*(\d{3}-?\d{2}-?\d{4})(?=[*~\r\n\\]|$)/dg;
const ncic = /(?<=^|[.\s])SOC\/(\d{9})(?=[.\s]|$)/dg;
const ncicPerson = /(?:^|[.\s])(?:NAM|DOB|SEX|RAC)\//;
const nemsis = /<(?:[\w.-]+:)?(?:ePatient\.12|E06_10)>(\d{3}-?\d{2}-?\d{4})<\//dg;
const efw2 = new RegExp(
  [
    `${recordStart}RW(\\d{9})(?=${name(15)}${optionalName(15)}${lastName})`,
    `${recordStart}RS\\d\\d[A-Za-z0-9 ]{5}(\\d{9})(?=${name(15)}${optionalName(15)}${lastName})`,
    `${recordStart}RCW(\\d{9}| {9})(\\d{9})(?=${optionalName(50)}${name(15)})`,
    `${recordStart}RW(\\d{9})(?=[A-Za-z][A-Za-z.'-]{0,24} {2,}[A-Za-z][A-Za-z.'-]{0,24} {2,}[A-Za-z\\d])`,
  ].join('|'),
  'dg',
);
const payee = new RegExp(
  `${recordStart}B(?:19|20)\\d\\d[ GC][A-Za-z0-9&' -]{4}2(\\d{9})(?=[^\\r\\n]{24} {10}\\d{12})`,
  'dg',
);

const duplicateEntry = /Duplicate entry '(\d{3}-?\d{2}-?\d{4})' for key '([^'\r\n]{1,192})'/dg;
const uniqueViolation = /Key \(([^()\r\n]{1,64})\)=\((\d{3}-?\d{2}-?\d{4})\)/dg;
/** An index or column named for the SSN: `ssn` or `social_security` between non-letters (`uq_juror_ssn`, `ssn_UNIQUE`). */
const ssnName = /(?:^|[^A-Za-z])(?:ssn|social[_ -]?security)(?![A-Za-z])/i;

/** The valid SSN a database error quotes (group `value`) beside an index or column (group `key`) named for it. */
function pushDuplicates(pattern: RegExp, valueGroup: number, keyGroup: number, text: string, out: Candidate[]): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const digits = digitsOnly(m[valueGroup] as string);
    if (!ssnName.test(m[keyGroup] as string) || !isValidSsn(digits.slice(0, 3), digits.slice(3, 5), digits.slice(5)))
      continue;
    const [start, end] = (m.indices as RegExpIndicesArray)[valueGroup] as [number, number];
    out.push(candidate('us_ssn', start, end, m.index, m.index + m[0].length));
  }
}

/** Each valid SSN a pattern's numbered groups hold, as a candidate of its own with the match as its context. */
function pushRecords(pattern: RegExp, text: string, out: Candidate[]): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const indices = m.indices as RegExpIndicesArray;
    for (let g = 1; g < m.length; g++) {
      const digits = digitsOnly(m[g] ?? '');
      if (digits.length !== 9 || !isValidSsn(digits.slice(0, 3), digits.slice(3, 5), digits.slice(5))) continue;
      const [start, end] = indices[g] as [number, number];
      out.push(candidate('us_ssn', start, end, m.index, Math.max(end, m.index + m[0].length)));
    }
  }
}

/** Where a fixed-width record's type may start: the line's start or after a blank, `:`, quote, `=` or `>`. */
const notBeforeRecord = /[^\s:"'=>]/;

export function createSsnRecordsDetector(): Detector {
  return {
    type: 'us_ssn',
    keywordGroups: [
      ['pid|'],
      ['ref*sy*', 'ref*0f*', 'nm1*'],
      ['soc/'],
      ['epatient.12>', 'e06_10>'],
      [
        ...afterAnyBut(notBeforeRecord, 'rw'),
        ...afterAnyBut(notBeforeRecord, 'rs'),
        ...afterAnyBut(notBeforeRecord, 'rcw'),
      ],
      [...afterAnyBut(notBeforeRecord, 'b19'), ...afterAnyBut(notBeforeRecord, 'b20')],
      ['duplicate entry', 'key ('],
    ],
    mayMatch: (text) =>
      /PID\||REF\*|NM1\*|SOC\/|ePatient\.12>|E06_10>|(?:^|[\s:"'=>])(?:R[WS]\d|RCW[\d ]|B(?:19|20)\d)|duplicate entry|key \(/i.test(
        text,
      ),
    find(text: string, out: Candidate[], groups = 127): void {
      if ((groups & 1) !== 0) pushRecords(hl7, text, out);
      if ((groups & 2) !== 0) {
        pushRecords(x12Reference, text, out);
        pushRecords(x12Name, text, out);
      }
      if ((groups & 4) !== 0 && ncicPerson.test(text)) pushRecords(ncic, text, out);
      if ((groups & 8) !== 0) pushRecords(nemsis, text, out);
      if ((groups & 16) !== 0) pushRecords(efw2, text, out);
      if ((groups & 32) !== 0) pushRecords(payee, text, out);
      if ((groups & 64) !== 0) {
        pushDuplicates(duplicateEntry, 1, 2, text, out);
        pushDuplicates(uniqueViolation, 2, 1, text, out);
      }
    },
    normalize: digitsOnly,
  };
}
