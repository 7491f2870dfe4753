import { findValues } from '../testing';
import { createUrlCredentialsDetector } from './url-credentials';

describe('url credentials detector', () => {
  const detector = createUrlCredentialsDetector();

  test.each([
    [
      'finds user:password when a database URL carries them',
      'dsn=postgres://app:s3cr3t@db.internal:5432/app',
      ['app:s3cr3t'],
    ],
    ['finds the whole userinfo when the password has an unencoded @', 'amqp://guest:p@ss@rabbit/vhost', ['guest:p@ss']],
    ['finds a password when the user is empty', 'redis://:hunter2@cache:6379/0', [':hunter2']],
    [
      'finds an email-like user when it is followed by a password',
      'https://alice@example.com:pw1@host.com/x',
      ['alice@example.com:pw1'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['ignores a user without a password when there is no colon', 'clone ssh://git@github.com/org/repo.git'],
    [
      'ignores an @ in the path when it is after the host',
      'GET https://example.com/users/@me and https://npm.io/pkg@1.2.3',
    ],
    ['ignores ports when there is no userinfo', 'http://localhost:8080/health'],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
