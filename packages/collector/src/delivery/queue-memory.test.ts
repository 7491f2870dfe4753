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
});
