import { crc32 } from 'node:zlib';
import { passesCrc32Base62 } from './crc32-base62';

describe('passesCrc32Base62', () => {
  const body = 'R4nd0mB0dyOfThirtyCharactersXy';
  const checksum = (n: number) => {
    const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    let s = '';
    for (; n > 0; n = Math.floor(n / 62)) s = digits[n % 62] + s;
    return s.padStart(6, '0');
  };

  test('accepts the CRC32 of the body in base62 when it is the last 6 characters', () => {
    expect(passesCrc32Base62(body, checksum(crc32(body)))).toBe(true);
  });

  test('rejects a checksum when one character of the body changed', () => {
    expect(passesCrc32Base62(`${body.slice(0, -1)}z`, checksum(crc32(body)))).toBe(false);
  });
});
