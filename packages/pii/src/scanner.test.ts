import { createCompiledScanner, createPiiScanner } from './scanner';

describe('createPiiScanner', () => {
  test('returns each match with its type, offsets and value when PII is present', () => {
    const text = 'mail bob@example.com from 10.0.0.9';
    expect(createPiiScanner().scan(text)).toEqual([
      { type: 'email', start: 5, end: 20, value: 'bob@example.com' },
      { type: 'ipv4', start: 26, end: 34, value: '10.0.0.9' },
    ]);
  });

  test('finds only the enabled types when types is given', () => {
    expect(
      createPiiScanner({ types: ['ipv4'] })
        .scan('bob@example.com 10.0.0.9')
        .map((m) => m.type),
    ).toEqual(['ipv4']);
  });

  test('returns nothing when the text is empty', () => {
    expect(createPiiScanner().scan('')).toEqual([]);
  });

  test('resolveBatch finds in each text what resolve finds in it alone, in batches smaller and larger than a slice', () => {
    const scanner = createCompiledScanner();
    const varied = [
      'Accepted password for mkowalski from 192.168.4.17 port 50122 ssh2',
      '',
      'POST /login user=tvance password="Wint3r!Sky" status=401',
      '{"level":"warn","email":"r.osei@corp.example","card":"4111 1111 1111 1111"}',
      'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2lnbmF0dXJlLXZhbHVlLWhlcmU',
      'plain line with nothing in it',
      'contraseña: s3cr3t-valor usuario=jgarcía mac 00:1a:2b:3c:4d:5e',
      'token ghp_1234567890abcdefghijklmnopqrstuvwxyzAB fe80::1ff:fe23:4567:890a',
      'user tvance logged in; later tvance logged out (call +1 415 555 0134)',
      'Accepted password for mkowalski from 192.168.4.17 port 50122 ssh2',
    ];
    // Past one slice of 1,024 lines, so a batch is cut and its keyword table reused.
    const many = Array.from({ length: 2100 }, (_, i) => `${varied[i % varied.length] as string} #${i % 7}`);
    for (const texts of [varied, many, ['one line only user=abc123'], []]) {
      expect(scanner.resolveBatch(texts)).toEqual(texts.map((text) => scanner.resolve(text)));
    }
    expect(scanner.resolveBatch(varied).flat().length).toBeGreaterThan(12);
  });
});
