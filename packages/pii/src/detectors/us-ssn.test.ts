import { findValues } from '../testing';
import { createUsSsnDetector, namedSsnWords } from './us-ssn';

describe('us ssn detector', () => {
  const detector = createUsSsnDetector();

  test.each([
    ['finds a dashed SSN when in prose', 'applicant 123-45-6789 verified', ['123-45-6789']],
    ['finds a bare SSN when labelled', 'SSN: 123456789', ['123456789']],
    ['finds a space-separated SSN when labelled', '"social_security_number":"123 45 6789"', ['123 45 6789']],
    [
      'finds a dashed SSN when glued after an underscore in a file name',
      'stored 1099_2025_234-56-7012.pdf',
      ['234-56-7012'],
    ],
    ['finds an SSN when in a namespaced XML element', '<tax:SSN>234567012</tax:SSN>', ['234567012']],
    ['finds an SSN when the label is a call argument', "type('input#ssn', '234 56 7012')", ['234 56 7012']],
    ['finds an SSN when a few words follow the label', 'SSN lookup: agent typed 234567012 twice', ['234567012']],
    ['finds an SSN when after a numbered label', 'Social Security No.: 234 56 7012', ['234 56 7012']],
    [
      'finds every SSN when a plural label lists them',
      'ssns 234567012, 345678123 or 456789234 queued',
      ['234567012', '345678123', '456789234'],
    ],
    ['finds only the valid SSN when a list holds an invalid one', 'SSNs 234567012 and 900123456', ['234567012']],
    ['finds an SSN when under a TIN key', 'w9 tin=345678123 type=individual', ['345678123']],
    [
      'finds an SSN when an employer names the record but not the TIN',
      '{"name":"Ana Ruiz","employer":"Acme Corp","tax_id":"345678123"}',
      ['345678123'],
    ],
    [
      'finds an SSN when a payer stands fields before the TIN key',
      '1099-NEC payer=Acme LLC recipient="Ana Ruiz" recipient_tin=345678123',
      ['345678123'],
    ],
    [
      'finds an SSN when the company is only in the message',
      'w2 issued by our company to employee Ana Ruiz, tax id 456789234',
      ['456789234'],
    ],
    ['finds a spaced SSN when under a tax id key', '{"taxId": "345 67 8123"}', ['345 67 8123']],
    [
      "finds an SSN when a TIN key's owner is a person",
      'payee="Ana Ruiz" tin=345678123 tin_type=SSN taxpayer_identification_number: 456789234',
      ['345678123', '456789234'],
    ],
    ['finds an SSN when in a TaxpayerId element', '<TaxpayerId>456789234</TaxpayerId>', ['456789234']],
    [
      'finds an SSN when a NIEM SSN element wraps its id',
      '<nc:PersonSSNIdentification><nc:IdentificationID>234567012</nc:IdentificationID>',
      ['234567012'],
    ],
    [
      'finds an SSN when a socialSecurity element wraps its number',
      '<socialSecurity><number>234567012</number>',
      ['234567012'],
    ],
    ['finds an SSN when a camelCase key ends in SSN', '{"employeeSSN":"345678123"}', ['345678123']],
    [
      'finds an SSN when a key in capitals starts with SSN',
      'SSNValue=345678123 <PersonSocialSecurityNumber>456789234',
      ['345678123', '456789234'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['ignores area 000 when never issued', 'id 000-12-3456'],
    ['ignores area 666 when never issued', 'id 666-12-3456'],
    ['ignores areas 900-999 when never issued', 'id 900-12-3456 and 987-65-4321'],
    ['ignores group 00 and serial 0000 when never issued', '123-00-4567 123-45-0000'],
    ['ignores the advertised sample numbers when used in ads', '078-05-1120 219-09-9999'],
    ['ignores bare nine digits when unlabelled', 'order 123456789'],
    ['ignores dashed ids when longer', 'ref 123-45-67890 and A123-45-6789'],
    ['ignores nine digits when another key holds them', 'ssn_status=pending account=234567012'],
    ['ignores nine digits when after a JSON value of the label', '"ssn":"on file","order":234567012'],
    ['ignores nine digits when more than three words on', 'SSN was not given for order 234567012'],
    ['ignores a last-four value when under the label', 'SSN ending 7012 verified for 234567012'],
    [
      'ignores an undashed EIN when the line names an EIN',
      '{"tin":"271234567","tin_type":"EIN"} FEIN tax_id=204567890',
    ],
    ['ignores an undashed EIN when a vendor owns the TIN', 'vendor=Acme Supply LLC tax_id=201234567 1099=true'],
    ['ignores an undashed EIN when a merchant owns the TIN', '{"merchant":"Acme Corp","tin":"271234567"}'],
    [
      'ignores an undashed EIN when a payer, employer or company owns the TIN',
      'payerName=Northwind TIN 301234567 | EMPLOYER tax id: 451234567 | companies taxpayerId=561234567',
    ],
    ['ignores an undashed EIN when the TIN key names the employer', 'employer_tin=201234567 vendor.tax_id=271234567'],
    [
      'ignores an undashed EIN when a tin type of EIN stands beside it',
      '{"merchant":"Acme Corp","tin":"271234567","tin_type":"EIN"}',
    ],
    ['ignores an ITIN when under a TIN key', 'tin=912701234'],
    ['ignores nine digits when under a word holding tin', 'routing=234567012 setting 345678123'],
    ['ignores nine digits when a TIN key has words between', 'tin check for order 234567012'],
    ['ignores nine digits when a camelCase SSN key is another field', 'ssnVerified=true memberId=234567012'],
    [
      'ignores nine digits when SSN is only letters inside a word in capitals',
      '<BUSINESSNUMBER>834567012</BUSINESSNUMBER> PROCESSNUMBER=234567012 {"ACCESSNO":"345678123"}',
    ],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });

  // `[A-Za-z]*SSN[A-Za-z]*` backtracked on a word repeating `SSN` (100 KB: 14.6 s); the words are walked once each.
  test.each([['aSSN'], ['ASSN'], ['Social'], ['socialSecurity']])(
    'reads a line repeating %s a bounded number of times per character',
    (unit) => {
      const readFor = (copies: number): number => {
        const text = `x ${unit.repeat(copies)}:234567012`;
        let read = 0;
        const charCodeAt = String.prototype.charCodeAt;
        const indexOf = String.prototype.indexOf;
        String.prototype.charCodeAt = function (this: string, at: number) {
          read++;
          return charCodeAt.call(this, at);
        };
        String.prototype.indexOf = function (this: string, search: string, from?: number) {
          const found = indexOf.call(this, search, from);
          read += (found < 0 ? this.length : found) - (from ?? 0);
          return found;
        };
        try {
          findValues(detector, text);
        } finally {
          String.prototype.charCodeAt = charCodeAt;
          String.prototype.indexOf = indexOf;
        }
        return read / text.length;
      };
      expect(readFor(4000)).toBeLessThan(2 * readFor(500) + 4);
      expect(namedSsnWords(`x ${unit.repeat(4000)}`).length).toBeLessThanOrEqual(1);
    },
  );
});
