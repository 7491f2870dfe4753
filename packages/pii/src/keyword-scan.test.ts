import { afterAnyBut, asThePassReads, createGroupScan, isWhitespace } from './keyword-scan';

function groupsIn(slots: ReadonlyArray<ReadonlyArray<readonly string[]>>, text: string): number[] {
  const found = new Int32Array(slots.length);
  createGroupScan(slots)(text, found);
  return [...found];
}

describe('createGroupScan', () => {
  const slots = [
    [['password', 'pass'], ['token']],
    [['user', 'users'], ['-u'], ['login(']],
  ];

  test('sets the bit of each group with a word in the text, per slot', () => {
    expect(groupsIn(slots, 'login(bob) token=x')).toEqual([0b10, 0b100]);
  });

  test('finds words in any ASCII case', () => {
    expect(groupsIn(slots, 'DB_PASSWORD=x User=bob')).toEqual([0b01, 0b001]);
  });

  test('finds every word inside a longer one and words that overlap', () => {
    // `users` holds `user`; `passtoken` holds `pass` and `token` back to back; `-user` holds `-u` and `user`.
    expect(groupsIn([[['users'], ['user']]], 'all users')).toEqual([0b11]);
    expect(groupsIn(slots, 'passtoken -user')).toEqual([0b11, 0b011]);
  });

  test('finds a word after a partial one that failed (the automaton falls back, it does not restart)', () => {
    expect(groupsIn(slots, 'passwopassword')).toEqual([0b01, 0]);
    expect(groupsIn([[['abab', 'bac']]], 'ababac')).toEqual([0b1]);
  });

  test('finds nothing when no word is there, and non-ASCII characters break a word', () => {
    expect(groupsIn(slots, 'nothing here, ünïcödé')).toEqual([0, 0]);
    expect(groupsIn(slots, 'tok\u00e9n us\u0130er')).toEqual([0, 0]);
    expect(groupsIn(slots, '')).toEqual([0, 0]);
  });

  test('reads whitespace past ASCII as the blank of a word, and nothing else past ASCII', () => {
    const blank = [[['api key'], ['token ']]];
    expect(groupsIn(blank, 'api\u00a0key token\u3000x')).toEqual([0b11]);
    expect(groupsIn(blank, 'api\u00e9key token\u00e9x')).toEqual([0]);
  });

  test('reads the start of a text as a line break and other characters past ASCII as \\x7f', () => {
    const marks = [[['\nuser '], ['\x7f-']]];
    expect(groupsIn(marks, 'USER app')).toEqual([0b01]);
    expect(groupsIn(marks, 'run USER app')).toEqual([0]);
    expect(groupsIn(marks, 'x \u2192-v')).toEqual([0b10]);
    expect(groupsIn(marks, 'x \u00a0-v')).toEqual([0]);
  });

  test('lists a word after every character a look-behind lets stand before it', () => {
    const words = afterAnyBut(/[\w-]/, '-');
    expect(words).toEqual(expect.arrayContaining([' -', '(-', '"-', '\n-', '\x7f-', '\t-']));
    expect(words).not.toEqual(expect.arrayContaining(['a-']));
    expect(words.some((w) => /^[\w-]-$/.test(w))).toBe(false);
  });

  test('reports a word listed by two slots to both', () => {
    expect(groupsIn([[['key']], [['x'], ['key']]], 'api key')).toEqual([0b1, 0b10]);
  });

  test('rejects a word that is empty, upper case or not ASCII', () => {
    expect(() => createGroupScan([[['Token']]])).toThrow(/lower case/);
    expect(() => createGroupScan([[['']]])).toThrow(/non-empty/);
    expect(() => createGroupScan([[['tök']]])).toThrow(/not ASCII/);
  });

  test('reads characters that stand for each other in every word as one, and keeps apart those that do not', () => {
    // `a`/`b` and `x`/`y` are interchangeable in these words: one class each, and still only the words match.
    const square = [[['xa', 'xb', 'ya', 'yb']]];
    expect(groupsIn(square, 'yb')).toEqual([1]);
    expect(groupsIn(square, 'ay xy ba')).toEqual([0]);
    // Interchangeable in the words but not in their groups, or not at every position: kept apart.
    expect(groupsIn([[['xa'], ['xb']]], 'xb')).toEqual([0b10]);
    expect(groupsIn([[['ab', 'ba']]], 'aa bb')).toEqual([0]);
    expect(groupsIn([[['ab', 'ba']]], 'xba')).toEqual([1]);
  });

  test('rejects more words than the 16-bit table can number (32,768 states)', () => {
    // Pseudo-random words: no two characters stand for each other in all of them, so none share a class.
    let seed = 1;
    const letter = (): string => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return String.fromCharCode(97 + (seed % 26));
    };
    const words = Array.from({ length: 4000 }, () => Array.from({ length: 14 }, letter).join(''));
    expect(() => createGroupScan([[words]])).toThrow(/automaton states \(at most 32768\)/);
    expect(groupsIn([[words.slice(0, 2000)]], `a ${words[1999] as string}`)).toEqual([1]);
  });

  test('rejects a detector with more groups than the bits of one number', () => {
    const groups = Array.from({ length: 33 }, (_, i) => [`w${i}x`]);
    expect(() => createGroupScan([groups])).toThrow(/33 keyword groups \(at most 32\)/);
    expect(groupsIn([groups.slice(0, 32)], 'w31x')).toEqual([1 << 31]);
  });

  test('marks in slotsSeen the bit of each slot with a word, across words of 32 slots', () => {
    const slots = Array.from({ length: 40 }, (_, slot) => [[`w${slot}x`]]);
    const found = new Int32Array(40);
    const slotsSeen = new Int32Array(2);
    createGroupScan(slots)('W0X w31x w33x', found, 0, slotsSeen);
    expect([...slotsSeen]).toEqual([1 | (1 << 31), 1 << 1]);
    expect(found.reduce((sum, groups) => sum + groups, 0)).toBe(3);
  });

  test('finds the same words when states that behave alike are merged (shared endings, groups and separators)', () => {
    // `password=` and `passwd=` end alike in the same group and merge; `pass=` in another group does not.
    const words = [['password=', 'passwd=', 'password:', 'passwd:'], ['pass=']];
    expect(groupsIn([words], 'PASSWD: x')).toEqual([0b01]);
    expect(groupsIn([words], 'pass= x')).toEqual([0b10]);
    expect(groupsIn([words], 'password=pass=')).toEqual([0b11]);
    expect(groupsIn([words], 'passwor= passw=')).toEqual([0]);
  });

  test('asThePassReads writes a word past ASCII as the pass reads it, so it gates the word in any such spelling', () => {
    expect(asThePassReads('hasło')).toBe('has\x7fo');
    expect(groupsIn([[[asThePassReads('hasło')]]], 'HASŁO=x')).toEqual([1]);
  });

  test("isWhitespace is a pattern's \\s", () => {
    const differing = Array.from({ length: 0x10000 }, (_, code) => code).filter(
      (code) => isWhitespace(code) !== /\s/.test(String.fromCharCode(code)),
    );
    expect(differing).toEqual([]);
  });
});
