import { parseRfc5424 } from './rfc5424';

describe('parseRfc5424', () => {
  test('reads every header field, structured data with escapes, and MSG without its BOM', () => {
    const msg = parseRfc5424(
      '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog 1234 ID47 [exampleSDID@32473 iut="3" eventSource="Appli\\"cation\\]"][examplePriority@32473 class="high"] \uFEFFAn application event',
    );
    expect(msg).toEqual({
      facility: 20,
      severity: 5,
      timestampNs: 1065910455003000000n,
      hostname: 'mymachine.example.com',
      appName: 'evntslog',
      procId: '1234',
      msgId: 'ID47',
      structuredData: new Map([
        [
          'exampleSDID@32473',
          new Map([
            ['iut', '3'],
            ['eventSource', 'Appli"cation]'],
          ]),
        ],
        ['examplePriority@32473', new Map([['class', 'high']])],
      ]),
      message: 'An application event',
    });
  });

  test.each([
    ['a zone offset', '<34>1 2003-10-11T22:14:15.123456+02:00 h a p m - x', 1065903255123456000n],
    ['nanoseconds', '<34>1 2003-10-11T22:14:15.000000001Z h a p m - x', 1065910455000000001n],
  ])('converts a timestamp with %s to UTC nanoseconds', (_name, text, ns) => {
    expect(parseRfc5424(text).timestampNs).toBe(ns);
  });

  test('leaves NILVALUE fields and a missing MSG out', () => {
    expect(parseRfc5424('<13>1 - - - - - -')).toEqual({ facility: 1, severity: 5, structuredData: new Map() });
  });

  test.each([
    ['RFC 3164', '<34>Oct 11 22:14:15 mymachine su: failed', 'not an RFC 5424 header'],
    ['a PRI above 191', '<192>1 - h a p m - x', 'PRI 192 is above 191'],
    ['a bad timestamp', '<34>1 2003-13-11T22:14:15Z h a p m - x', 'invalid TIMESTAMP'],
    ['unterminated structured data', '<34>1 - h a p m [id a="1', 'unterminated'],
    ['no space before MSG', '<34>1 - h a p m [id a="1"]x', 'expected a space before MSG'],
  ])('rejects %s', (_name, text, message) => {
    expect(() => parseRfc5424(text)).toThrow(message);
  });
});
