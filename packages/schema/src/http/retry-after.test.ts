import { parseRetryAfter } from './retry-after';

describe('parseRetryAfter', () => {
  const now = Date.parse('Sun, 22 Nov 2026 07:00:00 GMT');
  test.each([
    ['reads delta seconds', '3', 3000],
    ['reads fractional seconds', '1.5', 1500],
    ['reads the distance to an HTTP date', 'Sun, 22 Nov 2026 07:00:05 GMT', 5000],
    ['clamps a past HTTP date to zero', 'Sun, 22 Nov 2026 06:00:00 GMT', 0],
    ['trims spaces', ' 2 ', 2000],
    ['ignores garbage', 'soon', undefined],
    ['ignores an empty header', '', undefined],
    ['ignores a blank header', '  ', undefined],
  ])('%s when the header is %p', (_name, header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });

  test('returns undefined when the header is absent', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
