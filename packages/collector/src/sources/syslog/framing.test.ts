import { SyslogFramer } from './framing';

const frame = (s: string) => `${Buffer.byteLength(s)} ${s}`;

describe('SyslogFramer', () => {
  test('splits octet-counted and newline-terminated frames, in any mix, across reads', () => {
    const framer = new SyslogFramer(100);
    const stream = Buffer.from(
      `${frame('<1>1 - - - - - - a\nwith newline')}<2>1 - - - - - - b\n${frame('<3>1 - - - - - - ü')}`,
    );
    const frames: string[] = [];
    for (let i = 0; i < stream.length; i += 7) frames.push(...framer.push(stream.subarray(i, i + 7)).frames);
    expect(frames).toEqual(['<1>1 - - - - - - a\nwith newline', '<2>1 - - - - - - b', '<3>1 - - - - - - ü']);
  });

  test('cuts frames longer than the limit and skips their rest', () => {
    const framer = new SyslogFramer(5);
    const out = framer.push(Buffer.from(`${frame('0123456789')}abcdefgh\nok\n`));
    expect(out).toEqual({ frames: ['01234', 'abcde', 'ok'], truncated: 2, invalid: 0 });
  });

  test('skips a line that starts with digits but has no valid length', () => {
    const framer = new SyslogFramer(100);
    expect(framer.push(Buffer.from('12x garbage\n<1>1 - - - - - - ok\n'))).toEqual({
      frames: ['<1>1 - - - - - - ok'],
      truncated: 0,
      invalid: 1,
    });
  });
});
