import { randomBytes } from 'node:crypto';
import * as snappy from 'snappyjs';
import { SnappyError, uncompressSnappy } from './snappy-incremental';

const MiB = 1024 * 1024;

describe('uncompressSnappy', () => {
  test.each([
    ['empty', Buffer.alloc(0)],
    ['random bytes (literals)', randomBytes(300_000)],
    ['a repeating run (overlapping copies)', Buffer.alloc(200_000, 'x')],
    [
      'log lines (copies at every offset size)',
      Buffer.from(
        Array.from(
          { length: 20_000 },
          (_, i) => `ts=${1700000000 + i} level=info user=${i % 97} ${'x'.repeat(i % 300)}\n`,
        ).join(''),
      ),
    ],
    [
      'random bytes every 70 KiB between runs (4-byte offsets are never needed; 2-byte ones are)',
      Buffer.concat(Array.from({ length: 8 }, () => Buffer.concat([randomBytes(70_000), Buffer.alloc(5_000, 'y')]))),
    ],
  ])('gives what snappyjs gives for %s, with turns of the event loop', async (_name, data) => {
    const compressed = snappy.compress(data);
    const out = await uncompressSnappy(compressed, 10 * MiB, 4096);
    expect(Buffer.from(out).equals(Buffer.from(snappy.uncompress(compressed)))).toBe(true);
    expect(out.length).toBe(data.length);
  });

  test.each([
    [
      'a declared length over the limit',
      () => snappy.compress(Buffer.alloc(2000, 'a')),
      'the uncompressed length of 2000 is too big, expect at most 1000',
    ],
    [
      'a truncated body',
      () => snappy.compress(randomBytes(900)).subarray(0, 100),
      'literal runs past the end of input',
    ],
    [
      'a copy before any output',
      () => Buffer.from([10, 0x01 | (2 << 2), 5]),
      'copy offset 5 at output byte 0 is out of range',
    ],
    [
      'output shorter than declared',
      () => Buffer.from([10, 0x00, 0x61]),
      'output of 1 bytes is shorter than the declared 10',
    ],
    [
      'an endless length varint',
      () => Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
      'invalid uncompressed length varint',
    ],
  ])('refuses %s', async (_name, body, message) => {
    await expect(uncompressSnappy(body(), 1000)).rejects.toThrow(new SnappyError(message));
  });
});
