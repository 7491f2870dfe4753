import { extractedString, formatFloat } from './entry';

describe('extracted values as strings', () => {
  test.each<[number, string]>([
    [42, '42'],
    [0.1, '0.1'],
    [1.5, '1.5'],
    [1e21, '1000000000000000000000'],
    [Number('12345678901234567890'), '12345678901234567000'],
    [1.5e-7, '0.00000015'],
    [-2.5e-8, '-0.000000025'],
    [-1e22, '-10000000000000000000000'],
    [1.2345e25, '12345000000000000000000000'],
    [-0, '-0'],
  ])("writes the JSON number %p as Go's FormatFloat(v, 'f', -1, 64) does: %s", (value, text) => {
    expect(formatFloat(value)).toBe(text);
    expect(extractedString(value)).toBe(text);
  });

  test('writes booleans as Go does and gives no string for maps, lists and null', () => {
    expect(extractedString(true)).toBe('true');
    expect(extractedString({ a: 1 })).toBeUndefined();
    expect(extractedString(null)).toBeUndefined();
  });
});
