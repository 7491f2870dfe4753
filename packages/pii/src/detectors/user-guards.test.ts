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
