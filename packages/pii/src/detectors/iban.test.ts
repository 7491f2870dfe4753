import { findValues } from '../testing';
import { createIbanDetector } from './iban';

describe('iban detector', () => {
  const detector = createIbanDetector();

  test.each([
    [
      'finds a German IBAN when printed in groups',
      'pay to DE89 3704 0044 0532 0130 00 today',
      ['DE89 3704 0044 0532 0130 00'],
    ],
    ['finds a British IBAN when compact', 'iban=GB82WEST12345698765432;', ['GB82WEST12345698765432']],
    [
      'finds a French IBAN when it has a letter in the account',
      'FR14 2004 1010 0505 0001 3M02 606',
      ['FR14 2004 1010 0505 0001 3M02 606'],
    ],
    ['finds an IBAN when a group of digits follows it', 'NL91 ABNA 0417 1643 00 1234', ['NL91 ABNA 0417 1643 00']],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['ignores IBANs when the checksum is wrong', 'DE89 3704 0044 0532 0130 01'],
    ['ignores IBAN shapes when the country length is wrong', 'DE8937040044053201300'],
    ['ignores unknown country codes when the shape fits', 'ZZ89370400440532013000'],
    ['ignores lower-case IBAN shapes when not upper case', 'de89370400440532013000'],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
