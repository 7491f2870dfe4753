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
    [
      'finds the userinfo when an authority has no scheme but a port',
      'agent --proxy=svc.proxy:Kq8!vX2m@10.20.30.40:8080 and load to loader:Mz7-pQ2w@dw.example.com:5439/dw',
      ['svc.proxy:Kq8!vX2m', 'loader:Mz7-pQ2w'],
    ],
    [
      'finds the userinfo when an authority has no scheme but a path',
      'scp report.csv ops:Hq2-xx91@files.example.org:/srv/in',
      ['ops:Hq2-xx91'],
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
    [
      'ignores a SIP or mail address when its scheme stands where a user would',
      'contact <sip:+31207946012@pbx.example.net:5060> and <sips:Desk7@10.1.2.3:5061>, mailto:ana.b@example.org:25',
    ],
    [
      'ignores a word, a number or a reference when it stands where the password goes',
      'node 10.0.0.5:6379@10.0.0.5:16379, relay ok:done@mx.example.com:25, etl:${PW}@dw.example.com:5439',
    ],
    ['ignores a user and password when no port or path names a server', 'ana:Xy7!q@example.com said hello'],
    [
      "ignores SQL Server's properties when a port and ; follow the host",
      'jdbcUrl=jdbc:sqlserver://sql1.example.com:1433;databaseName=LOS;user=app;password=Falcon@2026%;encrypt=true',
    ],
    [
      "ignores documentation's stand-in when the userinfo is user:password",
      'DATABASE_URL=postgresql://user:password@localhost:5432/app',
    ],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
