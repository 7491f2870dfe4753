import { parseRetryAfter } from './retry-after';

describe('parseRetryAfter', () => {
  test('reads delta seconds when the value is an integer', () => {
    expect(parseRetryAfter('3')).toBe(3000);
  });
  test('reads the distance to an HTTP date when the value is a date', () => {
    const now = Date.parse('Sun, 22 Nov 2026 07:00:00 GMT');
    expect(parseRetryAfter('Sun, 22 Nov 2026 07:00:05 GMT', now)).toBe(5000);
  });
  test('returns 0 when the date is in the past', () => {
    const now = Date.parse('Sun, 22 Nov 2026 07:00:00 GMT');
    expect(parseRetryAfter('Sun, 22 Nov 2026 06:00:00 GMT', now)).toBe(0);
  });
  test('returns undefined when the value is missing or unreadable', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
