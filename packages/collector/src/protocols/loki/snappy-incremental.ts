import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Snappy block-format decompression that gives the event loop a turn every `turnBytes` of output: snappyjs (which
 * decodes the small bodies) has only a one-shot call, which holds the loop for ~0.5-0.9 s on a 90 MiB PushRequest.
 * Written from the format description (github.com/google/snappy, format_description.txt): a varint of the
 * uncompressed length, then elements, each a literal or a copy of earlier output.
 */

/** A body that is not snappy block format, or whose declared length is over the caller's limit. */
export class SnappyError extends Error {}

const LITERAL = 0;
const COPY_1 = 1; // 1-byte offset (11 bits with the tag's), length 4..11
const COPY_2 = 2; // 2-byte offset, length 1..64

/** The uncompressed length a snappy block declares, and where its elements start. */
function snappyLength(input: Uint8Array): { length: number; start: number } {
  let length = 0;
  for (let i = 0, shift = 0; i < 5; i++, shift += 7) {
    const byte = input[i];
    if (byte === undefined) break;
    length += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return { length, start: i + 1 };
  }
  throw new SnappyError('invalid uncompressed length varint');
}

export async function uncompressSnappy(
  input: Uint8Array,
  maxBytes: number,
  turnBytes = 1024 * 1024,
): Promise<Uint8Array> {
  const { length, start } = snappyLength(input);
  if (length > maxBytes)
    throw new SnappyError(`the uncompressed length of ${length} is too big, expect at most ${maxBytes}`);
  const out = new Uint8Array(length);
  let pos = start;
  let o = 0;
  /** `count` little-endian bytes at pos, as an unsigned number. */
  const readLE = (count: number): number => {
    if (pos + count > input.length) throw new SnappyError('unexpected end of input');
    let value = 0;
    for (let i = 0; i < count; i++) value += (input[pos + i] ?? 0) * 2 ** (8 * i);
    pos += count;
    return value;
  };
  for (let turnAt = turnBytes; pos < input.length;) {
    const tag = input[pos++] ?? 0;
    const type = tag & 3;
    if (type === LITERAL) {
      let len = tag >>> 2;
      if (len >= 60) len = readLE(len - 59);
      len += 1;
      if (pos + len > input.length) throw new SnappyError('literal runs past the end of input');
      if (o + len > length) throw new SnappyError('output longer than the declared length');
      out.set(input.subarray(pos, pos + len), o);
      pos += len;
      o += len;
    } else {
      const len = type === COPY_1 ? 4 + ((tag >>> 2) & 7) : 1 + (tag >>> 2);
      const offset = type === COPY_1 ? ((tag >>> 5) << 8) + readLE(1) : readLE(type === COPY_2 ? 2 : 4);
      if (offset === 0 || offset > o)
        throw new SnappyError(`copy offset ${offset} at output byte ${o} is out of range`);
      if (o + len > length) throw new SnappyError('output longer than the declared length');
      // Short or overlapping copies (a repeating run) byte by byte: copyWithin costs more than it saves there.
      if (offset >= len && len > 16) out.copyWithin(o, o - offset, o - offset + len);
      else for (let i = 0; i < len; i++) out[o + i] = out[o + i - offset] ?? 0;
      o += len;
    }
    if (o >= turnAt) {
      turnAt = o + turnBytes;
      await nextTurn();
    }
  }
  if (o !== length) throw new SnappyError(`output of ${o} bytes is shorter than the declared ${length}`);
  return out;
}
