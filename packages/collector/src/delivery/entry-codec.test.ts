import { createEntry } from '../entry';
import { TENANT_LABEL } from '../stages/tenant';
import { decodeEntries, encodeEntries } from './entry-codec';

describe('entry codec', () => {
  test('round-trips timestamp, line, labels with reserved __ labels, and structured metadata when encoded and decoded', () => {
    const entry = createEntry('line "quoted"\nnext', { job: 'app', [TENANT_LABEL]: 'team-a', __internal: 'x' }, 1_700_000_000_123_456_789n);
    entry.structuredMetadata = { trace_id: 'abc' };
    entry.extracted = { dropped: 'not queued' };
    expect(decodeEntries(encodeEntries([entry]))).toEqual([{ ...entry, extracted: {} }]);
  });
});
