import { execAtKeyPair, joined, keyWordsTest } from './key-separators';

describe('key separators', () => {
  const secretWord = keyWordsTest(['pass', 'token', 'contraseña', 'account name']);

  test.each([
    ['a key ending in the word', 'db_pass', true],
    ['a key in capitals', 'DB_PASS', true],
    ['a key with the word not at its end', 'pass_count', false],
    ['a key of another word', 'user', false],
    ['a word with a non-ASCII letter in either case', 'CONTRASEÑA', true],
    ['a word with a space', 'Account Name', true],
    ['the word cut short by the start of the text', 'ken', false],
  ])('keyWordsTest: %s', (_, key, expected) => {
    expect(secretWord(key, key.length)).toBe(expected);
  });

  test('joined spells a word with each joiner', () => {
    expect(joined('user', ['name'], '_.')).toEqual(['user', 'username', 'user_name', 'user.name']);
  });

  test('keyWordsTest refuses a word it cannot hold', () => {
    expect(() => keyWordsTest(['pass1'])).toThrow(/pass1/);
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
      let m = execAtKeyPair(keyValue, text, 0, secretWord);
      m !== null;
      m = execAtKeyPair(keyValue, text, m.index + m[0].length, secretWord)
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
      return seed % n;
    };
    for (let line = 0; line < 3000; line++) {
      const text = Array.from({ length: 4 + random(24) }, () => pieces[random(pieces.length)]).join('');
      expect(atPairs(text)).toEqual(scanned(text));
    }
  });
});
