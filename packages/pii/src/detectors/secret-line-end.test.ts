import { findValues } from '../testing';
import { createSecretLineEndDetector } from './secret-line-end';

describe('a strong password quoted at the end of a line', () => {
  const detector = createSecretLineEndDetector();

  test.each([
    ['a login and its password in a credential file', '"backup_ro" "Kest-r3l!Vane"', ['Kest-r3l!Vane']],
    ['a password after a URL and a user', 'https://files.example.org/dav/ lnoor "Qu4y-Side_m@rk"', ['Qu4y-Side_m@rk']],
    ['a config option in single quotes', "\toption password 'Linden#Bahn2031'", ['Linden#Bahn2031']],
    ['a password closing a list', 'auth args ["svc.poller", "Tz9!mqR4wE"]', ['Tz9!mqR4wE']],
    ['a value with a digit inside its letters', 'snmp community set to "ro-Ch4nnel-Mon"', ['ro-Ch4nnel-Mon']],
    ['the last line of a text', 'users:\n  - "ops" "Wh1te$Oak-7"\n', ['Wh1te$Oak-7']],
  ])('finds %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['a resource name', 'Created VM "Web-Server-01"'],
    ['a report name', 'exported folder "Q4-Reports_2024"'],
    ['a version', 'tagged release "v2.1.0-RC1"'],
    ['a file name', 'uploaded "Invoice-Q3!Final.pdf"'],
    ['a URL or a path', 'GET "https://Api.example.com/V2/x?a=1" and open "/srv/Data/R3port!"'],
    ['a key=value pair', 'curl --data "password=Lp8!qWm3zRx2"'],
    ['a password in the middle of a line', 'login "ops" "Wh1te$Oak-7" accepted'],
    ['a value with no capital or no digit', 'set to "ro-ch4nnel!mon" and then "Rock-Channel!Mon"'],
    ['a mask or a placeholder', 'secret "********" then "<Your-P4ss!>"'],
    ['a record of fields', "INPUT MSG: '9300CNkiosk-2|COq7Lib#22|CPEAST|AY3AZF1B2'"],
  ])('leaves %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
