import { metricValue } from './metric-value';

describe('metricValue', () => {
  test.each<[string, unknown, number | undefined]>([
    ['reads plain digits when the string is an integer', '1115', 1115],
    ['reads zero-padded digits as decimal when the string has leading zeros', '0070', 70],
    ['reads 15 digits exactly when the string is at the fast path limit', '999999999999999', 999999999999999],
    ['reads a 16-digit integer when it is past the digit fast path', '1234567890123456', 1234567890123456],
    ['reads a signed float with exponent when given one', '-1.5e3', -1500],
    ['reads a Go duration in seconds when the string is one', '250ms', 0.25],
    ['reads a negative Go duration when prefixed by -', '-2s', -2],
    ['reads +Inf when the string names it', '+Inf', Infinity],
    ['gives undefined when the string is empty', '', undefined],
    ['gives undefined when the string is hex', '0x10', undefined],
    ['gives undefined when digits are padded with spaces', ' 12', undefined],
    ['reads booleans as 1 and 0 when given a boolean', true, 1],
    ['gives undefined when given an object', {}, undefined],
  ])('%s', (_name, input, expected) => {
    expect(metricValue(input)).toBe(expected);
  });
});
