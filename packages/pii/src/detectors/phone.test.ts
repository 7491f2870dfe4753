import { findValues } from '../testing';
import { createPhoneDetector, normalizePhone } from './phone';

describe('phone detector', () => {
  const detector = createPhoneDetector();

  test.each([
    ['finds a US number when written with parentheses', 'call (415) 555-2671 today', ['(415) 555-2671']],
    ['finds a US number when dashed', 'cb=415-555-2671', ['415-555-2671']],
    ['finds a US number when dotted with a leading 1', 'tel 1.800.555.0199', ['1.800.555.0199']],
    ['finds an international number when grouped', 'sms to +44 20 7946 0958 sent', ['+44 20 7946 0958']],
    ['finds an international number when it has a trunk (0)', '+44 (0)20 7946 0958', ['+44 (0)20 7946 0958']],
    ['finds a compact E.164 number when it starts with +', 'to=+14155552671 status=queued', ['+14155552671']],
    ['finds a 00-prefixed number when grouped', 'Tel. 0049 30 1234567', ['0049 30 1234567']],
    ['finds a French mobile when written in pairs', 'mobile 06 12 34 56 78', ['06 12 34 56 78']],
    ['finds a UK national number when spaced', 'office 020 7946 0958', ['020 7946 0958']],
    ['finds a national number when the trunk prefix is in parentheses', 'Sydney (02) 9876 5432', ['(02) 9876 5432']],
    [
      'finds a German mobile number when its 12 digits are grouped after 015x, 016x or 017x',
      'Handy 0151 23456789, 0176 2345 6789 und 0160 9876543',
      ['0151 23456789', '0176 2345 6789', '0160 9876543'],
    ],
    ['finds the number when it is a tel: URI', 'call tel:+1-931-555-7300 now', ['+1-931-555-7300']],
    [
      'finds a spaced number when a SIP header writes it as a tel: URI',
      'To: <tel:+44 20 7946 0958>',
      ['+44 20 7946 0958'],
    ],
    [
      'finds numbers when they are the user part of SIP addresses',
      'INVITE sip:+442079460958@10.1.2.3 SIP/2.0 From: <sips:14155552671@pbx.example.net>;tag=9',
      ['+442079460958', '14155552671'],
    ],
    [
      'finds the number when it is URL-encoded in a SIP URI',
      'uri=sip%3A%2B4930123456789@gw.example.org',
      ['%2B4930123456789'],
    ],
    [
      'finds numbers when FreeSWITCH and Asterisk name a channel or dialplan step after them',
      'New Channel sofia/gateway/+4930123456789@203.0.113.4 and Executing [0033142368520@from-pstn:1] Dial',
      ['+4930123456789', '0033142368520'],
    ],
    [
      'finds a compact E.164 number when a colon or dot joins it to a field name',
      'otp via=whatsapp:+4915112345678 gauge users.tel.+33612345678 ok',
      ['+4915112345678', '+33612345678'],
    ],
    [
      'finds a grouped number when a scheme-like prefix ends in a colon',
      'mfa=voice:+44 (20) 7946 0958',
      ['+44 (20) 7946 0958'],
    ],
    [
      "finds a number when UN/EDIFACT's contact segment names a telephone or cellular means",
      "CTA+OC+:K. BERG'COM++3548881234:TE'COM+0611 234 567 89:AL'COM+ops@hafnir.example:EM'",
      ['+3548881234', '0611 234 567 89'],
    ],
    [
      'finds an international number when a two-capital field code is glued to it in a | record',
      'SIP2 msg 64|AEJ. Ortiz|BF+34 612 345 678|BEjo@example.es|',
      ['+34 612 345 678'],
    ],
    [
      'finds numbers when EPP or WHOIS writes them as +CC.number',
      '<contact:voice x="12">+1.6175550142</contact:voice> Registrant Phone: +49.3098765432',
      ['+1.6175550142', '+49.3098765432'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['ignores ISO dates and times when they use dashes and colons', '2024-01-15 10:20:30,123'],
    ['ignores order ids when dashes join letters and digits', 'order ORD-2024-000123 and INV-555-123-4567'],
    ['ignores bare digit runs when there are no separators', 'ts=1700000000123 id 4155552671'],
    ['ignores timezone offsets when short', 'at 10:00+0100 and +02:00'],
    ['ignores US-shaped numbers when the area code starts with 0 or 1', '123-456-7890'],
    ['ignores durations and versions when they are dotted', 'took 1.234s on 10.0.19041.1'],
    ['ignores European-shaped dates when they have too few digits', 'on 01-15-2024'],
    [
      'ignores a signed decimal when a dot is its only separator',
      'Ready at 11:04:01 UTC m=+51230.884201 offset=+12345.67890',
    ],
    [
      'ignores extensions when a SIP user part is short',
      'REGISTER sip:2045@pbx.example.net and Executing [227@internal:1]',
    ],
    ['ignores the tail of a longer digit sequence when another group precedes it', 'tracking 1Z 999 AA1 01 2345 6784'],
    ['ignores an EDIFACT contact when its means is no telephone (a reference)', "COM+20261207001122:AH'"],
    ['ignores a run of two-digit groups when it goes on past a number', 'draw 812 numbers 03 17 22 28 35 44 bonus 09'],
    ['ignores a field-coded value when it is too short for a number', 'rec|AB+123 45|CD+1|'],
    [
      'ignores a decimal when a dot joins digits that are no E.164 number',
      'gain=+1.2345678 drift=+3.14159265 matter 004211.00012 and 00123.456789',
    ],
    [
      'ignores a 12-digit German mobile shape when a shipment or ticket key names it (review10)',
      'Sendungsnummer: 0170 1234 5678 zugestellt',
    ],
    [
      'ignores a 12-digit mobile shape when a tracking or order number key names it',
      'tracking_no=0151 2345 6789 order #0176 4432 1198',
    ],
    ['ignores 12 grouped digits when no German mobile prefix leads them', 'ref 0221 23456789 and 0181 2345 6789'],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });

  test.each([
    ['+31 6 12345678', '+31612345678'],
    ['%2B31%206%2012345678', '+31612345678'],
    ['%2B31+6+12345678', '+31612345678'],
    ['0031 6 12345678', '31612345678'],
  ])('normalizes %s to %s (form-encoded spaces are no digits)', (spelling, normal) => {
    expect(normalizePhone(spelling)).toBe(normal);
  });
});
