import { parseRetryAfter } from './retry-after';

describe('parseRetryAfter', () => {
  test.each([
    ['reads delta seconds', '3', 3000],
    ['reads an HTTP-date relative to now', 'Thu, 01 Jan 1970 00:00:05 GMT', 4000],
    ['clamps a past HTTP-date to zero', 'Thu, 01 Jan 1970 00:00:00 GMT', 0],
    ['ignores garbage', 'soon', undefined],
    ['ignores an empty header', '', undefined],
  ])('%s when the header is %p', (_name, header, expected) => {
    expect(parseRetryAfter(header, 1000)).toBe(expected);
  });

  test('returns undefined when the header is absent', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
