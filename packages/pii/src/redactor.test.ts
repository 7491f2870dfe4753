import { plantedSecrets } from './testing';
import { piiTypes } from './pii-type';
import { createRedactor } from './redactor';

const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

describe('createRedactor', () => {
  test('replaces every type with its placeholder when all types are enabled', () => {
    const redactor = createRedactor();
    const result = redactor.redact('user jane@example.com from 10.0.0.1 paid with 4111 1111 1111 1111');
    expect(result.text).toBe('user <EMAIL> from <IPV4> paid with <CREDIT_CARD>');
    expect(result.counts).toEqual({ email: 1, ipv4: 1, credit_card: 1 });
    expect(redactor.types).toEqual(piiTypes);
  });

  test('counts each type once per replacement, in the order the types first occur, on short and long lines', () => {
    const redactor = createRedactor({ types: ['email', 'ipv4'] });
    const short = redactor.redact('10.0.0.1 a@example.com 10.0.0.2 b@example.com 10.0.0.3');
    expect(Object.entries(short.counts)).toEqual([
      ['ipv4', 3],
      ['email', 2],
    ]);
    const long = redactor.redact(Array.from({ length: 30 }, (_, i) => `u${i}@example.com 10.0.1.${i + 1}`).join(' '));
    expect(Object.entries(long.counts)).toEqual([
      ['email', 30],
      ['ipv4', 30],
    ]);
  });

  test('redactBatch redacts each text as redact does alone, plain and hashed, and lists replacements only when asked', () => {
    const texts = [
      'login failed for user=okafor from 10.20.30.40',
      'nothing to see',
      '',
      'db password: hunter2-Xq9 and api_key=sk_live_0123456789abcdefABCDEF',
      'mail to okafor@example.org, then okafor again',
    ];
    for (const redactor of [createRedactor(), createRedactor({ hashKey: 'k' })]) {
      const alone = texts.map((text) => redactor.redact(text));
      expect(redactor.redactBatch(texts)).toEqual(alone);
      const mapped = redactor.redactBatchWithReplacements(texts);
      expect(mapped.map(({ text, counts }) => ({ text, counts }))).toEqual(alone);
      expect(mapped.map((result) => result.replacements.length)).toEqual(
        alone.map((result) => Object.values(result.counts).reduce((a, b) => a + b, 0)),
      );
      expect(alone.every((result) => !('replacements' in result))).toBe(true);
    }
    expect(createRedactor().redactBatch(texts)[0]?.text).toBe('login failed for user=<USER> from <IPV4>');
  });

  test('returns the same text and no counts when the line has no candidates', () => {
    const text = 'GET /index.html completed';
    expect(createRedactor().redact(text)).toEqual({ text, counts: {} });
  });

  test('still finds digit-free values when the line has no digit, @, : or =', () => {
    const { text } = createRedactor().redact('hw aa-bb-cc-dd-ee-ff cisco abcd.efab.cdef key AKIAIOSFODNNXWQKZPRT');
    expect(text).toBe('hw <MAC> cisco <MAC> key <AWS_ACCESS_KEY>');
  });

  test('leaves disabled types alone when types is a subset', () => {
    const redactor = createRedactor({ types: ['ipv4', 'email'] });
    expect(redactor.redact('a@b.co 10.1.2.3 4111111111111111').text).toBe('<EMAIL> <IPV4> 4111111111111111');
    expect(redactor.types).toEqual(['email', 'ipv4']);
  });

  test('maps one value to one tag when a hash key is set', () => {
    const redactor = createRedactor({ hashKey: 'k1' });
    const { text } = redactor.redact('a Jane@Example.com b jane@example.com c bob@example.com');
    const tags = text.match(/<EMAIL:[0-9a-f]{8}>/g) ?? [];
    expect(tags).toHaveLength(3);
    expect(tags[0]).toBe(tags[1]);
    expect(tags[2]).not.toBe(tags[0]);
  });

  test('changes tags when the hash key changes', () => {
    const a = createRedactor({ hashKey: 'k1' }).redact('x 10.0.0.1').text;
    const b = createRedactor({ hashKey: Buffer.from('k2') }).redact('x 10.0.0.1').text;
    expect(a).not.toBe(b);
  });

  test('keeps scheme and host when a URL carries an email-like user and a password', () => {
    const { text, counts } = createRedactor().redact('db=https://alice@example.com:pw1@db.example.com/x');
    expect(text).toBe('db=https://<URL_CREDENTIALS>@db.example.com/x');
    expect(counts).toEqual({ url_credentials: 1 });
  });

  test('redacts the host address too when a URL with credentials points at an IP', () => {
    expect(createRedactor().redact('redis://:pw123@10.1.2.3:6379').text).toBe('redis://<URL_CREDENTIALS>@<IPV4>:6379');
  });

  test('leaves no tail of a token and names it a JWT when a bearer JWT is in a header', () => {
    const { text } = createRedactor().redact(`Authorization: Bearer ${jwt}`);
    expect(text).toBe('Authorization: Bearer <JWT>');
  });

  test('names the value by its format when a JWT is assigned to a secret key', () => {
    expect(createRedactor().redact(`token=${jwt}`).text).toBe('token=<JWT>');
  });

  test('prefers the AWS secret type when both it and the generic key/value match', () => {
    const { counts } = createRedactor().redact('aws_secret_access_key=q8Fz2LmW0xK7vB3nR9tY1cH5dJ4pS6gUoE+a/Ni2');
    expect(counts).toEqual({ aws_secret_key: 1 });
  });

  test('hides the whole key block when a PEM block spans lines', () => {
    const text = 'k=-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\nq3\n-----END EC PRIVATE KEY-----\ndone';
    expect(createRedactor().redact(text).text).toBe('k=<PRIVATE_KEY>\ndone');
  });

  test('rejects unknown types with the index when types has a typo', () => {
    expect(() => createRedactor({ types: ['email', 'emial' as never] })).toThrow(
      /options\.types\[1\] is not a PII type/,
    );
  });

  test('rejects an empty hash key when hashKey is set to empty', () => {
    expect(() => createRedactor({ hashKey: '' })).toThrow(/hashKey must not be empty/);
  });

  describe('redactRecord', () => {
    test('redacts object keys and keeps colliding keys apart when two redact alike', () => {
      expect(
        createRedactor().redactRecord({ '10.0.0.7': 'a', '10.0.0.8': 'b', 'jane@example.com': { ok: true } }).value,
      ).toEqual({
        '<IPV4>': 'a',
        '<IPV4>#2': 'b',
        '<EMAIL>': { ok: true },
      });
    });

    test('redacts nested strings and secret-named keys when given an object', () => {
      const input = {
        user: { email: 'x@y.com', password: 'hunter2', apiKey: 12345 },
        hosts: ['10.0.0.1', 3, null],
        ok: true,
      };
      expect(createRedactor().redactRecord(input).value).toEqual({
        user: { email: '<EMAIL>', password: '<SECRET_KV>', apiKey: '<SECRET_KV>' },
        hosts: ['<IPV4>', 3, null],
        ok: true,
      });
      expect(input.user.password).toBe('hunter2');
    });

    test('keeps secret-named values when secret_kv is disabled', () => {
      expect(createRedactor({ types: ['email'] }).redactRecord({ password: 'hunter2' }).value).toEqual({
        password: 'hunter2',
      });
    });

    test('terminates and keeps the shape when the value has a cycle', () => {
      const input: Record<string, unknown> = { ip: '10.0.0.1' };
      input.self = input;
      const out = createRedactor().redactRecord(input).value as Record<string, unknown>;
      expect(out.ip).toBe('<IPV4>');
      expect(out.self).toBe(out);
    });

    test('returns non-plain objects as they are when given a Date', () => {
      const date = new Date(0);
      expect(createRedactor().redactRecord({ at: date }).value).toEqual({ at: date });
    });
  });
});

describe('planted secrets', () => {
  test.each(plantedSecrets().map((p) => [p.kind, p]))(
    'leaves no trace of the %s when its line is redacted',
    (_kind, planted) => {
      expect(createRedactor().redact(planted.line).text).not.toContain(planted.value);
    },
  );
});
