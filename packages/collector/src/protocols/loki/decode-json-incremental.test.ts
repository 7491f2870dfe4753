import { decodeJsonPush } from './decode';
import { checkJsonPush, decodeJsonPushIncrementally, INCREMENTAL_JSON_MIN_BYTES } from './decode-json-incremental';

/** The one-shot decoder's answer: its streams, or its error message. */
function oneShot(text: string): unknown {
  try {
    return decodeJsonPush(text);
  } catch (err) {
    return (err as Error).message;
  }
}

/** The incremental decoder's answer with tiny slices (2 entries, 16 bytes), so every body crosses slice boundaries. */
async function incremental(text: string): Promise<unknown> {
  try {
    return await decodeJsonPushIncrementally(Buffer.from(text), { minBytes: 0, sliceEntries: 2, sliceBytes: 16 });
  } catch (err) {
    return (err as Error).message;
  }
}

const values = (n: number, line = (i: number) => `line ${i}`) =>
  Array.from({ length: n }, (_, i) => [String(1700000000000000000n + BigInt(i)), line(i)]);

describe('decodeJsonPushIncrementally', () => {
  // Valid bodies and bodies that are valid JSON of the wrong shape: both decoders must give the same streams or message.
  test.each([
    ['one stream', { streams: [{ stream: { job: 'a' }, values: values(7) }] }],
    [
      'metadata and escapes',
      {
        streams: [
          {
            stream: { job: 'a"b\\' },
            values: [
              ['1', 'quote " backslash \\ end\\', { trace_id: 'x\\"' }],
              ['2', '\u00e9\u4e2d\ud83d\ude00 "]}[{,'],
            ],
          },
        ],
      },
    ],
    [
      'several streams, values before stream',
      {
        streams: [{ values: values(3), stream: { a: '1' } }, { stream: { b: '2' }, values: [] }, { values: values(5) }],
      },
    ],
    [
      'unknown keys everywhere',
      {
        other: { deep: [1, [2, { x: null }]], s: 'x' },
        streams: [{ extra: [true, false], stream: {}, values: values(2), more: 1.5e3 }],
        last: 'z',
      },
    ],
    ['empty streams', { streams: [] }],
    ['no streams', { stream: [] }],
    ['streams not an array', { streams: { a: 1 } }],
    ['a stream not an object', { streams: [{ stream: {}, values: values(1) }, [1, 2]] }],
    ['values missing', { streams: [{ stream: { job: 'a' } }] }],
    ['values not an array', { streams: [{ stream: { job: 'a' }, values: 'x' }] }],
    ['a bad label value', { streams: [{ stream: { job: 1 }, values: values(3) }] }],
    ['a bad label name', { streams: [{ stream: { 'a-b': 'x' }, values: values(3) }] }],
    ['a __proto__ label', JSON.parse('{"streams":[{"stream":{"__proto__":"x"},"values":[]}]}')],
    ['a __proto__ metadata key', JSON.parse('{"streams":[{"stream":{},"values":[["1","x",{"__proto__":"y"}]]}]}')],
    ['bad labels after bad values: labels win', { streams: [{ values: [['x', 'y']], stream: { job: 1 } }] }],
    ['a bad timestamp late in the values', { streams: [{ stream: {}, values: [...values(9), [17, 'x'], ['1', 2]] }] }],
    ['a bad line', { streams: [{ stream: {}, values: [...values(4), ['1', { a: 1 }]] }] }],
    ['a value of one element', { streams: [{ stream: {}, values: [...values(4), ['1']] }] }],
    [
      'a second stream with a problem after a first',
      {
        streams: [
          { stream: {}, values: [['1', 1]] },
          { stream: { a: 1 }, values: [] },
        ],
      },
    ],
    ['a body that is an array', [1, 2, 3]],
    ['a body that is a string', 'streams'],
    ['a body that is null', null],
  ])('answers as the one-shot decoder for %s', async (_name, body) => {
    const text = JSON.stringify(body);
    expect(await incremental(text)).toEqual(oneShot(text));
  });

  test.each([
    [
      'whitespace around everything',
      ' \n{ "streams" : [ { "stream" : { "a" : "1" } , "values" : [ [ "1" , "x" ] ,\r\n\t[ "2" , "y" , { } ] ] } ] } \n',
    ],
    [
      'a repeated key counts its last value',
      '{"streams":[{"stream":{"a":"1"},"values":[["1","first"]],"stream":{"b":"2"},"values":[["2","second"]]}]}',
    ],
    [
      'a repeated streams key counts its last value',
      '{"streams":[{"stream":{"a":1},"values":[]}],"streams":[{"stream":{},"values":[["1","x"]]}]}',
    ],
    [
      'a repeated values key forgets a problem of the first',
      '{"streams":[{"stream":{},"values":[[1,"bad"]],"values":[["1","good"]]}]}',
    ],
  ])('answers as the one-shot decoder for %s', async (_name, text) => {
    expect(await incremental(text)).toEqual(oneShot(text));
  });

  test.each([
    ['not json', 'body is not valid JSON: Unexpected token'],
    [
      '{"streams":[{"stream":{},"values":[["1","x"],["2","y"],["3" "z"]]}]}',
      "body is not valid JSON: Expected ',' or ']' after array element in streams[0].values[2] at byte 60",
    ],
    [
      '{"streams":[{"stream":{},"values":[["1","x"],["2","y\u0001"]]}]}',
      'body is not valid JSON: Bad control character in string literal in streams[0].values[1] at byte 52',
    ],
    [
      '{"streams":[{"stream":{},"values":[["1","x"],]}]}',
      'body is not valid JSON: expected a value for streams[0].values[1] at byte 45',
    ],
    [
      '{"streams":[{"stream":{},"values":[["1","x"]}]}',
      "body is not valid JSON: expected ',' or ']' after streams[0].values[0] at byte 44",
    ],
    [
      '{"streams":[{"stream":{},"values":[["1","x"]] x}]}',
      "body is not valid JSON: expected ',' or '}' in streams[0] at byte 46",
    ],
    [
      '{"streams":[{"stream":{},"values":[["1","x"]]}]',
      "body is not valid JSON: expected ',' or '}' in the body at byte 47",
    ],
    ['{"streams":[]} {}', 'body is not valid JSON: unexpected data after the JSON value at byte 15'],
    [
      '{"streams":[{"stream":{},"values":[["1","unterminated]]}]}',
      'body is not valid JSON: unterminated string at byte 40',
    ],
    [
      '{"other":[1,2,tru],"streams":[]}',
      'body is not valid JSON: Unexpected end of JSON input in a skipped value at byte 14',
    ],
    // A syntax error anywhere wins over a shape error before it, as with one JSON.parse of the whole body.
    [
      '{"streams":[{"stream":{"a":1},"values":[]},{"stream":{},"values":[["1","x"] ["2","y"]]}]}',
      "body is not valid JSON: expected ',' or ']' after streams[1].values[0] at byte 76",
    ],
  ])('names the byte and field of a syntax error in %s', async (text, message) => {
    expect(oneShot(text)).toMatch(/^body is not valid JSON: /);
    expect(await incremental(text)).toContain(message);
  });

  test('decodes a body of many slices with the default slice sizes', async () => {
    const text = JSON.stringify({
      streams: [
        { stream: { job: 'a' }, values: values(12_345, (i) => `line ${i} `.repeat(i % 50)) },
        { stream: { job: 'b' }, values: values(3) },
      ],
    });
    expect(await decodeJsonPushIncrementally(Buffer.from(text), { minBytes: 0 })).toEqual(decodeJsonPush(text));
  });

  test('gives the event loop a turn after every slice', async () => {
    const body = Buffer.from(JSON.stringify({ streams: [{ stream: { job: 'a' }, values: values(20_000) }] }));
    let turns = 0;
    const count = (): void => void (turns++, (timer = setImmediate(count)));
    let timer = setImmediate(count);
    const streams = await decodeJsonPushIncrementally(body, { minBytes: 0, sliceEntries: 1000 });
    clearImmediate(timer);
    expect(streams[0]?.entries).toHaveLength(20_000);
    expect(turns).toBeGreaterThanOrEqual(20);
  });

  test('small bodies take the one-shot path with its messages', async () => {
    expect(INCREMENTAL_JSON_MIN_BYTES).toBeGreaterThan(1000);
    await expect(checkJsonPush(Buffer.from('{"streams":[x]}'))).rejects.toThrow(
      /^body is not valid JSON: Unexpected token 'x'/,
    );
  });

  test('hands on nothing before the whole body is checked, then one slice at a time', async () => {
    const text = JSON.stringify({
      streams: [
        { stream: { job: 'a' }, values: values(10) },
        { values: values(3), stream: { job: 'b' } },
      ],
    });
    const push = await checkJsonPush(Buffer.from(text), { minBytes: 0, sliceEntries: 4 });
    expect(push.labels).toEqual([{ job: 'a' }, { job: 'b' }]);
    const slices: string[][] = [];
    await push.read(
      async (slice) =>
        void slices.push(slice.flatMap((part) => part.entries.map((e) => `${part.labels.job}: ${e.line}`))),
    );
    // Slices of the scanner (4 entries at most) gathered up to at least 4 entries, across streams.
    expect(slices).toEqual([
      ['a: line 0', 'a: line 1', 'a: line 2', 'a: line 3'],
      ['a: line 4', 'a: line 5', 'a: line 6', 'a: line 7'],
      ['a: line 8', 'a: line 9', 'b: line 0', 'b: line 1', 'b: line 2'],
    ]);
    const refused = JSON.stringify({ streams: [{ stream: { job: 'a' }, values: [...values(10), ['1', 2]] }] });
    await expect(checkJsonPush(Buffer.from(refused), { minBytes: 0, sliceEntries: 4 })).rejects.toThrow(
      'streams[0].values[10][1]: line must be a string, got number',
    );
  });
});
