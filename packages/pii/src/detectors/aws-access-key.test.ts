import { findValues } from '../testing';
import { createAwsAccessKeyDetector } from './aws-access-key';

describe('aws access key detector', () => {
  const detector = createAwsAccessKeyDetector();

  test.each([
    ['finds a long-term key id when assigned', 'aws_access_key_id=AKIAIOSFODNN7W3K5QZP', ['AKIAIOSFODNN7W3K5QZP']],
    ['finds a temporary key id when quoted', '"AccessKeyId": "ASIAY34FZKBOKMUTVV7A"', ['ASIAY34FZKBOKMUTVV7A']],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['ignores key-id shapes when too short', 'id AKIAIOSFODNN7EXAMP'],
    ['ignores key-id shapes when embedded in a longer word', 'XAKIAIOSFODNN7W3K5QZP and AKIAIOSFODNN7W3K5QZP1'],
    ['ignores lower case when AWS ids are always upper case', 'akiaiosfodnn7example'],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
