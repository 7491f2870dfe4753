import { findValues } from '../testing';
import { createCreditCardDetector } from './credit-card';

describe('credit card detector', () => {
  const detector = createCreditCardDetector();

  test.each([
    ['finds a Visa number when contiguous', 'pan=4111111111111111 ok', ['4111111111111111']],
    [
      'finds a 13-digit card when Visa or when the GS1 check digit fails',
      'pan=4222222222222 maestro 6759410000009',
      ['4222222222222', '6759410000009'],
    ],
    [
      'finds a card when the word before it only ends in a GS1 word',
      'pan for Sean 4111 1111 1111 1111 charged {"clean":"5555555555554444"} ocean: 378282246310005',
      ['4111 1111 1111 1111', '5555555555554444', '378282246310005'],
    ],
    ['finds a Mastercard number when space grouped', 'card 5555 5555 5555 4444 exp 12/29', ['5555 5555 5555 4444']],
    ['finds an Amex number when grouped 4-6-5', 'amex 3782-822463-10005', ['3782-822463-10005']],
    [
      'finds a card when a CSV row puts its expiry date in the next column',
      'ORD-77,Ana Ruiz,5555-5555-5555-4444,3/27,captured',
      ['5555-5555-5555-4444'],
    ],
    [
      'finds a 16-digit card when unrelated digits follow its groups',
      'card 4111 1111 1111 1111 12 items',
      ['4111 1111 1111 1111'],
    ],
    ['finds a 2-series Mastercard when contiguous', 'x 2223000048400011 y', ['2223000048400011']],
    [
      'finds the same numbers when no mobile identifier names them',
      'card=302720918345610 pan 374501234567894 imsi_count=3 505021409871239',
      ['302720918345610', '374501234567894', '505021409871239'],
    ],
    [
      'finds a grouped card when a CSV field with a decimal follows it',
      'order,4539 1488 0343 6467,120.50 and refund,3714-496353-98431,7.25',
      ['4539 1488 0343 6467', '3714-496353-98431'],
    ],
    [
      'finds a card when a URL-encoded separator stands before it',
      'GET /t.gif?u=https%3A%2F%2Fshop.example%2Fpay%3Fpan%3D4539148803436467%26cvv%3D1 and q=a%2C4539%201488%200343%206467',
      ['4539148803436467'],
    ],
    [
      'finds the card when a reader logs a magnetic stripe track (ISO/IEC 7813 track 1 and 2)',
      'swipe "%B4111111111111111^DOE/JANE^2812101000000000000?" then ";5555555555554444=28121010000000000?"',
      ['4111111111111111', '5555555555554444'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['ignores card-like numbers when the Luhn check fails', 'card 4111 1111 1111 1112'],
    [
      'ignores a Luhn-valid number when a key or element names a mobile identifier',
      'attach imsi=302720918345610 IMEI: 374501234567894 <iccid>505021409871239</iccid> {"subscriberImsi":"640029182736459"}',
    ],
    ['ignores epoch milliseconds when the prefix is no issuer', 'ts=1700000000000 ns=1732262400000000000'],
    ['ignores mixed separators when the grouping is inconsistent', '4111 1111-1111 1111'],
    ['ignores digits inside ids when joined by dashes or letters', 'ORD-4111111111111111 tx4111111111111111'],
    ['ignores runs too short or too long when outside 13..19 digits', '411111111111 41111111111111111111'],
    ['ignores Luhn-valid numbers when the length is not one the issuer uses', 'acct 3704 0044 0532 0130 01'],
    ['ignores a contiguous run when a decimal comma goes on with it', 'total 4539148803436467,25 EUR'],
    ['ignores digits after an encoded separator when the Luhn check fails', 'u=x%3D4539148803436468%26y'],
    [
      'ignores a number when a word names it a job, task or instance id',
      'worker claimed task 4111111111111111; job 5555555555554444 failed; "processInstanceKey":378282246310005',
    ],
    ['ignores track data when its number fails Luhn', '%B4111111111111112^DOE/JANE^2812?;4111111111111112=2812?'],
    ['ignores a 13-digit GS1 number when outside Visa and its check digit holds', 'receiver=0088:5790000435975 ok'],
    ['ignores a number when a GS1 word names it', 'EAN 4047024874627, gtin=5012345678900'],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
