import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createLinkCredentialDetector } from './link-credential';

describe('the one-time credential of a sign-in, reset or confirmation link', () => {
  const detector = createLinkCredentialDetector();
  const scanner = createPiiScanner();

  test.each([
    [
      'a magic sign-in link',
      'mailer: sent https://club.example.org/signin/magic?t=Zr81Kq4vLm2XwT7pNb3c to member',
      ['Zr81Kq4vLm2XwT7pNb3c'],
    ],
    [
      'a reset link with an email before the code',
      'Location: https://app.example.net/password/reset?email=a.b%40example.net&code=QWZ4K7TPX2',
      ['QWZ4K7TPX2'],
    ],
    ['a request path', '"GET /account/confirm?k=a7Bq2Lm9Xz&next=%2F HTTP/1.1" 302', ['a7Bq2Lm9Xz']],
    ['an invitation', 'POST /team/invite/accept?token=inv_8f2e0c71d94b HTTP/2', ['inv_8f2e0c71d94b']],
  ])('finds it in %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
    const scanned = scanner.scan(text).map((m) => m.value);
    for (const value of expected) expect(scanned).toContain(value);
  });

  test.each([
    ['a word where the code goes', 'GET /magic/login?t=expired&next=%2F 410'],
    ['a word and a number', 'GET /reset?code=Spring2026 and /verify?code=step_2'],
    ['a link that names no sign-in', 'GET /search?code=A7B9X2K4QZ&t=1712345678abc'],
    ['a short code', 'GET /login?code=a1b2c3'],
  ])('leaves %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
