import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createCallArgumentKeyDetector } from './call-argument-key';

describe('a generated key passed to a call as a string literal', () => {
  const detector = createCallArgumentKeyDetector();
  const scanner = createPiiScanner();

  test.each([
    [
      'hex after an account id',
      "const c = smsClient('AB12cd34', '5e0f9a7c3b1d46e28f0a9c7b5d3e1f24');",
      ['5e0f9a7c3b1d46e28f0a9c7b5d3e1f24'],
    ],
    [
      'a mixed key after a URL',
      'search = SearchClient("https://search.example.org", "Lq7Xv2Rk9Tz4Nw8Pb3Mc6Hd1Fs5Ga0Jy")',
      ['Lq7Xv2Rk9Tz4Nw8Pb3Mc6Hd1Fs5Ga0Jy'],
    ],
    [
      'a tuple given as auth',
      'requests.post(url, auth=("Wm4Rt7Yq2Np9Lx3Vb8Kc5Hz1Jd6Fs0GaE", "x"))',
      ['Wm4Rt7Yq2Np9Lx3Vb8Kc5Hz1Jd6Fs0GaE'],
    ],
  ])('finds %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
    const scanned = scanner.scan(text).map((m) => m.value);
    for (const value of expected) expect(scanned).toContain(value);
  });

  test.each([
    [
      'a hash being computed or compared',
      "sha256('5e0f9a7c3b1d46e28f0a9c7b5d3e1f24') assertEqual(h, '9c7b5d3e1f245e0f9a7c3b1d46e28f0a')",
    ],
    ['words and short values', "log('connection refused', 'retrying in 5s') f('abc123')"],
    ['a commit', "checkout('1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b')"],
    ['a literal outside a call', "key = '5e0f9a7c3b1d46e28f0a9c7b5d3e1f24'"],
  ])('leaves %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
