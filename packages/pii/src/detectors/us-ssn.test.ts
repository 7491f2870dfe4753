import { findValues } from '../testing';
import { createUsSsnDetector } from './us-ssn';

describe('us ssn detector', () => {
  const detector = createUsSsnDetector();

  test.each([
    ['finds a dashed SSN when in prose', 'applicant 123-45-6789 verified', ['123-45-6789']],
    ['finds a bare SSN when labelled', 'SSN: 123456789', ['123456789']],
    ['finds a space-separated SSN when labelled', '"social_security_number":"123 45 6789"', ['123 45 6789']],
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
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
