import { createPiiScanner } from '../scanner';

/** Values that a record's structure or a field's name types, and the boundaries of addresses written in prose. */
describe('record fields and address boundaries', () => {
  const scanner = createPiiScanner();
  const found = (text: string) => scanner.scan(text).map((m) => [m.type, m.value]);

  test.each([
    [
      "finds the SSN in an HL7 PID segment's field 19",
      'MSH|^~\\&|LIS|H1|EHR|H1|20250101||ADT^A08|M1|P|2.3\rPID|1||44^^^H1||DOE^JO||19800101|M|||1 Main St^^Town||||||||512-44-8721|',
      [['us_ssn', '512-44-8721']],
    ],
    [
      'finds the SSN and the phone when X12 qualifiers name them',
      'NM1*IL*1*DOE*JO~REF*SY*512448721~PER*IC*JO DOE*TE*6175550143~SE*12*0001~',
      [
        ['us_ssn', '512448721'],
        ['phone', '6175550143'],
      ],
    ],
    ['finds a spaced SSN when ssn ends the key', 'borrower_ssn=512 44 8721 status=ok', [['us_ssn', '512 44 8721']]],
    [
      'finds a phone after a field reference and a URL-encoded + before a number',
      'ACK error at OBX-5 +49 30 901820 then body To=%2B4930901820&From=x',
      [
        ['phone', '+49 30 901820'],
        ['phone', '%2B4930901820'],
      ],
    ],
    [
      'finds a MAC without separators when its key names a MAC',
      'Set-NetAdapter -MacAddress "00155D3A7F21"; hwaddr=A4BB6D0C91E2; hmac=9f2c4e6a8b1d',
      [
        ['mac', '00155D3A7F21'],
        ['mac', 'A4BB6D0C91E2'],
      ],
    ],
    [
      'finds an IPv4 address after an ellipsis',
      'tunnel 203.0.113.5...198.51.100.77 up',
      [
        ['ipv4', '203.0.113.5'],
        ['ipv4', '198.51.100.77'],
      ],
    ],
    [
      'leaves out a colon that ends an IPv6 address and a five-digit port',
      'from fe80::a1b2:33ff:fe44:5566: rejected; peer (2001:db8:4::3f1:51820) ok',
      [
        ['ipv6', 'fe80::a1b2:33ff:fe44:5566'],
        ['ipv6', '2001:db8:4::3f1'],
      ],
    ],
    [
      'ignores file names, message ids and documentation keys when they look like hosts, emails or key ids',
      'image "disk0:/fw7-18-3-56-lite-k9.bin" msgid=<20250101.7F2A@mail.example.com> id=AB12cd34@example.org AKIAIOSFODNN7EXAMPLE AKIAXXXXXXXXXXXXXXXX',
      [],
    ],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});
