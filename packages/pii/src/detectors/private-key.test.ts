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
    [
      "finds a PuTTY key file's private lines when its lines are joined by escaped line breaks",
      'PuTTY-User-Key-File-3: ssh-ed25519\\nEncryption: none\\nPrivate-Lines: 2\\nAAAAIG3xQv9kPzL0rT7\\nYw2mN8cB4dF6hJ1s=\\nPrivate-MAC: 9a0f',
      ['AAAAIG3xQv9kPzL0rT7\\nYw2mN8cB4dF6hJ1s='],
    ],
    [
      'finds an age key when a stand-in of its length uses letters outside bech32',
      'age_key: AGE-SECRET-KEY-1OBIQ7Z3K9M2X8C4V6B1N5L0P3R7T2Y9W4E6U8I1O3A5S7D9F2G4H6J8KLM',
      ['AGE-SECRET-KEY-1OBIQ7Z3K9M2X8C4V6B1N5L0P3R7T2Y9W4E6U8I1O3A5S7D9F2G4H6J8KLM'],
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
    [
      'ignores a block when it is shown cut short after a few characters',
      'failed to load "-----BEGIN PRIVATE KEY-----\\nMIIE..." and -----BEGIN EC PRIVATE KEY----- MHcCAQEEI…(truncated)',
    ],
    ['ignores a PuTTY header when no private lines follow it', 'Private-Lines: count mismatch in key file'],
    [
      'ignores a whole block when a placeholder stands for its key material',
      '{"key":"-----BEGIN PRIVATE KEY-----\\\\n...\\\\n-----END PRIVATE KEY-----"} and -----BEGIN EC PRIVATE KEY----- <key> -----END EC PRIVATE KEY----- -----BEGIN RSA PRIVATE KEY-----\\nREDACTED\\n-----END RSA PRIVATE KEY-----',
    ],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
