import { codecFor, streamDecoder, textCodec, UTF8 } from './encoding';

/** Splits a whole buffer into lines with a codec, as the tailer does. */
function lines(name: string, bytes: Buffer): string[] {
  const codec = textCodec(name, bytes.subarray(0, 2));
  if (!codec) throw new Error(`no codec for ${name}`);
  const out: string[] = [];
  let from = 0;
  for (
    let nl = codec.nextNewline(bytes, 0, bytes.length);
    nl !== -1;
    nl = codec.nextNewline(bytes, from, bytes.length)
  ) {
    out.push(codec.decode(bytes, from, nl));
    from = nl + codec.newlineBytes;
  }
  return out;
}

const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();

describe('file encodings (Promtail scrape config `encoding`)', () => {
  test('UTF-16LE: a newline only at a code unit boundary (U+0A41 U+4E00 holds the bytes 0a 00 across two units)', () => {
    const text = 'a\u0a41\u4e00b\nsecond ✓\n';
    expect(lines('UTF-16LE', Buffer.from(text, 'utf16le'))).toEqual(['a\u0a41\u4e00b', 'second ✓']);
    expect(textCodec('utf-16le')?.lastNewline(Buffer.from('\u0a41\u4e00', 'utf16le'), 0, 4)).toBe(-1);
  });

  test('UTF-16 follows the byte order mark, drops it from the first line, and is big-endian without one', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Server démarré\r\nnext\n', 'utf16le')]);
    expect(lines('UTF-16', le)).toEqual(['Server démarré\r', 'next']);
    expect(lines('UTF-16', utf16be('big\nendian\n'))).toEqual(['big', 'endian']);
    expect(lines('utf-16be', utf16be('x\n'))).toEqual(['x']);
  });

  test('ISO-8859-1 maps every byte to the code point of its number (0x80-0x9f are not windows-1252)', () => {
    expect(lines('ISO-8859-1', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x80, 0x0a]))).toEqual(['café\u0080']);
    expect(lines('windows-1252', Buffer.from([0x80, 0x0a]))).toEqual(['€']);
  });

  test('streams decode across chunk boundaries', () => {
    const decode = textCodec('UTF-16LE')?.stream();
    const bytes = Buffer.from('ü✓', 'utf16le');
    expect([decode?.(bytes.subarray(0, 3)), decode?.(bytes.subarray(3), true)].join('')).toBe('ü✓');
  });

  test('a stream of UTF-16 takes its byte order from its first two bytes, also when they come in two chunks', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('lé\n', 'utf16le')]);
    const decode = streamDecoder('UTF-16');
    expect([decode(bytes.subarray(0, 1)), decode(bytes.subarray(1)), decode(Buffer.alloc(0), true)].join('')).toBe(
      'lé\n',
    );
    expect(streamDecoder('UTF-16')(utf16be('x'), true)).toBe('x');
  });

  test('a file source without an encoding reads UTF-8', () => {
    expect(codecFor(undefined)).toBe(UTF8);
    expect(streamDecoder(undefined)(Buffer.from('ü'), true)).toBe('ü');
  });

  test('names IANA and WHATWG know, in any case; anything else is unknown', () => {
    for (const name of ['UTF-8', 'utf8', 'Shift_JIS', 'GB18030', 'KOI8-R', 'latin1', 'UTF-16BE'])
      expect(textCodec(name)).toBeDefined();
    expect(textCodec('UTF-99')).toBeUndefined();
    expect(textCodec('UTF-32')).toBeUndefined();
  });
});
