import { commonWords, isCommonWord, isWordCompound } from './common-words';

describe('common words', () => {
  test('holds a few thousand lower-case words (log words may hold digits: `fail2ban`)', () => {
    expect(commonWords.size).toBeGreaterThan(4000);
    for (const word of commonWords) expect(word).toMatch(/^[a-z][a-z0-9]*$/);
  });

  test.each(['caller', 'runner', 'vault', 'timeout', 'nightly', 'Default', 'nginx', 'kubelet'])('knows %s', (word) => {
    expect(isCommonWord(word)).toBe(true);
  });

  test.each([
    ['rotated', 'a past tense'],
    ['retries', 'a plural in -ies'],
    ['stopped', 'a doubled consonant'],
    ['reconnecting', 'a prefix and a gerund'],
    ['incorrect', 'a negating prefix'],
    ['schedulers', 'a plural of a log word'],
  ])('knows %s (%s)', (word) => {
    expect(isCommonWord(word)).toBe(true);
  });

  test.each(['tquinlan', 'hpadmin', 'mkowalski', 'brennanh', 'achaudhary', 'jkim', 'wojcikp'])(
    'does not know the login %s',
    (word) => {
      expect(isCommonWord(word)).toBe(false);
      expect(isWordCompound(word)).toBe(false);
    },
  );

  test.each(['loginwindow', 'healthcheck', 'keepalive', 'confd', 'dockerd'])('reads %s as words joined', (word) => {
    expect(isWordCompound(word)).toBe(true);
  });
});
