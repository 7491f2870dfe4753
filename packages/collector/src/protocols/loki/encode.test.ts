import * as snappy from 'snappyjs';
import { createEntry, type LogEntry } from '../../entry';
import { decodeProtobufPush } from './decode';
import { encodePush, joinPushRequests } from './encode';

const opts = { externalLabels: {}, maxLabels: 15, maxLineBytes: 0 };
const decode = (body: Buffer, maxBytes = 1 << 20) => decodeProtobufPush(snappy.compress(body), maxBytes);
const entry = (
  line: string,
  labels: Record<string, string>,
  ts: bigint,
  meta: Record<string, string> = {},
): LogEntry => ({ ...createEntry(line, labels, ts), structuredMetadata: meta });

describe('encodePush', () => {
  test('groups entries per stream and sorts each stream by time when entries arrive out of order', () => {
    const { body, stats } = encodePush(
      [entry('b', { job: 'x' }, 2n), entry('z', { job: 'y' }, 5n), entry('a', { job: 'x' }, 1n)],
      opts,
    );
    const streams = decode(body);
    expect(stats.streams).toBe(2);
    expect(streams).toEqual([
      {
        labels: { job: 'x' },
        entries: [
          { timestampNs: 1n, line: 'a', structuredMetadata: {} },
          { timestampNs: 2n, line: 'b', structuredMetadata: {} },
        ],
      },
      { labels: { job: 'y' }, entries: [{ timestampNs: 5n, line: 'z', structuredMetadata: {} }] },
    ]);
  });

  test('keeps nanosecond timestamps and structured metadata when encoding', () => {
    const ts = 1_763_791_234_123_456_789n;
    const [stream] = decode(encodePush([entry('l', { a: '1' }, ts, { trace_id: 't1' })], opts).body);
    expect(stream.entries[0]).toEqual({ timestampNs: ts, line: 'l', structuredMetadata: { trace_id: 't1' } });
  });

  test('adds external labels, strips __ labels and sanitises names when labels need it', () => {
    const [stream] = decode(
      encodePush([entry('l', { __path__: '/x', 'service.name': 'api', cluster: 'mine' }, 1n)], {
        ...opts,
        externalLabels: { cluster: 'prod', env: 'dev' },
      }).body,
    );
    expect(stream.labels).toEqual({ cluster: 'mine', env: 'dev', service_name: 'api' });
  });

  test('moves labels past the limit to structured metadata when a stream has too many', () => {
    const labels = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`l${String(i).padStart(2, '0')}`, 'v']));
    const { body, stats } = encodePush([entry('l', labels, 1n)], opts);
    const [stream] = decode(body);
    expect(Object.keys(stream.labels)).toHaveLength(15);
    expect(stream.entries[0].structuredMetadata).toEqual({ l15: 'v', l16: 'v' });
    expect(stats.movedLabels).toBe(2);
  });

  test('truncates lines to max line bytes when a line is too long', () => {
    const { body, stats } = encodePush([entry('x'.repeat(100), { a: 'b' }, 1n)], { ...opts, maxLineBytes: 10 });
    expect(decode(body)[0].entries[0].line).toBe('x'.repeat(10));
    expect(stats.truncatedLines).toBe(1);
  });

  test('round-trips negative, zero and 64-bit timestamps, empty lines and multi-byte text when encoding', () => {
    const timestamps = [-1_500_000_000n, 0n, 999n, 1_000_000_000n, 9_007_199_254_740_993_123n];
    const entries = timestamps.map((ts, i) =>
      entry(i === 1 ? '' : `línea ${i} €`, { job: 'ü' }, ts, i === 2 ? { k: 'vé', k2: '' } : {}),
    );
    const [stream] = decode(encodePush(entries, opts).body);
    expect(stream.labels).toEqual({ job: 'ü' });
    expect(stream.entries).toEqual(
      entries.map((e) => ({ timestampNs: e.timestampNs, line: e.line, structuredMetadata: e.structuredMetadata })),
    );
  });

  test('encodes a stream past 16 KiB with multi-byte length prefixes when entries are many', () => {
    const entries = Array.from({ length: 3000 }, (_, i) =>
      entry(`line ${i} ${'x'.repeat(i % 50)}`, { job: 'big' }, BigInt(i)),
    );
    const [stream] = decode(encodePush(entries, opts).body, 1 << 24);
    expect(stream.entries).toHaveLength(3000);
    expect(stream.entries[2999].line).toBe(entries[2999].line);
  });

  test('does not split a multi-byte character when truncating', () => {
    const { body, stats } = encodePush([entry('aé€', { a: 'b' }, 1n)], { ...opts, maxLineBytes: 4 });
    expect(decode(body)[0].entries[0].line).toBe('aé');
    expect(stats.truncatedLines).toBe(1);
  });
});

describe('joinPushRequests', () => {
  test('merges streams with the same labels into one, entries in request order, when batches are joined', () => {
    const first = encodePush([entry('a1', { job: 'a' }, 1n), entry('b1', { job: 'b' }, 2n)], opts).body;
    const second = encodePush([entry('a2', { job: 'a' }, 3n), entry('c1', { job: 'c' }, 4n, { k: 'v' })], opts).body;
    const streams = decode(joinPushRequests([first, second]));
    expect(streams.map((s) => s.labels)).toEqual([{ job: 'a' }, { job: 'b' }, { job: 'c' }]);
    expect(streams[0].entries.map((e) => e.line)).toEqual(['a1', 'a2']);
    expect(streams[2].entries).toEqual([{ timestampNs: 4n, line: 'c1', structuredMetadata: { k: 'v' } }]);
  });

  test('keeps long streams intact when their length prefixes grow past one byte', () => {
    const parts = [0, 1, 2].map(
      (p) =>
        encodePush(
          Array.from({ length: 1000 }, (_, i) =>
            entry(`p${p} line ${i} ${'y'.repeat(i % 40)}`, { job: 'big' }, BigInt(p * 1000 + i)),
          ),
          opts,
        ).body,
    );
    const [stream, ...rest] = decode(joinPushRequests(parts), 1 << 24);
    expect(rest).toEqual([]);
    expect(stream.entries).toHaveLength(3000);
    expect(stream.entries[1500].line).toBe(`p1 line 500 ${'y'.repeat(500 % 40)}`);
  });

  test('returns the one body as it is when there is nothing to join', () => {
    const body = encodePush([entry('x', { job: 'a' }, 1n)], opts).body;
    expect(joinPushRequests([body])).toBe(body);
  });
});
