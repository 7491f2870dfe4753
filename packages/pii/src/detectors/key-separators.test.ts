import { createGroupScan } from '../keyword-scan';
import { beforeSeparator, execAtKeyPair, joined, keyPairAt, keyWordFamily } from './key-separators';

describe('key separators', () => {
  const secretKeys = keyWordFamily(['pass', 'token', 'contraseña', 'account name']);
  const userKeys = keyWordFamily(['user'], (text, end) => text.startsWith('uid', end - 3));

  test.each([
    ['a key ending in the word', 'db_pass=1', 0],
    ['a key in capitals', 'DB_PASS=1', 0],
    ['a quoted key before blanks and a colon', '{"token" : 1}', 0],
    ['a JSON-escaped key', '{\\"token\\":1}', 0],
    ['a key with the word not at its end', 'pass_count=1', -1],
    ['a key of another family', 'user=1', -1],
    ['a word with a non-ASCII letter in either case', 'CONTRASEÑA: x', 0],
    ['a word with a space', 'Account Name: x', 0],
    ['the word cut short by the start of the text', 'ken=1', -1],
    ['the word in prose only', 'the pass was used at 10:00', -1],
  ])('keyPairAt: %s', (_, text, expected) => {
    const separator = text.search(/[:=]/);
    expect(keyPairAt(text, 0, secretKeys)).toBe(expected === 0 ? separator : -1);
  });

  test('keyPairAt tells the families apart and asks a family its own test', () => {
    const text = 'user=a pass=b uid=c';
    expect([keyPairAt(text, 0, userKeys), keyPairAt(text, 5, userKeys), keyPairAt(text, 0, secretKeys)]).toEqual([
      4, 17, 11,
    ]);
  });

  test.each([
    ['a key before `=`', 'db_pass=1', true],
    ['a quoted key before blanks and a colon', '{"Pass" : 1}', true],
    ['a JSON-escaped key', '{\\"pass\\":1}', true],
    ['a key in brackets', "$cfg['pass'] = 1", true],
    ['a key before a no-break space', 'pass\u00a0= 1', true],
    ['a word with a non-ASCII letter', 'contraseña: x', true],
    ['the word inside a longer word', 'passed=1 passage:', false],
    ['the word before other punctuation', 'pass, pass.count', false],
  ])('beforeSeparator gates %s: %s', (_, text, gated) => {
    const found = new Int32Array(1);
    createGroupScan([[beforeSeparator(['pass', 'contraseña'])]])(text, found);
    expect(found[0] === 1).toBe(gated);
  });

  test('joined spells a word with each joiner', () => {
    expect(joined('user', ['name'], '_.')).toEqual(['user', 'username', 'user_name', 'user.name']);
  });

  test('keyWordFamily refuses a word it cannot hold', () => {
    expect(() => keyWordFamily(['pass1'])).toThrow(/pass1/);
  });

  // A key/value pattern of the kind the detectors use: its key ends in one of the words.
  const keyValue = /(?<![\w.-])(\\?["']?)([\w.-]*?(?:pass|token))\1\s*(?:=>|[:=])\s*\\?["']?([^\s"'&,;]+)/gi;
  const scanned = (text: string) => {
    const found: string[] = [];
    keyValue.lastIndex = 0;
    for (let m = keyValue.exec(text); m !== null; m = keyValue.exec(text)) found.push(`${m.index}:${m[0]}`);
    return found;
  };
  const atPairs = (text: string) => {
    const found: string[] = [];
    for (
      let m = execAtKeyPair(keyValue, text, 0, secretKeys);
      m !== null;
      m = execAtKeyPair(keyValue, text, m.index + m[0].length, secretKeys)
    )
      found.push(`${m.index}:${m[0]}`);
    return found;
  };

  test.each([
    ['logfmt pairs', 'user=bob db_pass=hunter2 token=abc ok=1'],
    ['JSON, escaped JSON and a fat arrow', '{"token": "t1", "x": 2} {\\"pass\\":\\"p2\\"} \'token\' => \'t3\''],
    ['pairs that follow each other without a blank', 'pass=a:token=b'],
    ['the words in prose only', 'the pass was valid: token expired at 10:00'],
    ['no separator', 'password token pass'],
  ])('execAtKeyPair finds what a scan of the whole text finds: %s', (_, text) => {
    expect(atPairs(text)).toEqual(scanned(text));
  });

  test('execAtKeyPair finds what a scan finds on generated lines', () => {
    const pieces = ['pass', 'token', 'PASS', 'x', 'db_', '=', ':', '=>', ' ', '"', "'", '\\', 'v1', ',', '.', '-'];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor(seed / 65536) % n;
    };
    let matches = 0;
    for (let line = 0; line < 3000; line++) {
      const text = Array.from({ length: 4 + random(24) }, () => pieces[random(pieces.length)]).join('');
      const found = atPairs(text);
      expect(found).toEqual(scanned(text));
      matches += found.length;
    }
    expect(matches).toBeGreaterThan(500);
  });
});
