import { cutUtf8 } from './utf8';

describe('cutUtf8', () => {
  test.each([
    ['keeps a string that fits', 'abc', 3, 'abc'],
    ['cuts ASCII at the byte limit', 'abcdef', 4, 'abcd'],
    ['never splits a two- or three-byte character', 'aé€', 4, 'aé'],
    ['never splits a surrogate pair (four bytes)', 'a😀b', 4, 'a'],
    ['keeps a four-byte character that fits whole', 'a😀b', 5, 'a😀'],
    ['cuts everything at a zero limit', 'x', 0, ''],
  ])('%s', (_name, text, max, expected) => {
    const cut = cutUtf8(text, max);
    expect(cut).toBe(expected);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(max);
  });

  test('returns the same string object when nothing is cut', () => {
    const long = 'é'.repeat(100);
    expect(cutUtf8(long, 200)).toBe(long);
  });
});
