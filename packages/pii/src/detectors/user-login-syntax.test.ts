import { findValues } from '../testing';
import { createUserLoginSyntaxDetector } from './user-login-syntax';

describe('user login syntax detector', () => {
  const detector = createUserLoginSyntaxDetector();

  test.each([
    ['a quoted name after login of', 'portal: login of "mbrandt_ops" from 10.0.0.9 refused', ['mbrandt_ops']],
    [
      'a quoted word after a second login',
      "Failed login attempt with login 'operator' from IP 192.0.2.4",
      ['operator'],
    ],
    ['a name in typographic quotes', 'web login \u201ckiosk-3\u201d succeeded', ['kiosk-3']],
    ['a name in parentheses after login', 'tenant T-88 (login renata.v) opened a ticket', ['renata.v']],
    ['a name before its password', 'gateway login fleet_ops password Xk2!pq9 accepted', ['fleet_ops']],
    ['a name before with password', 'POP3 logon for inbox-archive with password "s3cr3t!"', ['inbox-archive']],
    ['a name before a pin', 'kiosk login K4471208 pin=0912', ['K4471208']],
    ['the name of a credentials flag', 'tool sync -credentials ingest_bot:Qw7!xT2z -v', ['ingest_bot']],
    ['a quoted pair after --user', "curl --user 'svc.export':'Pz9#k' https://x.example", ['svc.export']],
    ['the pair of -auth and -a', 'cli -auth mkovac:!t9z-Q; crawler -a admin:Wk#44 -p 80', ['mkovac', 'admin']],
  ])('finds %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['prose after login', 'pap: Login attempt with password; login with password detected; Wrong login or password'],
    ['a word in parentheses that is no login', 'user blocked (login disabled)'],
    ['a host and port after -a', 'varnishd -a localhost:8443,PROXY -a :6081'],
    ['a list after -u', 'lpadmin -p Legal -u allow:jkim,abrennan'],
    ['a variable or a stand-in as the secret', 'curl -u admin:$ADMIN_PW https://x; curl -u user:pass https://y'],
    ['a generated key id before its secret', 'curl -u SK16ce2d11d687902b2ef1e2:Zq0vLm https://api.example'],
  ])('ignores %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
