import * as snappy from 'snappyjs';
import { decodeJsonPush, decodeProtobufPush } from './decode';

describe('decodeJsonPush', () => {
  test('reads streams, values and structured metadata when the body is valid', () => {
    const body = JSON.stringify({
      streams: [
        {
          stream: { job: 'a' },
          values: [
            ['1700000000000000001', 'hello', { trace_id: 'x' }],
            ['2', 'bye'],
          ],
        },
      ],
    });
    expect(decodeJsonPush(body)).toEqual([
      {
        labels: { job: 'a' },
        entries: [
          { timestampNs: 1700000000000000001n, line: 'hello', structuredMetadata: { trace_id: 'x' } },
          { timestampNs: 2n, line: 'bye', structuredMetadata: {} },
        ],
      },
    ]);
  });
  test.each([
    ['not json', 'body is not valid JSON'],
    ['{"stream":[]}', 'streams: expected an array of streams'],
    ['{"streams":[{"stream":{"job":1},"values":[]}]}', 'streams[0].stream.job: expected a string, got number'],
    [
      '{"streams":[{"stream":{},"values":[[1,"x"]]}]}',
      'streams[0].values[0][0]: timestamp must be a string of Unix epoch nanoseconds, got 1',
    ],
    ['{"streams":[{"stream":{},"values":[["1",{}]]}]}', 'streams[0].values[0][1]: line must be a string, got object'],
    [
      '{"streams":[{"stream":{},"values":[["1","x",{"k":null}]]}]}',
      'streams[0].values[0][2].k: expected a string, got null',
    ],
    ['{"streams":[{"stream":{}}]}', 'streams[0].values: expected an array'],
  ])('names the failing field when the body is %s', (body, message) => {
    expect(() => decodeJsonPush(body)).toThrow(message);
  });
});

describe('decodeProtobufPush', () => {
  test('rejects a body that is not snappy-compressed', () => {
    expect(() => decodeProtobufPush(Buffer.from('{"streams":[]}'), 1 << 20)).toThrow(
      'body is not snappy block-compressed protobuf',
    );
  });
  test('rejects snappy data that is not a PushRequest', () => {
    expect(() => decodeProtobufPush(snappy.compress(Buffer.from([0x0a, 0xff, 0xff, 0xff])), 1 << 20)).toThrow(
      'body is not a logproto.PushRequest',
    );
  });
});
