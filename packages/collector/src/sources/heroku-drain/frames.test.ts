import { parseLogplexBody } from './frames';

const frame = (s: string) => `${Buffer.byteLength(s)} ${s}`;

describe('parseLogplexBody', () => {
  test('splits octet-counted frames (multi-byte characters counted in bytes) and reads each header', () => {
    const body = Buffer.from(
      frame('<190>1 2026-12-06T10:00:00.5+01:00 host app web.1 - héllo\nsecond line') +
        '\n' +
        frame('<45>1 2026-12-06T10:00:01Z host heroku router ID7'),
    );
    expect(parseLogplexBody(body)).toEqual([
      {
        timestampNs: 1796547600500000000n,
        hostname: 'host',
        appName: 'app',
        procId: 'web.1',
        msgId: '-',
        message: 'héllo\nsecond line',
      },
      {
        timestampNs: 1796551201000000000n,
        hostname: 'host',
        appName: 'heroku',
        procId: 'router',
        msgId: 'ID7',
        message: '',
      },
    ]);
  });

  test.each([
    ['a frame without an octet count', 'hello', 'frame 1 at byte 0: expected an octet count and a space, got "hello"'],
    ['a count with a leading zero', '05 <1>1', 'frame 1 at byte 0: expected an octet count'],
    ['a count past the end', '100 <1>1 x', 'its octet count 100 runs past the end of the body (6 bytes left)'],
    ['a PRI above 191', frame('<192>1 2026-12-06T10:00:00Z h a p - m'), 'frame 1: PRI 192 is above 191'],
    ['a header missing fields', frame('<1>1 2026-12-06T10:00:00Z h a'), 'frame 1: not a syslog header'],
  ])('refuses %s, naming the frame', (_name, text, message) => {
    expect(() => parseLogplexBody(Buffer.from(text))).toThrow(message);
  });
});
