import { crc32 } from 'node:zlib';

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function toBase62(n: number, width: number): string {
  let s = '';
  do {
    s = base62[n % 62] + s;
    n = Math.floor(n / 62);
  } while (n > 0);
  return s.padStart(width, '0');
}

/** GitHub's and npm's token checksum: the last 6 characters are the CRC32 of the random part, in base62. */
export function passesCrc32Base62(body: string, checksum: string): boolean {
  return toBase62(crc32(body), checksum.length) === checksum;
}
