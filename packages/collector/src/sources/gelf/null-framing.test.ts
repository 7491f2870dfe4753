import { NullFramer } from './null-framing';

describe('NullFramer', () => {
  const run = (max: number, writes: string[]) => {
    const framer = new NullFramer(max);
    const frames: string[] = [];
    let tooLarge = 0;
    for (const w of writes) {
      const out = framer.push(Buffer.from(w));
      frames.push(...out.frames.map((f) => f.toString()));
      tooLarge += out.tooLarge;
    }
    return { frames, tooLarge, unfinished: framer.unfinished, rest: framer.end()?.toString() };
  };

  test.each<[string, number, string[], { frames: string[]; tooLarge: number; unfinished: boolean; rest?: string }]>([
    ['splits several messages of one write', 10, ['a\0bb\0'], { frames: ['a', 'bb'], tooLarge: 0, unfinished: false }],
    [
      'joins a message split across writes, null byte alone in the last',
      10,
      ['ab', 'cd', '\0'],
      { frames: ['abcd'], tooLarge: 0, unfinished: false },
    ],
    [
      'leaves out empty messages and a newline after the null byte',
      10,
      ['\0\0a\0\n', '\0 \r\n\0'],
      { frames: ['a'], tooLarge: 0, unfinished: false },
    ],
    [
      'keeps an unfinished message for end()',
      10,
      ['a\0{"b"'],
      { frames: ['a'], tooLarge: 0, unfinished: true, rest: '{"b"' },
    ],
    [
      'takes a message of exactly the limit and skips a longer one to its null byte',
      4,
      ['abcd\0abcde\0ok\0'],
      { frames: ['abcd', 'ok'], tooLarge: 1, unfinished: false },
    ],
    [
      'skips an oversized message across writes without keeping it, then goes on',
      4,
      ['abc', 'defg', 'hij', 'k\0ok\0'],
      { frames: ['ok'], tooLarge: 1, unfinished: false },
    ],
    [
      'gives no rest for an oversized message cut by the end of the stream',
      4,
      ['abcdef'],
      { frames: [], tooLarge: 1, unfinished: true },
    ],
  ])('%s', (_name, max, writes, expected) => {
    expect(run(max, writes)).toEqual({ rest: undefined, ...expected });
  });
});
