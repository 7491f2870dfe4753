import { passesLuhn } from './luhn';

describe('passesLuhn', () => {
  test.each([
    ['4111111111111111', true],
    ['378282246310005', true],
    ['5555555555554444', true],
    ['4111111111111112', false],
    ['', false],
    ['4111-1111', false],
  ])('returns the checksum verdict when given %s', (digits, expected) => {
    expect(passesLuhn(digits)).toBe(expected);
  });
});
