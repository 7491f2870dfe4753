import { passesIbanMod97 } from './mod97';

describe('passesIbanMod97', () => {
  test.each([
    ['DE89370400440532013000', true],
    ['GB82WEST12345698765432', true],
    ['FR1420041010050500013M02606', true],
    ['DE89370400440532013001', false],
    ['GB82WEST1234569876543a', false],
    ['DE8', false],
  ])('returns the checksum verdict when given %s', (iban, expected) => {
    expect(passesIbanMod97(iban)).toBe(expected);
  });
});
