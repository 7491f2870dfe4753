import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createShortSecretProseDetector } from './short-secret-prose';

describe('short secrets in prose and flags', () => {
  const detector = createShortSecretProseDetector();
  const scanner = createPiiScanner();

  test.each([
    ['a PIN in prose', 'helpdesk: caller confirmed card PIN 30418 before reset', ['30418']],
    ['a PIN a verb sets', 'kiosk: member pin was reset to 662019 by staff', ['662019']],
    [
      'a PIN flag and a security officer PIN flag',
      'hsmtool --init --so-pin 77120934 --user-pin 40917731',
      ['77120934', '40917731'],
    ],
    ['a PUK flag with =-less value', 'simtool unblock --puk 91827364 --new-pin 2231', ['91827364', '2231']],
    ['a one-time password in prose', 'mfa: OTP 730215 accepted for device 4', ['730215']],
    ['a card code in prose', 'note: "use card ending 4412, CVC 907 instead"', ['907']],
    ['a card security code number', 'ivr: caller keyed csc number 5521', ['5521']],
    ['a code named by what it opens', 'delivery note: door code 55190, leave at porch', ['55190']],
    ['an opener code under a key', 'locker event box=7 unlock_code=604418 status=ready', ['604418']],
    ['a code a line says was sent', 'notify: verification sms sent to user, code=7713-2045', ['7713-2045']],
    ['a verification code after your', 'sms: your Acme verification code 448120, valid 5 min', ['448120']],
    ['a login code a line says was sent', 'auth: login code 730215 sent to device 4', ['730215']],
    ['a code a line says was issued', 'access: temporary code issued for flat 3 code: 480137', ['480137']],
    ['every code after one sending', 'otp sent to 2 phones: code=480137 code=551902', ['480137', '551902']],
    [
      "a card's code a caller says after the card",
      'call note: "the card is 4000 0000 0000 0002 and the security code is 418"',
      ['418'],
    ],
    ['a card code said as on the back', 'transcript: my card ends 0002, the code on the back is 9071', ['9071']],
    ["a form's card security code", '{"cc-number":"4000 0000 0000 0002","cc-csc":"318"}', ['318']],
    ["Amex's code under cid in a card update", 'card update rejected card_number=3700 000000 00002 cid=4410', ['4410']],
    ['a card code under a cardNumber key', '{"cardNumber":"3700 000000 00002","cid":"7215"}', ['7215']],
    ["a lock's user code under its key", 'zwave node 3 user set slot=2 usercode=448120', ['448120']],
    ['a user code key in JSON', '{"lock":"front","usercode":"604127"}', ['604127']],
    ['a verification code after a CreditCard word', 'CreditCard check: the verification code was 592', ['592']],
    ['a passcode after a dial-in number', 'bridge: dial +1 555 0100 meeting 8812 passcode 204917 now', ['204917']],
    [
      "an SMS's one-time and verification codes, before a full stop",
      'sms text="Your one-time code is 551902. Do not share" body="verification code: 73120"',
      ['551902', '73120'],
    ],
  ])('finds %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
    const scanned = scanner.scan(text).map((m) => m.value);
    for (const value of expected) expect(scanned).toContain(value);
  });

  test.each([
    ['a hardware pin', 'gpio: pin 17 set high; pin 4 low'],
    ['a word after pin', 'pinned 4412 packages; PIN entry failed 3 times'],
    ['a card code check result', 'gateway: cvv M, cvc_check pass'],
    ['a status or error code in a line about sending', 'sms sent status code=200, provider error code 30007'],
    ['a code with no sending or opener word', 'ws closed code=1006 reason=timeout'],
    ['a sort code', 'payment from sort code 20-00-00 acct 70872490'],
    ['a stand-in of one repeated digit', 'Enter the gate code 0000 to test the keypad'],
    ['a code sent after the code', 'code=448120 then sent'],
    ['a code on the line after the sending', 'otp sent\ncode=448120'],
    ['a reason code in a line about a card', 'chargeback notice card 4000000000000002 reason code 4837'],
    ['a cid with no card', 'tracking: ev?e=complete&cid=7731 and cid:1145 closed'],
    ['a card code before the card', 'cid=4410 then card_number=4000000000000002'],
    ['a card code on the line after the card', 'card 4000000000000002\nthe code is 418'],
    ['digits with no PIN on the line', 'gather done step=menu Digits=5093 result=ok'],
    ['a PIN key of another property', 'ivr: pin_entered_count=4412 pin_length=6 pin_entered=0000'],
    [
      'a passcode rule, a count and a code with more after its full stop',
      'passcode must be 6 digits; login code 4421.7',
    ],
    ['a stand-in passcode of one digit', 'enter passcode 000000 on the demo phone'],
    ['an order confirmation code', 'Order 88123 shipped; confirmation code: 482913 sent to carrier'],
    ['an order confirmation code sent to a buyer', 'order confirmation code 20261207 sent to the buyer'],
    ['a confirmation code of a booking', 'booking ok, confirmation code is 55120934'],
    ["SQL Server's login error number", 'Login failed for user. [CLIENT: 10.1.1.1] login code 18456'],
    ['a verification code that is a status', 'verification code 1001 is an invalid request'],
    ['a login code in a list of errors', 'auth errors: login code 4012 (locked), 4013'],
    // Keys of entered PINs are the key-word part's (secret-key-words.ts); Twilio's Digits say nothing of a PIN.
    ['a key of an entered PIN', 'ivr: caller=+15550100 PIN_ENTERED=4471 menu=2; pin-typed: 880213'],
    ['a lower-case key of a keyed PIN', 'voice: pinKeyed=730519 result=ok'],
    ['the digits of a step that asks for a PIN', 'gather done step=confirm_pin Digits=50931 result=ok'],
    ['an error code in a line that unlocks', 'unlock request failed with error code 10054, user unlock code: pending'],
    // An unlock, usercode or 2FA word says nothing of the code= after it: exit, status and error codes.
    ['an error code after a mutex unlock', '{"level":"error","msg":"pthread_mutex_unlock failed","code":"10035"}'],
    ['a code after a mutex unlocked', '{"msg":"mutex unlocked","code":"771204"}'],
    ['an exit code after an unlock', 'git-crypt unlock failed: exit code=1282'],
    ['exit and status codes after unlocked', 'keyring: unlocked login keyring, exit code=0 then status code=1280'],
    ['an error code after 2FA', '{"msg":"2FA verify failed","code":"40103"}'],
    ['a code after an account_unlocked event', '{"event":"account_unlocked","code":"4001"}'],
    ['a timeout code after unlock_screen', 'app: unlock_screen timeout code=30000'],
    ['a status code in a usercode line', 'zwave: node 5 usercode get slot=3 status=available code=204417'],
    ['a return code after a door unlock', 'door-svc: unlock relay 2 return code=30071'],
    // A word that holds `card` (discard, scorecard, wildcard, cardinality) is no card.
    ['a cid in a line that discards', 'kafka: discarded 3 records, cid=1042'],
    ['a cid in a scorecard event', '{"event":"scorecard_updated","cid":"1042"}'],
    ['a cid in a line about cardinality', 'prometheus: high cardinality series dropped, cid=2231'],
    ['a cid in a line about a wildcard', '{"msg":"wildcard cert expiring","cid":"3391"}'],
    ['a key that ends in cid', 'card reader ok, session_cid=8812 ad-cid: 4410'],
    ['an HTTP status a card service calls the code', 'payment-card-api: upstream request failed and the code was 503'],
    ['the code of a card reader', 'card reader: firmware check ok, the code is 200'],
    ['a card code of one repeated digit', 'card 4242: verification code was 0000, cid=111'],
  ])('leaves %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });

  test('a line the sorter accepts (1 MB) of codes after one sending finishes, each code found', () => {
    // Each code looked back to the line's start for the sending word: 1.1 s for 192 KB, four times as long for twice.
    const text = 'otp sent ' + 'code=123456 '.repeat(87000);
    expect(findValues(detector, text)).toHaveLength(87000);
  });
});
