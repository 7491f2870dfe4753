import { uncompress } from 'snappyjs';
import { encodeWriteRequest } from './encode';
import { WriteRequest } from './proto';

describe('encodeWriteRequest', () => {
  test('round-trips labels, values and millisecond timestamps when decoded as a snappy-block WriteRequest', () => {
    const body = encodeWriteRequest([
      {
        labels: [
          { name: '__name__', value: 'up' },
          { name: 'job', value: 'x' },
        ],
        samples: [{ value: 1.5, timestampMs: 1_700_000_000_123 }],
      },
    ]);
    const decoded = WriteRequest.toObject(WriteRequest.decode(uncompress(body)), { longs: Number }) as {
      timeseries: Array<{ labels: unknown; samples: unknown }>;
    };
    expect(decoded.timeseries).toEqual([
      {
        labels: [
          { name: '__name__', value: 'up' },
          { name: 'job', value: 'x' },
        ],
        samples: [{ value: 1.5, timestamp: 1_700_000_000_123 }],
      },
    ]);
  });

  test('writes the snappy block format when encoding, not the framed stream format', () => {
    const body = encodeWriteRequest([
      { labels: [{ name: '__name__', value: 'up' }], samples: [{ value: 1, timestampMs: 1 }] },
    ]);
    // The framed format starts with the stream identifier chunk 0xff 0x06 0x00 0x00 "sNaPpY".
    expect(body[0]).not.toBe(0xff);
  });
});
