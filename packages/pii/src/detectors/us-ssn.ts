import { candidate, combineDetectors, digitsOnly, type Candidate, type Detector } from './detector';

/** SSA rules: area 000, 666 and 900-999, group 00 and serial 0000 are never issued; two numbers were published in ads. */
export function isValidSsn(area: string, group: string, serial: string): boolean {
  if (area === '000' || area === '666' || area[0] === '9') return false;
  if (group === '00' || serial === '0000') return false;
  const whole = area + group + serial;
  return whole !== '078051120' && whole !== '219099999';
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
    /(?<![A-Za-z0-9])(?:tin|tax[ _-]?id(?:entification[ _-]?(?:number|no))?|taxpayer[ _-]?id(?:entification[ _-]?(?:number|no))?)(?![\w-])[^\w\r\n&|;]{0,4}(\d{3})( ?)(\d{2})\2(\d{4})(?![\w-])/gi;
  // A key or element named for the SSN inside a longer camelCase or XML name (`employeeSSN`, NIEM's
  // `<nc:PersonSSNIdentification><nc:IdentificationID>`, `<socialSecurity><number>`): the value, or the first element in it.
  const namedElement =
    /(?<![A-Za-z0-9])[A-Za-z]*(?:[a-z]SSN|SSN[A-Z]|[Ss]ocial[Ss]ecurity)[A-Za-z]*["']?(?:\s*[:=>]|":|'\s*:)\s*["']?(?:<(?:[\w.-]+:)?[A-Za-z]*(?:ID|Id|Number|number|Value|value)>)?(\d{3})( ?)(\d{2})\2(\d{4})(?![\w-])/g;
  // Further numbers of a list after a labelled one (`SSNs 512849031 and 401238755`).
  const listed = /^(?:\s*[,/&]\s*|\s+(?:and|or)\s+)(\d{3})( ?)(\d{2})\2(\d{4})(?![\w-])/i;
  // Records whose structure says which field is the SSN: HL7 v2's PID-19 (`PID|1||…` and 18 fields before it), X12's
  // `REF*SY*` (SY: Social Security Number qualifier).
  const structured =
    /\bPID\|(?:[^|\r\n]*\|){18}(\d{3})-?(\d{2})-?(\d{4})(?=[|^~\r\n\\]|$)|\bREF\*SY\*(\d{3})-?(\d{2})-?(\d{4})(?=[*~\r\n\\]|$)/dg;
  const shape = /\d{3}-\d\d-\d{4}/;
  const label = /ssn|social|tin|tax/i;
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
          ['tin', 'tax'],
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
          for (const [group, pattern] of [
            [1, namedElement],
            [4, taxId],
          ] as const) {
            if ((groups & group) === 0) continue;
            pattern.lastIndex = 0;
            for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
              if (!isValidSsn(m[1] as string, m[3] as string, m[4] as string)) continue;
              const end = m.index + m[0].length;
              out.push(candidate('us_ssn', end - 9 - (m[2] as string).length * 2, end, m.index, end));
            }
          }
          if ((groups & 1) === 0) return;
          labelled.lastIndex = 0;
          for (let m = labelled.exec(text); m !== null; m = labelled.exec(text)) {
            if (!isValidSsn(m[1] as string, m[3] as string, m[4] as string)) continue;
            let end = m.index + m[0].length;
            out.push(candidate('us_ssn', end - 9 - (m[2] as string).length * 2, end, m.index, end));
            for (
              let l = listed.exec(text.slice(end, end + 64));
              l !== null;
              l = listed.exec(text.slice(end, end + 64))
            ) {
              if (!isValidSsn(l[1] as string, l[3] as string, l[4] as string)) break;
              end += l[0].length;
              out.push(candidate('us_ssn', end - 9 - (l[2] as string).length * 2, end, m.index, end));
            }
            labelled.lastIndex = end;
          }
        },
        normalize: digitsOnly,
      },
    ],
    digitsOnly,
  );
}
