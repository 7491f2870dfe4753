import { findValues } from '../testing';
import { createPrivateKeyDetector } from './private-key';

describe('private key detector', () => {
  const detector = createPrivateKeyDetector();
  const block = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\nq2w3e4r5\n-----END RSA PRIVATE KEY-----';

  test.each([
    ['finds a whole PEM block when it spans lines', `key loaded:\n${block}\nnext`, [block]],
    [
      'finds an OpenSSH block when newlines are escaped in JSON',
      '{"k":"-----BEGIN OPENSSH PRIVATE KEY-----\\nb3Blbn\\n-----END OPENSSH PRIVATE KEY-----"}',
      ['-----BEGIN OPENSSH PRIVATE KEY-----\\nb3Blbn\\n-----END OPENSSH PRIVATE KEY-----'],
    ],
    [
      'finds a truncated block to the end when the END line is missing',
      'dump -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg',
      ['-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg'],
    ],
    [
      'finds a truncated block when key material follows the header on its line',
      'cfg key=-----BEGIN EC PRIVATE KEY----- MHcCAQEEIBkqW3x9Lm2Qz8',
      ['-----BEGIN EC PRIVATE KEY----- MHcCAQEEIBkqW3x9Lm2Qz8'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    [
      'ignores public keys and certificates when not private',
      '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY----- -----BEGIN CERTIFICATE-----',
    ],
    [
      'ignores a header named in prose when no END line and no key material follow it',
      'Key file ~/.ssh/id_rsa: -----BEGIN OPENSSH PRIVATE KEY----- header found but passphrase required',
    ],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
