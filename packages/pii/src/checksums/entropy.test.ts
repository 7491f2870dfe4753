import { entropyPerChar } from './entropy';

describe('entropyPerChar', () => {
  test.each([
    ['', 0],
    ['aaaaaaaa', 0],
    ['abababab', 1],
    ['abcdefgh', 3],
  ])('measures %j at %d bits per character', (text, bits) => {
    expect(entropyPerChar(text)).toBeCloseTo(bits, 5);
  });
});
