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
    [
      'keeps an unencoded ? or # inside the password when an @ follows it',
      'url --url=http://ks:Birch4410?@repo.example/os and https://svc:Q7pp#x9Lm2@pkgs.example/el9/a.rpm',
      ['ks:Birch4410?', 'svc:Q7pp#x9Lm2'],
    ],
    [
      'stops the userinfo before a query when an @ stands in the query',
      'https://ana:Pw9x2@api.example/v1?next=https://b.example&who=x@y.example',
      ['ana:Pw9x2'],
    ],
    [
      "finds a Go MySQL DSN's userinfo when it names a protocol and address",
      'dsn="ingest:Vh3q!x9Lr@tcp(db-2.internal:3306)/events?parseTime=true"',
      ['ingest:Vh3q!x9Lr'],
    ],
    [
      "finds a Go MySQL DSN's userinfo when the protocol is left out or a socket",
      'MYSQL_DSN=exporter:p4ss@word@(10.0.4.2:3306)/ and root:Zx81kq@unix(/var/run/mysqld/mysqld.sock)/app',
      ['exporter:p4ss@word', 'root:Zx81kq'],
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
    ['ignores a DSN when it has no password', 'connecting to reader@tcp(10.0.4.2:3306)/app and :@(db)/x'],
    ['ignores a DSN when its password is a reference', 'DSN=app:${MYSQL_PASSWORD}@tcp(db:3306)/app'],
    ['ignores ports when there is no userinfo', 'http://localhost:8080/health'],
    ['ignores a port and a query when an @ stands in the query', 'http://localhost:8080?user=a@b.example'],
    [
      'ignores a reference when it stands where the password goes',
      'DATABASE_URL=postgres://${PGUSER}:${PGPASSWORD}@${PGHOST}:5432/app and mysql://app:$DB_PASS@db/x',
    ],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
