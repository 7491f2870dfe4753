import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createAwsSecretKeyDetector } from './aws-secret-key';

const secret = 'q8Fz2LmW0xK7vB3nR9tY1cH5dJ4pS6gUoE+a/Ni2';

describe('aws secret key detector', () => {
  const scanner = createPiiScanner({ types: ['aws_secret_key'] });
  const detector = createAwsSecretKeyDetector();

  test.each([
    ['finds a secret when assigned in a credentials file', `aws_secret_access_key = ${secret}`, [secret]],
    ['finds a secret when in JSON under SecretAccessKey', `{"SecretAccessKey": "${secret}"}`, [secret]],
    ['finds a secret when in an environment variable', `AWS_SECRET_ACCESS_KEY=${secret}`, [secret]],
    [
      'finds the key when an escaped newline precedes its name',
      `[default]\\naws_secret_access_key = ${secret}`,
      [secret],
    ],
    [
      'finds a secret when a tool names it its own way and the text speaks of AWS',
      `keystore add s3.client.default.secret_key <<< ${secret}; key_id = AKIAIOSFODNN7EXAMPLE key_secret = ${secret}; {$AWS.SECRET.ACCESS.KEY} = ${secret}`,
      [secret, secret, secret],
    ],
    ['finds a secret when it follows its key id', `alice,,AKIAIOSFODNN7EXAMPLE,${secret}`, [secret]],
    [
      'finds the secret later on its key id line whatever names it',
      `repo added: access key=AKIAQX2AXBMKAUIRA3EH, secret key=${secret}`,
      [secret],
    ],
    [
      'finds the secret when a nested object holds it after its key id',
      `{"access_key":"AKIAQX2AXBMKAUIRA3EH","access_secret":{"status":"Plain","payload":"${secret}"}}`,
      [secret],
    ],
    [
      'finds a mixed secret when its line names the secret key in a path or a namespaced config key',
      'vault kv put /ops/aws_secret_access_key value=Qp4sN8vKd2Lm7Xr1Tz9Wc3Hy6Bf0Ja5Ge2Ui8Oy1 and "aws:secretKey" was set to Zr7Yc2Nx5Pq8Lm1Kd4Hw9Tb6Vs3Fj0Ga7Ue2Ri5O',
      ['Qp4sN8vKd2Lm7Xr1Tz9Wc3Hy6Bf0Ja5Ge2Ui8Oy1', 'Zr7Yc2Nx5Pq8Lm1Kd4Hw9Tb6Vs3Fj0Ga7Ue2Ri5O'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
    // Through the scanner too: a rule runs only where its keywords are, so this checks they cover the text.
    const scanned = scanner.scan(text).map((m) => m.value);
    for (const value of expected) expect(scanned).toContain(value);
  });

  test.each([
    ['ignores 40-character hashes when there is no AWS context', 'commit 9fceb02d0ae598e95dc970b74767f19372d61af8'],
    ['ignores values when they are not exactly 40 characters', `aws_secret_access_key=${secret}X`],
    ['ignores a secret-named value when nothing speaks of AWS', `gitlab.client_secret_key = ${secret}`],
    [
      'ignores a secret-named value when S3 only stands inside a random value',
      'c.Authenticator.client_secret = "dfUHMhj7Xys77gfA6OZVHrS3zYx0aBqrAzKqDAMh"',
    ],
    [
      "ignores AWS's documentation secret when it is quoted as an example",
      'example: AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    ],
    [
      'ignores a hash or a one-case value later on a key id line',
      'key AKIAQX2AXBMKAUIRA3EH rotated, commit 9fceb02d0ae598e95dc970b74767f19372d61af8 by ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCD',
    ],
    ['ignores a value on the next line after a key id', `key AKIAQX2AXBMKAUIRA3EH\nnext ${secret}`],
    [
      'ignores a hash when a line that names the secret key holds one later',
      'rotated aws_secret_access_key, commit 3f9c2a7d1e8b4c6f0a2d5e7b9c1f3a5d7e9b2c4f by ci',
    ],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
