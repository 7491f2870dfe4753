import { redactRecords } from './redact-record';
import { plantedSecrets } from './testing';
import { createRedactor } from './redactor';
import { createCompiledScanner } from './scanner';

const redactor = createRedactor();
const record = (value: unknown): unknown => redactor.redactRecord(value).value;

describe('redactRecord', () => {
  test('replaces a value only its key makes PII, when the key names a user, an auth header or a secret', () => {
    expect(
      record({
        'user.name': 'hvolkova',
        auth: 'x7Kq9pLm2ZrT4vWn',
        Authorization: 'Token 9f8e7d6c5b4a39281706f5e4d3c2b1a0',
        status: 'ok',
      }),
    ).toEqual({
      'user.name': '<USER>',
      auth: '<SECRET_KV>',
      Authorization: 'Token <AUTH_HEADER>',
      status: 'ok',
    });
  });

  // What a logger already masked or only refers to, under a secret-named key: the line `{"password":"[FILTERED]"}` keeps
  // it, and so must the record (a placeholder there would count a false alarm and hide that the value was masked).
  test.each([
    ["Rails' filter", { password: '[FILTERED]' }],
    ['stars', { api_key: '***' }],
    ['a word in angle brackets', { client_secret: '<redacted>' }],
    ['a word in capitals', { token: 'REDACTED' }],
    ['a null-like word', { passwd: 'null' }],
    ['a variable', { db_password: '${DB_PASSWORD}' }],
    ['a path', { secret_file: '/run/secrets/db' }],
    ['a list of masks', { passwords: ['***', '[FILTERED]'] }],
    ['a token of no credential', { next_page_token: 'CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA0NmQ0dmxlZBIA' }],
  ])('keeps a stand-in under a secret-named key as its line does: %s', (_, value) => {
    const line = JSON.stringify(value);
    expect(redactor.redact(line).text).toBe(line);
    expect(redactor.redactRecord(value)).toEqual({ value, counts: {} });
  });

  // A password of a few digits or a path is still the password: only a mask or a reference is left under a password,
  // passcode or secret key, and in a secret key's list.
  test.each([
    ['digits as a string', { password: '123' }, { password: '<SECRET_KV>' }],
    ['digits as a number', { password: 123 }, { password: '<SECRET_KV>' }],
    ['a passcode with a leading zero', { passcode: '042' }, { passcode: '<SECRET_KV>' }],
    ['one digit', { secret: '7' }, { secret: '<SECRET_KV>' }],
    ['a path-like password', { user: 'svc', password: '/Tr0ub4dor-3x9' }, { user: '<USER>', password: '<SECRET_KV>' }],
    ['digits in a list', { passwords: ['123', 'hunter2'] }, { passwords: ['<SECRET_KV>', '<SECRET_KV>'] }],
  ])('replaces a count or path under a password key whole: %s', (_, value, expected) => {
    expect(record(value)).toEqual(expected);
  });

  // The line `pass=SP27-004418 zone=B` keeps a season pass's number (secret_kv's isRecordNumberUnder): so must the record,
  // where `pass` is a secret-named key whose value, or list, is otherwise replaced whole. (`businessKey` and `ticket_key`
  // name no secret: the record never replaced their values whole, and secret-key-words.test.ts has their line.)
  test.each([
    ['a season pass', { pass: 'SP27-004418', zone: 'B' }],
    ['a day pass', { day_pass: 'DP-2026-11873' }],
    ["a pass's numbers in a list", { pass: ['SP27-004418', 'SP27-004419'] }],
    ["a cruise's seapass", { seapass: 'SP-0098812204' }],
    ['a boarding pass', { boarding_pass: 'BP-2027-118204' }],
    ['a season pass named so', { 'season-pass': 'SP27-004418' }],
  ])("keeps a record's number under a key that names the record, as its line does: %s", (_, value) => {
    const line = JSON.stringify(value);
    expect(redactor.redact(line).text).toBe(line);
    expect(redactor.redactRecord(value)).toEqual({ value, counts: {} });
    expect(redactor.redactLines([line])).toEqual([{ text: line, counts: {} }]);
  });

  test("replaces a record number's shape under a password key whole, as its line does", () => {
    expect(record({ temp_password: 'TMP-483921' })).toEqual({ temp_password: '<SECRET_KV>' });
    expect(redactor.redact('{"temp_password":"TMP-483921"}').text).toBe('{"temp_password":"<SECRET_KV>"}');
  });

  // Each key that redacts like one before it takes the next free #n in one step: counted as the copy's key lookups.
  test.each([
    ['emails', (i: number) => `u${i}@example.net`, '<EMAIL>'],
    ['IP addresses', (i: number) => `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`, '<IPV4>'],
  ])(
    'When many keys redact to the same placeholder (%s), then each finds its #n suffix in a few steps',
    (_, key, tag) => {
      const steps = (n: number): number => {
        const value = Object.fromEntries(Array.from({ length: n }, (_, i) => [key(i), i]));
        const spy = jest.spyOn(Object.prototype, 'hasOwnProperty');
        try {
          const copy = redactor.redactRecord(value).value as Record<string, number>;
          expect(Object.keys(copy)).toEqual(Array.from({ length: n }, (_, i) => (i === 0 ? tag : `${tag}#${i + 1}`)));
          return spy.mock.calls.length;
        } finally {
          spy.mockRestore();
        }
      };
      // Linear: about 5 lookups per key now (the walk checks each key too); from #2 each time, 800 * 800 / 2 of them.
      expect(steps(800)).toBeLessThan(800 * 8);
    },
  );

  // A system's pass is its password: a record number's shape there is a chosen secret, in the record and in the line.
  test.each([
    ['a database', 'db_pass', 'PGX-2024-77231'],
    ['a mail server', 'smtp_pass', 'MAIL-2024-0815'],
    ['an admin account', 'admin_pass', 'ADM-2024-55120'],
    ['a dotted key', 'user.pass', 'USR-2025-31337'],
    ['a key in capitals', 'REDIS_PASS', 'RDS-2026-40412'],
  ])("replaces a record number's shape under %s's pass whole, as its line does", (_, key, secret) => {
    expect(record({ [key]: secret })).toEqual({ [key]: '<SECRET_KV>' });
    expect(redactor.redactLines([JSON.stringify({ [key]: secret })])[0]?.text).toBe(`{"${key}":"<SECRET_KV>"}`);
    expect(redactor.redact(`${key}=${secret}`).text).toBe(`${key}=<SECRET_KV>`);
  });

  test('replaces a value under a secret-named key with the type its own reading gives it whole, as a line does', () => {
    const github = plantedSecrets().find((p) => p.kind.startsWith('github token'))?.value ?? '';
    const value = { api_key: github, tokens: 3, password: 'hunter2', secret: `${github} and more` };
    expect(redactor.redactRecord(value)).toEqual({
      value: { api_key: '<TOKEN>', tokens: 3, password: '<SECRET_KV>', secret: '<SECRET_KV>' },
      counts: { token: 1, secret_kv: 2 },
    });
    expect(redactor.redact(JSON.stringify({ api_key: github })).text).toBe('{"api_key":"<TOKEN>"}');
  });

  test('replaces a real value beside a stand-in under secret-named keys, and types a PEM block by its own reading', () => {
    const pem =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU\n-----END OPENSSH PRIVATE KEY-----';
    expect(
      record({ password: '[FILTERED]', passwords: ['***', 'Winter-2024!'], secret: 'hunter2', private_key: pem }),
    ).toEqual({
      password: '[FILTERED]',
      passwords: ['***', '<SECRET_KV>'],
      secret: '<SECRET_KV>',
      private_key: '<PRIVATE_KEY>',
    });
  });

  test('replaces a value only a sibling field makes a user name, and keeps the sibling', () => {
    expect(record({ type: 'user', name: 'okarlsson', role: 'write' })).toEqual({
      type: 'user',
      name: '<USER>',
      role: 'write',
    });
  });

  test('redacts keys that are PII and keeps the names of keys that are not', () => {
    expect(record({ '192.168.14.2': { state: 'up' }, 'ops@example.org': 3, 'host.name': 'web' })).toEqual({
      '<IPV4>': { state: 'up' },
      '<EMAIL>': 3,
      'host.name': 'web',
    });
  });

  test('keeps a key whose value is a secret, as the key names no one', () => {
    const out = record({ password: 'Tr0ub4dor&3', username: 'mbeaulieu' }) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['password', 'username']);
    expect(out).toEqual({ password: '<SECRET_KV>', username: '<USER>' });
  });

  test('reads values in nested arrays and objects beside their keys, and each item of a secret-named list', () => {
    expect(
      record({
        events: [{ user: { name: 'ptrevino' }, from: ['10.1.2.3', 'ok'] }, [['jo@example.net']]],
        password: ['alpha-77', 'beta-88'],
      }),
    ).toEqual({
      events: [{ user: { name: '<USER>' }, from: ['<IPV4>', 'ok'] }, [['<EMAIL>']]],
      password: ['<SECRET_KV>', '<SECRET_KV>'],
    });
  });

  test("takes a plural secret key for a list of secrets, and keeps the counts of an LLM's tokens", () => {
    expect(
      record({
        passwords: ['Winter-2024!', 'hunter2'],
        apiKeys: ['k4Zp9qLr2Tx'],
        usage: { prompt_tokens: 812, completion_tokens: 64 },
        keys: ['sort', 'limit'],
      }),
    ).toEqual({
      passwords: ['<SECRET_KV>', '<SECRET_KV>'],
      apiKeys: ['<SECRET_KV>'],
      usage: { prompt_tokens: 812, completion_tokens: 64 },
      keys: ['sort', 'limit'],
    });
  });

  test('keeps numbers, booleans and null as they are when no match falls in them', () => {
    const date = new Date(0);
    expect(record({ port: 8443, ratio: 0.25, ok: false, none: null, at: date, big: 12n, nan: Number.NaN })).toEqual({
      port: 8443,
      ratio: 0.25,
      ok: false,
      none: null,
      at: date,
      big: 12n,
      nan: Number.NaN,
    });
  });

  test('replaces a number a match falls in with the redacted text, so a number PII does not leave', () => {
    expect(record({ note: 'card', card: 4111111111111111 })).toEqual({ note: 'card', card: '<CREDIT_CARD>' });
  });

  test("keeps a value holding a key's name inside it as text, and redacts only what it says", () => {
    expect(record({ msg: 'password reset mailed to lee@example.com', level: 'info' })).toEqual({
      msg: 'password reset mailed to <EMAIL>',
      level: 'info',
    });
    expect(record({ msg: 'user=hkowalski logged in' })).toEqual({ msg: 'user=<USER> logged in' });
  });

  test('keeps quotes, backslashes, tabs and line breaks around a value where they stand', () => {
    expect(record({ msg: 'say "hi"\nfrom 10.9.8.7\\x\t"done"' })).toEqual({ msg: 'say "hi"\nfrom <IPV4>\\x\t"done"' });
    expect(record({ 'a"b': 'q\u0001 jo@example.net' })).toEqual({ 'a"b': 'q\u0001 <EMAIL>' });
    expect(record({ m: '"x"\tjo@example.net\n"y" li@example.org\\10.0.0.1"' })).toEqual({
      m: '"x"\t<EMAIL>\n"y" <EMAIL>\\<IPV4>"',
    });
  });

  test('reads a value holding quotes or line breaks as it reads alone, where a rule reads its quotes', () => {
    const line = 'smtp.login("mailer@example.com", "Lg4fT9qW2zXc")';
    expect(record({ call: line })).toEqual({ call: redactor.redact(line).text });
    expect(JSON.stringify(record({ call: line }))).not.toContain('Lg4fT9qW2zXc');
  });

  describe("a value's own characters", () => {
    const token = plantedSecrets().find((p) => p.kind.startsWith('github token'))?.value ?? '';
    // Values a program logs inside a record: a command with a quoted token, JSON text in a string, a MySQL denial whose
    // `YES` is no password, an INI block, a .netrc line in quotes; each with its own quotes, commas, brackets, breaks.
    const values = [
      `release upload v3.1 --token "${token}" --clobber`,
      `reply {"authorization":"token ${token}","accept":"json"} sent`,
      `Access denied for user 'tquill'@'10.20.30.40' (using password: YES)\n`,
      '[db]\nuser=tquill\npassword=Vx82kLq0Zr\n',
      '"netrc: machine ci.example.net login tquill password Vx82kLq0Zr",',
      'ids ["10.1.2.3", "ops@example.org"], next',
      'Password was reset for ops.\nNew value: Qw8*Lm=Zt3pRv0+Nk',
    ];
    /** A record with each string in it redacted alone, keys and numbers as they are. */
    const eachAlone = (value: unknown, redaction: typeof redactor): unknown =>
      typeof value === 'string'
        ? redaction.redact(value).text
        : Array.isArray(value)
          ? value.map((v) => eachAlone(v, redaction))
          : typeof value === 'object' && value !== null
            ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, eachAlone(v, redaction)]))
            : value;
    /** Each value where a record puts it: a JSON body's field, an attribute among others, an array's element, deeper. */
    const places: Array<[string, (v: string) => unknown, (copy: unknown) => unknown]> = [
      ['a JSON body field', (v) => ({ message: v, level: 'info' }), (c) => (c as { message: unknown }).message],
      [
        'an attribute among others',
        (v) => ({ 'service.name': 'releases', note: v, 'host.name': 'ci-runner-4' }),
        (c) => (c as { note: unknown }).note,
      ],
      ['an array element', (v) => [v, 'next'], (c) => (c as unknown[])[0]],
      [
        'a nested field',
        (v) => ({ a: { b: [{ text: v }] } }),
        (c) => (c as { a: { b: Array<{ text: unknown }> } }).a.b[0]?.text,
      ],
    ];

    test.each(places)(
      'When a value stands as %s, then it and the fields beside it read as they do alone, their own characters kept',
      (_, put, get) => {
        for (const redaction of [redactor, createRedactor({ hashKey: 'own-characters' })])
          for (const value of values) {
            const { value: copy, counts } = redaction.redactRecord(put(value));
            const alone = redaction.redact(value);
            expect(get(copy)).toBe(alone.text);
            expect(copy).toEqual(eachAlone(put(value), redaction));
            expect(counts).toEqual(alone.counts);
          }
      },
    );

    test('When a value holds a quoted token or JSON text, then the placeholder replaces the token alone', () => {
      expect(record({ cmd: values[0] })).toEqual({ cmd: 'release upload v3.1 --token "<TOKEN>" --clobber' });
      expect(record([values[1]])).toEqual(['reply {"authorization":"token <TOKEN>","accept":"json"} sent']);
      expect(record({ m: values[2] })).toEqual({
        m: "Access denied for user '<USER>'@'<IPV4>' (using password: YES)\n",
      });
      expect(record({ ini: values[3] })).toEqual({ ini: '[db]\nuser=<USER>\npassword=<SECRET_KV>\n' });
    });

    test('When keys and numbers hold quotes or stand beside such values, then they stay as they are', () => {
      const input = { 'say "hi"': 12345, 'a\nb': values[0], port: 8443, ratio: 0.5 };
      const copy = record(input) as Record<string, unknown>;
      expect(Object.keys(copy)).toEqual(Object.keys(input));
      expect(copy).toEqual({ ...input, 'a\nb': redactor.redact(values[0] as string).text });
    });
  });

  test('counts each replacement once, a secret-named value included', () => {
    expect(
      redactor.redactRecord({ ip: '10.0.0.1', to: ['a@example.com', 'b@example.com'], token: 4217 }).counts,
    ).toEqual({
      ipv4: 1,
      email: 2,
      secret_kv: 1,
    });
  });

  test('gives equal values the same hashed placeholder as redact() does in text', () => {
    const hashed = createRedactor({ hashKey: 'test-key', types: ['email'] });
    const inText = hashed.redact('mail Jane@Example.com').text.slice(5);
    expect(hashed.redactRecord({ to: 'jane@example.com', 'Jane@Example.com': 1 }).value).toEqual({
      to: inText,
      [inText]: 1,
    });
  });

  test('returns strings and scalars given alone as redact() would', () => {
    expect(record('from 10.0.0.1')).toBe('from <IPV4>');
    expect(record(7)).toBe(7);
    expect(record(undefined)).toBeUndefined();
  });

  test('redacts a batch of records as each alone: nested, in arrays, under secret keys, escaped, deep, plain and hashed', () => {
    const deep = (levels: number, leaf: unknown): unknown => {
      let value = leaf;
      for (let i = 0; i < levels; i++)
        value = i % 2 === 0 ? [value, 'via 10.8.0.3'] : { next: value, token: 'Rt7vQ2pLx9' };
      return value;
    };
    const cycle: Record<string, unknown> = { contact: 'ana@example.org' };
    cycle.self = cycle;
    const varied: unknown[] = [
      { event: 'login', user: { name: 'dkessler', email: 'dk@example.com' }, from: '192.0.2.44' },
      { password: ['Winter-2024!', 99120], client_secret: 'c2VjcmV0LXZhbHVl', api_key: 40512 },
      { '203.0.113.9': { state: 'up' }, 'ops@example.org': ['a', 'b'], 'host.name': 'web-3' },
      [{ type: 'user', name: 'mfischer' }, [['call +44 20 7946 0958']], null, true, 3.5],
      { msg: 'login("svc@example.net", "Pq7wZx2Lm9")\nretry', note: 'tab\there "quoted" 10.1.1.1' },
      { nothing: 'to see', count: 12, ok: false },
      deep(60, { owner: 'tvance', password: 'Zq81bXk2', card: 4111111111111111 }),
      cycle,
      'a string record from 10.0.0.5',
      42,
      null,
      [],
      {},
      { session: 'user=jdoe logged in from 10.9.9.9', repeat: 'jdoe again' },
    ];
    for (const redactor of [createRedactor(), createRedactor({ hashKey: 'batch-key' })]) {
      // Each record alone, in the batch, and among copies of the others (every record once at every place).
      const alone = varied.map((value) => redactor.redactRecord(value));
      expect(redactor.redactRecords(varied)).toEqual(alone);
      const rotated = [...varied.slice(5), ...varied, ...varied.slice(0, 5)];
      expect(redactor.redactRecords(rotated)).toEqual(rotated.map((value) => alone[varied.indexOf(value)]));
      expect(redactor.redactRecords([])).toEqual([]);
    }
    const [first, second] = redactor.redactRecords(varied);
    expect(first?.value).toEqual({
      event: 'login',
      user: { name: '<USER>', email: '<EMAIL>' },
      from: '<IPV4>',
    });
    expect(second?.value).toEqual({
      password: ['<SECRET_KV>', '<SECRET_KV>'],
      client_secret: '<SECRET_KV>',
      api_key: '<SECRET_KV>',
    });
  });

  test("When records come in runs of equal ones (a stream's attributes, item after item), then each run is scanned once with the same results", () => {
    const scanner = createCompiledScanner();
    const scannedTexts: string[] = [];
    const redaction = {
      resolveBatch: (texts: readonly string[]) => (scannedTexts.push(...texts), scanner.resolveBatch(texts)),
      tag: (type: string) => `<${type.toUpperCase()}>`,
      secretKeys: true,
    };
    const stream = { 'service.name': 'billing', 'host.name': 'ip-10-0-3-7', 'user.name': 'mfischer' };
    const other = { 'service.name': 'billing', 'host.name': 'ip-10-0-3-8', 'user.name': 'mfischer' };
    const note = 'quoted "jdoe" from 10.1.1.1';
    const records = [stream, { ...stream }, { ...stream }, other, { ...stream }, { note }, { note }];
    const batch = redactRecords(records, redaction);
    // Equal texts next to each other are scanned once; a text equal to one further back is scanned again.
    expect(scannedTexts.filter((t) => t === JSON.stringify(stream))).toHaveLength(2);
    expect(scannedTexts.filter((t) => t === note)).toHaveLength(1);
    expect(batch).toEqual(records.map((record) => redactRecords([record], redaction)[0]));
    expect(batch[2]?.value).toEqual({ 'service.name': 'billing', 'host.name': '<HOSTNAME>', 'user.name': '<USER>' });
    expect(batch[2]?.value).not.toBe(batch[1]?.value);
  });

  test('When a record has a field named __proto__, then the copy keeps it as a field, redacted, and its prototype', () => {
    const record = JSON.parse('{"__proto__":{"owner":"ana@example.org"},"note":"x"}') as Record<string, unknown>;
    const { value, counts } = redactor.redactRecord(record);
    expect(JSON.stringify(value)).toBe('{"__proto__":{"owner":"<EMAIL>"},"note":"x"}');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(counts).toEqual({ email: 1 });
  });

  describe('at any depth', () => {
    const depth = 100_000;
    /** `leaf` under `depth` objects (`{"a":{"a":…}}`) or arrays, and the deepest container. */
    function nest(kind: 'object' | 'array', leaf: Record<string, unknown>): unknown {
      let value: unknown = leaf;
      for (let i = 1; i < depth; i++) value = kind === 'object' ? { a: value } : [value];
      return value;
    }
    /** How many containers deep `value` nests down its first members, and the innermost one, walked without recursion. */
    function bottom(value: unknown): { depth: number; leaf: unknown } {
      let n = 1;
      for (let at = value; ; n++) {
        const inner: unknown = Array.isArray(at) ? at[0] : (at as Record<string, unknown>).a;
        if (inner === undefined) return { depth: n, leaf: at };
        at = inner;
      }
    }

    test.each(['object', 'array'] as const)(
      'When a record nests %ss 100,000 deep, then the copy keeps every level and its values are redacted at the bottom',
      (kind) => {
        const input = nest(kind, {
          contact: 'ops@example.net',
          password: 'Zq81bXk2',
          port: 8443,
          'user.name': 'hvolkova',
        });
        const { value, counts } = redactor.redactRecord(input);
        const found = bottom(value);
        expect(found.depth).toBe(depth);
        expect(found.leaf).toEqual({ contact: '<EMAIL>', password: '<SECRET_KV>', port: 8443, 'user.name': '<USER>' });
        expect(counts).toEqual({ email: 1, secret_kv: 1, user: 1 });
      },
    );
  });
});
