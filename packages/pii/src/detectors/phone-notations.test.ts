import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createPhoneNotationDetector } from './phone-notations';

describe('phone notations', () => {
  const detector = createPhoneNotationDetector();
  const scanner = createPiiScanner({ types: ['phone'] });

  test.each([
    [
      'finds a number when a form sends it encoded, its groups separated by %20 or +',
      'POST /subscribe name=Ana&phone=%2B351%20912%20345%20678&tel2=%2B44+20+7946+0958&ok=1',
      ['%2B351%20912%20345%20678', '%2B44+20+7946+0958'],
    ],
    [
      'finds a number when a vCard TEL property holds it after its parameters',
      'BEGIN:VCARD FN:Kenji Mori TEL;TYPE=WORK,VOICE:03-5550-1234 TEL;TYPE=CELL:+81 90 5550 6789 END:VCARD',
      ['03-5550-1234', '+81 90 5550 6789'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
    // Through the scanner too: the notations run only where the keyword pass saw their words.
    expect(scanner.scan(text).map((m) => m.value)).toEqual(expect.arrayContaining(expected));
  });

  test.each([
    ['ignores encoded text when it holds too few digits for a number', 'q=%2B1%20day&r=%2B30+min&s=%2B12+34'],
    ['ignores a vCard TEL property when its value is too short', 'TEL;TYPE=WORK:1234 TEL:555'],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
