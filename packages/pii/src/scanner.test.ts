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
  // One scanner for the gate rows (building one takes seconds on a loaded machine).
  let scanner: ReturnType<typeof createPiiScanner> | undefined;
  const gated = () => (scanner ??= createPiiScanner());

  // The keyword gates of the speed rounds (bbc1ac3, f9b7c06) must still open where a match can start: at the start
  // of a text, after a non-ASCII letter or a no-break space, and stay shut only where the pattern refuses.
  test.each([
    ['a login flag at the start of a text', '-u admin:Xq7pw9zz', ['user=admin']],
    ['a login flag after an accented letter', '\u00e9-u admin:Xq7pw9zz', ['user=admin']],
    ['a login flag after a no-break space', '\u00a0-u admin:Xq7pw9zz', ['user=admin', 'secret_kv=Xq7pw9zz']],
    [
      'a login flag after a word and a no-break space',
      'curl\u00a0-u ops:Rt8kLm3wq https://h.example',
      ['user=ops', 'secret_kv=Rt8kLm3wq'],
    ],
    ['a login flag at the start, then a URL', '-u deploy:Vx7pQ2mz https://api.example.com', ['user=deploy']],
    [
      'a Twilio key at the start of a text',
      'SK0123456789abcdef0123456789abcdef',
      ['token=SK0123456789abcdef0123456789abcdef'],
    ],
    [
      'a Twilio key after an accented letter and a space',
      '\u00e9 SK0123456789abcdef0123456789abcdef',
      ['token=SK0123456789abcdef0123456789abcdef'],
    ],
    [
      'a Twilio key after a colon',
      'twilio key:SKfedcba9876543210fedcba9876543210',
      ['token=SKfedcba9876543210fedcba9876543210'],
    ],
    ['a user at an address', 'ssh deploy@10.0.0.5', ['user=deploy', 'ipv4=10.0.0.5']],
    ['a user at an address at the start of a text', 'user@10.0.0.5', ['user=user', 'ipv4=10.0.0.5']],
    ['a user at an address with a path', 'scp file.txt ops@10.1.1.9:/tmp', ['user=ops', 'ipv4=10.1.1.9']],
  ])('finds %s', (_what, text, found) => {
    const values = gated()
      .scan(text)
      .map((m) => `${m.type}=${m.value}`);
    for (const f of found) expect(values).toContain(f);
  });

  test.each([
    [
      'a Java object at a number (no address)',
      'INFO [ProcessThread:-1:PrepRequestProcessor@476] - Got user-level KeeperException',
    ],
    ['an object at a number closing a bracket', 'Processor@476]'],
    ['a Twilio-shaped key glued to a word', 'taskSK0123456789abcdef0123456789abcdef'],
    ['a BGL node name holding -U', 'RAS KERNEL INFO R12-M1-N0-J12-U01 generating core.2275'],
  ])('finds no user or token in %s', (_what, text) => {
    expect(
      gated()
        .scan(text)
        .filter((m) => m.type === 'user' || m.type === 'token'),
    ).toEqual([]);
  });
});
