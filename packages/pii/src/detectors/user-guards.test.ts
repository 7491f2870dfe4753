import { createPiiScanner } from '../scanner';
import { notAUser } from './user-guards';

describe('user guards', () => {
  const scanner = createPiiScanner({ types: ['user'] });
  const users = (text: string) => scanner.scan(text).map((m) => m.value);

  test.each([
    ['a placeholder in angle brackets', 'sample settings: login_user=<your-crm-user> secret=<secret>', []],
    ['a hidden value in angle brackets', 'Export,Site=DE-02,User=<system>,Reason="sync"', []],
    ['a key after a login phrase', 'password reset for member_id=55120 done', []],
    ['a counter after a login phrase', 'DENIED LOGIN:tries[4] - bkaminski', []],
    ['a pronoun in a filter', 'audit actor=plinde query="owner:me status:open"', ['plinde']],
    ['a role noun before the person', 'helpdesk logged in as member hvoss.k on behalf of support', ['hvoss.k']],
    [
      'a site-numbered record id under a role key',
      'stipend paid participant=NL-04-117 approved_by=tkruger',
      ['tkruger'],
    ],
    ['an employee number under a user key', 'badge swipe employee=K5520918 door=3', []],
    ['a workstation after by', 'ledger file locked by ACCT-PC-22 at 09:14', []],
    ['a numbered machine after by', 'share lock taken by nas-files02 on Q3.xlsx', []],
    ["a numbered machine under an agent's key", 'sync heartbeat agent=docs-mirror-04 iface=eth0', []],
    ["SparkPost's fixed SMTP login", 'smtp: {"username":"SMTP_Injection","password":"x"}', []],
    ["Mailgun's fixed API user", "curl --user 'api:key-0000' https://api.mailgun.net/v3/x", []],
  ])('drops %s', (_name, text, expected) => {
    expect(users(text)).toEqual(expected);
  });

  test.each([
    ['a login in angle brackets', 'Login failed for user <ines.farah> (bad password)', ['ines.farah']],
    ['an IRC nick', '[10:01] #ops <mkovac> restarted the relay', ['mkovac']],
    ['a role word that is the account', 'Login failed for admin from 203.0.113.9', ['admin']],
    ['a numbered login after login', 'portal login Q7731290 pin accepted', ['Q7731290']],
    ["MySQL's user[user]", '# User@Host: shop_rw[shop_rw] @  [10.0.0.5]', ['shop_rw']],
    [
      'a numbered machine name under a user key',
      'rtmp publish from 10.1.1.4 user=stage-encoder-2',
      ['stage-encoder-2'],
    ],
    ['a principal in angle brackets', 'ticket for <backup@pbs> renewed', ['backup@pbs']],
    [
      "a numbered login in sshd's syntax",
      'sshd[2231]: Accepted publickey for AB123456 from 203.0.113.9 port 52214 ssh2',
      ['AB123456'],
    ],
    [
      "a site-coded login in sshd's syntax",
      'sshd[88]: Accepted password for ADM-JSMITH01 from 198.51.100.4',
      ['ADM-JSMITH01'],
    ],
    [
      "a numbered login in sudo's syntax",
      'sudo:  AB123456 : TTY=pts/0 ; PWD=/tmp ; USER=root ; COMMAND=/bin/ls',
      ['AB123456'],
    ],
    [
      'a numbered login in sudo with a pid',
      'sudo[412]: QX9087123 : TTY=pts/2 ; USER=root ; COMMAND=/bin/id',
      ['QX9087123'],
    ],
    [
      "a service account in Windows' Account Name",
      'logged on. Account Name: SVC-SQL-01 Account Domain: CORP',
      ['SVC-SQL-01'],
    ],
    [
      "Windows' Account Name in a tab-separated event",
      'Account Name:\t\tOPS-BKP-02\tAccount Domain: LAB',
      ['OPS-BKP-02'],
    ],
  ])('keeps %s', (_name, text, expected) => {
    expect(users(text)).toEqual(expect.arrayContaining(expected));
  });

  test('reads the words around a value, not the value alone', () => {
    const text = 'changed for customer ovarga7 and customer=12';
    const start = text.indexOf('customer');
    expect(notAUser(text, start, start + 'customer'.length)).toBe(true);
    expect(notAUser('Login failed for customer from x', 17, 25)).toBe(false);
  });
});
