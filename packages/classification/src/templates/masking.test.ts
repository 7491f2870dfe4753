import { maskTokens } from './masking';

describe('maskTokens', () => {
  test.each([
    [
      'masks an IPv4 address with its port when a line names a peer',
      'connect from 10.0.0.1:8080 ok',
      'connect from <*> ok',
    ],
    [
      'masks integers and decimals when they stand alone or after punctuation',
      'took 12 tries, ratio=0.75',
      'took <*> tries, ratio=<*>',
    ],
    ['keeps digits inside words when they are part of a name', 'ssh2 via SOCKS5', 'ssh2 via SOCKS5'],
    ['masks hex numbers and long hex ids when they appear', 'code 0x7fed806eb5d id deadbeef01', 'code <*> id <*>'],
    ['masks a UUID when it identifies a request', 'req 123e4567-e89b-12d3-a456-426614174000 done', 'req <*> done'],
    [
      'masks unix paths and URLs when a line references files or endpoints',
      'read /var/log/app.log from https://x.io/a?b=1',
      'read <*> from <*>',
    ],
    ['masks a windows path when it appears', 'Loaded C:\\Windows\\winsxs\\core.dll now', 'Loaded <*> now'],
    [
      'masks a quantity with its unit as one token when units are optional',
      'sent 1190 bytes (1.16 KB) in <1 sec',
      'sent <*> in <*>',
    ],
    [
      'masks dates and times when a line embeds a timestamp',
      'at Fri Jun 17 07:07:00 2005 and 2024-01-02T03:04:05Z',
      'at <*> and <*>',
    ],
    ['masks a host with a port when no IP is given', 'proxy.example.com:5070 open', '<*> open'],
    [
      'masks generated host names that carry digits',
      'rhost=5.36.59.76.dsl.example.net user=root',
      'rhost=<*> user=root',
    ],
    ['masks a quoted value after an equals sign when it may hold spaces', 'tag="View Lock", uid=3', 'tag=<*>, uid=<*>'],
    [
      'masks a host name that embeds a redaction placeholder as one variable',
      'reverse (<IPV4>.sh.example.at) ok',
      'reverse <*> ok',
    ],
    [
      'masks an id glued to a prefix when it carries a number',
      'block blk_-6952295868 and blk_38865049',
      'block <*> and <*>',
    ],
    [
      'masks DNS host names but not reverse-DNS package names',
      'from ns.example.com via mail.example.co.uk for com.android.phone',
      'from <*> via <*> for com.android.phone',
    ],
    ['masks PII placeholders left by redaction', 'login by <EMAIL> from <IPV4:3f9a1c2e>', 'login by <*> from <*>'],
    [
      'collapses adjacent wildcards into one when variable parts are optional',
      'from 10.0.0.1 (10.0.0.1) at 12:00',
      'from <*> at <*>',
    ],
    [
      'joins wildcards separated by punctuation into one when the inner shape varies',
      'Session: 30546173_4261722401 init',
      'Session: <*> init',
    ],
    // The guards that skip positions where no rule can start must not skip these.
    [
      'masks a placeholder glued to a word when redaction left it there',
      'mail to user<EMAIL> failed',
      'mail to <*> failed',
    ],
    ['masks numbers after brackets, signs, semicolons and underscores', '(42) [7] -5 +3 ;8; _9_', '<*> ;<*>; <*>'],
    ['keeps letters and digits inside a word when no rule starts there', 'item abc123 x9 ok', 'item abc123 x9 ok'],
  ])('%s', (_behaviour, line, expected) => {
    expect(maskTokens(line).join(' ')).toBe(expected);
  });

  test('returns no tokens when the line is blank', () => {
    expect(maskTokens('  \t ')).toEqual([]);
  });
});
