import { TextDecoder } from 'node:util';
import { present } from '../../errors';

/**
 * How a file's bytes become lines of text: where a line ends and how its bytes decode. Offsets stay in bytes, so
 * positions, rotation and truncation work the same whatever the encoding.
 */
export interface TextCodec {
  /** Bytes of one code unit (2 in UTF-16): a newline only counts at a multiple of it from the buffer's start. */
  readonly unit: number;
  /** Bytes of the newline. */
  readonly newlineBytes: number;
  /** Index of the first newline in buf[from, end), or -1. */
  nextNewline(buf: Buffer, from: number, end: number): number;
  /** Index of the last newline in buf[from, end), or -1. */
  lastNewline(buf: Buffer, from: number, end: number): number;
  decode(buf: Buffer, start: number, end: number): string;
  /** A decoder for a byte stream read in chunks (a gzip file, dry-run's input); `end` flushes what it holds. */
  stream(): (chunk: Buffer, end?: boolean) => string;
}

const NEWLINE = 0x0a;

/** ASCII-compatible encodings: a byte 0x0a is always a newline (true of UTF-8, ISO-8859-*, windows-*, GBK, Shift_JIS ...). */
function byteCodec(decode: TextCodec['decode'], stream: TextCodec['stream']): TextCodec {
  return {
    unit: 1,
    newlineBytes: 1,
    nextNewline: (buf, from, end) => {
      const i = buf.indexOf(NEWLINE, from);
      return i >= end ? -1 : i;
    },
    lastNewline: (buf, from, end) => {
      const i = end > from ? buf.lastIndexOf(NEWLINE, end - 1) : -1;
      return i < from ? -1 : i;
    },
    decode,
    stream,
  };
}

function utf16Codec(label: 'utf-16le' | 'utf-16be'): TextCodec {
  const newline = Buffer.from(label === 'utf-16le' ? [NEWLINE, 0] : [0, NEWLINE]);
  // One decoder for every line: each non-streaming decode() drops a leading byte order mark, which only the first line has.
  const lineDecoder = new TextDecoder(label);
  return {
    unit: 2,
    newlineBytes: 2,
    nextNewline: (buf, from, end) => {
      for (let i = buf.indexOf(newline, from); i !== -1 && i + 1 < end; i = buf.indexOf(newline, i + 1))
        if ((i - from) % 2 === 0) return i;
      return -1;
    },
    lastNewline: (buf, from, end) => {
      for (let i = buf.lastIndexOf(newline, end - 2); i >= from; i = buf.lastIndexOf(newline, i - 1))
        if ((i - from) % 2 === 0) return i;
      return -1;
    },
    decode: (buf, start, end) => lineDecoder.decode(buf.subarray(start, end)),
    stream: () => {
      const d = new TextDecoder(label);
      return (chunk, end) => d.decode(chunk, { stream: !end });
    },
  };
}

export const UTF8: TextCodec = byteCodec(
  (buf, start, end) => buf.toString('utf8', start, end),
  () => {
    const d = new TextDecoder('utf-8', { ignoreBOM: true });
    return (chunk, end) => d.decode(chunk, { stream: !end });
  },
);

// ISO-8859-1 as IANA (and Go) define it: every byte is the code point of the same number. WHATWG's TextDecoder reads
// these labels as windows-1252, which differs in 0x80-0x9f.
const LATIN1_NAMES = new Set([
  'iso-8859-1',
  'iso_8859-1',
  'iso_8859-1:1987',
  'iso8859-1',
  'latin1',
  'l1',
  'ibm819',
  'cp819',
]);
const LATIN1: TextCodec = byteCodec(
  (buf, start, end) => buf.toString('latin1', start, end),
  () => (chunk) => chunk.toString('latin1'),
);

// windows-1252's 0x80-0x9f (the rest is ISO-8859-1): Node 20's TextDecoder reads them as ISO-8859-1.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const cp1252 = (text: string): string => text.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
const WINDOWS_1252: TextCodec = byteCodec(
  (buf, start, end) => cp1252(buf.toString('latin1', start, end)),
  () => (chunk) => cp1252(chunk.toString('latin1')),
);

/**
 * The codec of an encoding name as Promtail's `encoding` takes it (IANA names, any case); undefined when unknown.
 * `UTF-16` without an order reads the file's byte order mark and is big-endian without one (RFC 2781), so it needs
 * the file's first two bytes.
 */
export function textCodec(name: string, firstBytes?: Buffer): TextCodec | undefined {
  const key = name.trim().toLowerCase();
  if (key === 'utf-8' || key === 'utf8') return UTF8;
  if (LATIN1_NAMES.has(key)) return LATIN1;
  if (followsByteOrderMark(key))
    return utf16Codec(firstBytes?.[0] === 0xff && firstBytes[1] === 0xfe ? 'utf-16le' : 'utf-16be');
  let label: string;
  try {
    label = new TextDecoder(key).encoding;
  } catch {
    return undefined;
  }
  if (label === 'utf-16le' || label === 'utf-16be') return utf16Codec(label);
  if (label === 'utf-8') return UTF8;
  if (label === 'windows-1252') return WINDOWS_1252;
  const decoder = new TextDecoder(label);
  return byteCodec(
    (buf, start, end) => decoder.decode(buf.subarray(start, end)),
    () => {
      const d = new TextDecoder(label);
      return (chunk, end) => d.decode(chunk, { stream: !end });
    },
  );
}

/** True when the codec of `encoding` depends on the file's first two bytes: `UTF-16` without an order. */
export function followsByteOrderMark(encoding: string | undefined): boolean {
  const key = encoding?.trim().toLowerCase();
  return key === 'utf-16' || key === 'utf16' || key === 'ucs-2';
}

/**
 * The codec of a file source's `encoding` (checked by its config, so known), UTF-8 without one; `firstBytes`, the
 * file's first two bytes, when followsByteOrderMark(encoding).
 */
export function codecFor(encoding: string | undefined, firstBytes?: Buffer): TextCodec {
  if (encoding === undefined) return UTF8;
  return present(textCodec(encoding, firstBytes), `the codec of ${encoding} (checked by the config)`);
}

/**
 * A decoder for a whole file read in chunks from its start (a gzip file, dry-run's input): `UTF-16` takes its byte
 * order from the first two bytes, held until they are both there; `end` flushes what it holds.
 */
export function streamDecoder(encoding: string | undefined): (chunk: Buffer, end?: boolean) => string {
  if (!followsByteOrderMark(encoding)) return codecFor(encoding).stream();
  let head = Buffer.alloc(0);
  let decode: ((chunk: Buffer, end?: boolean) => string) | undefined;
  return (chunk, end) => {
    if (decode === undefined) {
      head = Buffer.concat([head, chunk]);
      if (head.length < 2 && !end) return '';
      decode = codecFor(encoding, head).stream();
      chunk = head;
    }
    return decode(chunk, end);
  };
}
