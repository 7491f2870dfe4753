import { Writer } from 'protobufjs';
import { decodePushRequest } from './decode';
import { checkProtobufPush } from './decode-protobuf-incremental';
import { pushRequestType } from './push-proto';

const entryType = pushRequestType.lookupType('logproto.EntryAdapter');

/** PushRequest bytes from a plain object (`{ streams: [{ labels, entries: [{ timestamp, line }] }] }`). */
const encode = (request: Record<string, unknown>): Uint8Array =>
  pushRequestType.encode(pushRequestType.fromObject(request)).finish();
const entries = (n: number, nanos = (i: number) => i) =>
  Array.from({ length: n }, (_, i) => ({
    timestamp: { seconds: 1_700_000_000 + i, nanos: nanos(i) },
    line: `line ${i}`,
  }));

/** A StreamAdapter written field by field, in the order given: [field number, bytes or string]. */
function streamBytes(fields: Array<[number, Uint8Array | string]>): Uint8Array {
  const writer = Writer.create();
  for (const [field, value] of fields) {
    writer.uint32((field << 3) | 2);
    if (typeof value === 'string') writer.string(value);
    else writer.bytes(value);
  }
  return writer.finish();
}
const entryBytes = (entry: Record<string, unknown>): Uint8Array =>
  entryType.encode(entryType.fromObject(entry)).finish();
const request = (...streams: Uint8Array[]): Uint8Array => {
  const writer = Writer.create();
  for (const stream of streams) writer.uint32((1 << 3) | 2).bytes(stream);
  return writer.finish();
};

function oneShot(raw: Uint8Array): unknown {
  try {
    return decodePushRequest(raw);
  } catch (err) {
    return (err as Error).message;
  }
}

/** The incremental decoder's streams (slices of 2 entries), or its error message. */
async function incremental(raw: Uint8Array): Promise<unknown> {
  try {
    const push = await checkProtobufPush(raw, { minBytes: 0, sliceEntries: 2 });
    const streams = push.labels.map((labels) => ({ labels, entries: [] as unknown[] }));
    await push.read(async (slice) => {
      for (const { entries: part, stream } of slice) streams[stream]?.entries.push(...part);
    });
    return streams;
  } catch (err) {
    return (err as Error).message;
  }
}

describe('checkProtobufPush', () => {
  test.each([
    [
      'two streams with metadata',
      encode({
        streams: [
          {
            labels: '{job="a"}',
            entries: [...entries(5), { line: 'm', structuredMetadata: [{ name: 'trace_id', value: 'x' }] }],
          },
          { labels: '{job="b"}', entries: entries(1) },
        ],
      }),
    ],
    ['no streams', encode({ streams: [] })],
    ['a stream without entries', encode({ streams: [{ labels: '{job="a"}' }] })],
    ['invalid labels', encode({ streams: [{ labels: '{job:"a"}', entries: entries(3) }] })],
    [
      'nanos out of range late in a stream',
      encode({ streams: [{ labels: '{job="a"}', entries: entries(7, (i) => (i === 6 ? 1_000_000_000 : i)) }] }),
    ],
    [
      'a __proto__ metadata name',
      encode({
        streams: [
          { labels: '{job="a"}', entries: [{ line: 'x', structuredMetadata: [{ name: '__proto__', value: 'y' }] }] },
        ],
      }),
    ],
    [
      'a problem in the second stream only',
      encode({
        streams: [
          { labels: '{job="a"}', entries: entries(3) },
          { labels: '{a-b="x"}', entries: entries(1) },
        ],
      }),
    ],
    [
      'entries before labels, both bad: labels win',
      request(
        streamBytes([
          [2, entryBytes({ line: 'x', timestamp: { nanos: -1 } })],
          [1, '{job:"a"}'],
        ]),
      ),
    ],
    [
      'labels repeated: the last counts',
      request(
        streamBytes([
          [1, '{job="a"}'],
          [2, entryBytes({ line: 'x' })],
          [1, '{job="b"}'],
        ]),
      ),
    ],
    [
      'a truncated stream after a bad one: the wire error wins',
      (() => {
        const bad = encode({ streams: [{ labels: '{job:"a"}' }] });
        const good = encode({ streams: [{ labels: '{job="b"}', entries: entries(3) }] });
        return Buffer.concat([bad, good.subarray(0, good.length - 3)]);
      })(),
    ],
    ['not a PushRequest', new Uint8Array([0x0a, 0xff, 0xff, 0xff])],
  ])('answers as decodePushRequest for %s', async (_name, raw) => {
    expect(await incremental(raw)).toEqual(oneShot(raw));
  });

  test('decodes small requests at once and large ones a slice at a time, handing each on', async () => {
    const raw = encode({ streams: [{ labels: '{job="a"}', entries: entries(5) }] });
    const slices: number[] = [];
    const push = await checkProtobufPush(raw, { minBytes: 0, sliceEntries: 2 });
    await push.read(async (slice) => void slices.push(slice.reduce((n, part) => n + part.entries.length, 0)));
    expect(slices).toEqual([2, 2, 1]);
  });
});
