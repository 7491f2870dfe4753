import { createEntry } from '../entry';
import { formatRfc3339Nano } from '../entry';
import { formatNdjsonEntry, formatTextEntry } from './ndjson-entry';

describe('ndjson entry', () => {
  test('formats nanosecond timestamps as RFC3339Nano in UTC', () => {
    expect(formatRfc3339Nano(1_763_789_234_000_000_007n)).toBe('2025-11-22T05:27:14.000000007Z');
  });
  test('writes ts, ts_ns, labels, structured_metadata and line when formatting JSON', () => {
    const entry = { ...createEntry('hello', { job: 'a' }, 1_000_000_001n), structuredMetadata: { trace_id: 't' } };
    expect(JSON.parse(formatNdjsonEntry(entry))).toEqual({
      ts: '1970-01-01T00:00:01.000000001Z',
      ts_ns: '1000000001',
      labels: { job: 'a' },
      structured_metadata: { trace_id: 't' },
      line: 'hello',
    });
  });
  test('writes timestamp, labels, line and metadata when formatting text', () => {
    const entry = { ...createEntry('hello', { job: 'a' }, 0n), structuredMetadata: { k: 'v' } };
    expect(formatTextEntry(entry)).toBe('1970-01-01T00:00:00.000000000Z {job="a"} hello k="v"\n');
  });
});
