import { createEntry } from '../entry';
import { QueueFullError } from '../errors';
import { createMemoryQueue } from './queue-memory';

describe('createMemoryQueue', () => {
  test('reads records up to maxBytes and removes them on ack', async () => {
    const q = createMemoryQueue({ capacityBytes: 1000 });
    await q.push([createEntry('a')], 10);
    await q.push([createEntry('b')], 10);
    await q.push([createEntry('c')], 10);
    const chunk = await q.read(20);
    expect(chunk!.entries.map((e) => e.line)).toEqual(['a', 'b']);
    await q.ack(chunk!);
    expect(q.depth()).toEqual({ entries: 1, bytes: 10 });
    expect((await q.read(20))!.entries.map((e) => e.line)).toEqual(['c']);
  });

  test('accepts one oversized batch when the queue is empty', async () => {
    const q = createMemoryQueue({ capacityBytes: 5 });
    await expect(q.push([createEntry('big')], 50)).resolves.toBeUndefined();
    await expect(q.push([createEntry('more')], 1)).rejects.toBeInstanceOf(QueueFullError);
  });

  test('wakes a waiting reader when a push arrives', async () => {
    const q = createMemoryQueue({ capacityBytes: 100 });
    const waiting = q.waitForPush(60_000, new AbortController().signal);
    await q.push([createEntry('x')], 1);
    await expect(waiting).resolves.toBeUndefined();
  });

  test('gives back every field but extracted when entries are read', async () => {
    const q = createMemoryQueue({ capacityBytes: 1000 });
    const a = createEntry('a', { job: 'x', env: 'prod' }, -1_500_000_000n);
    a.structuredMetadata = { trace_id: 't1' };
    a.extracted = { big: 'dropped in the queue' };
    const b = createEntry('b', { job: 'y' }, 1_700_000_000_000_000_000n);
    await q.push([a, b], 10);
    const [ra, rb] = (await q.read(1000))!.entries;
    expect(ra).toEqual({ timestampNs: -1_500_000_000n, line: 'a', labels: { job: 'x', env: 'prod' }, structuredMetadata: { trace_id: 't1' }, extracted: {} });
    expect(rb).toEqual({ timestampNs: 1_700_000_000_000_000_000n, line: 'b', labels: { job: 'y' }, structuredMetadata: {}, extracted: {} });
  });

  test('keeps timestamps exact when they do not fit in int64', async () => {
    const q = createMemoryQueue({ capacityBytes: 1000 });
    const huge = 2n ** 70n;
    await q.push([createEntry('far', {}, huge), createEntry('near', {}, 5n), createEntry('past', {}, -huge)], 3);
    expect((await q.read(1000))!.entries.map((e) => e.timestampNs)).toEqual([huge, 5n, -huge]);
  });

  test('shares one labels object per label set when entries wait', async () => {
    const q = createMemoryQueue({ capacityBytes: 1000 });
    const labels = { job: 'x' };
    await q.push([createEntry('1', { ...labels }), createEntry('2', { ...labels }), createEntry('3', { job: 'z' })], 3);
    const [one, two, three] = (await q.read(1000))!.entries;
    expect(one!.labels).toBe(two!.labels);
    expect(one!.labels).not.toBe(labels);
    expect(three!.labels).toEqual({ job: 'z' });
  });

  test('keeps its copy when the pusher changes labels after push', async () => {
    const q = createMemoryQueue({ capacityBytes: 1000 });
    const e = createEntry('x', { job: 'x' });
    await q.push([e], 1);
    e.labels.job = 'changed';
    expect((await q.read(1000))!.entries[0]!.labels).toEqual({ job: 'x' });
  });
});
