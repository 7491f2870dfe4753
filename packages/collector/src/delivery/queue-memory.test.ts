import { QueueFullError } from '../errors';
import { createMemoryQueue } from './queue-memory';
import type { QueueRecord } from './queue';
import { required } from '@obs/schema/testing';

const record = (text: string): QueueRecord => ({ payload: Buffer.from(text), entries: 1, oldestMs: 0 });

describe('createMemoryQueue', () => {
  test('reads records up to maxBytes of payload and removes them on ack', async () => {
    const q = createMemoryQueue({ capacityBytes: 1000 });
    await q.push(record('a'.repeat(10)));
    await q.push(record('b'.repeat(10)));
    await q.push(record('c'.repeat(10)));
    const chunk = required(await q.read(20), 'a chunk');
    expect(chunk.records.map((r) => r.payload.toString()[0])).toEqual(['a', 'b']);
    expect(chunk.bytes).toBe(20);
    await q.ack(chunk);
    expect(q.depth()).toEqual({ entries: 1, bytes: 10 });
    expect(required(await q.read(20), 'a chunk').records.map((r) => r.payload.toString()[0])).toEqual(['c']);
  });

  test('accepts one oversized record when the queue is empty', async () => {
    const q = createMemoryQueue({ capacityBytes: 5 });
    await expect(q.push(record('x'.repeat(50)))).resolves.toBeUndefined();
    await expect(q.push(record('y'))).rejects.toBeInstanceOf(QueueFullError);
  });

  test('reads nothing when every record was acknowledged', async () => {
    const q = createMemoryQueue({ capacityBytes: 100 });
    await q.push(record('x'));
    await q.ack(required(await q.read(100), 'a chunk'));
    expect(await q.read(100)).toBeUndefined();
    expect(q.depth()).toEqual({ entries: 0, bytes: 0 });
  });

  test('wakes a waiting reader when a push arrives', async () => {
    const q = createMemoryQueue({ capacityBytes: 100 });
    const waiting = q.waitForPush(60_000, new AbortController().signal);
    await q.push(record('x'));
    await expect(waiting).resolves.toBeUndefined();
  });
});

describe('createMemoryQueue ring', () => {
  const text = (n: number, c: string) => c.repeat(n);
  const lines = async (q: ReturnType<typeof createMemoryQueue>, max = 1000) =>
    (await q.read(max))?.records.map((r) => r.payload.toString()) ?? [];

  test('wraps around to the start when the end of the ring is taken and the oldest batch was acknowledged', async () => {
    const q = createMemoryQueue({ capacityBytes: 30 });
    await q.push(record(text(12, 'a')));
    await q.push(record(text(12, 'b')));
    await q.ack(required(await q.read(12), 'a chunk'));
    await q.push(record(text(10, 'c'))); // 6 bytes left at the end: goes to the start
    await expect(q.push(record(text(3, 'd')))).rejects.toBeInstanceOf(QueueFullError); // 2 bytes between c and b
    const b = required(await q.read(12), 'a chunk');
    expect(b.records.map((r) => r.payload.toString())).toEqual([text(12, 'b')]);
    await q.ack(b);
    await q.push(record(text(15, 'e')));
    expect(await lines(q)).toEqual([text(10, 'c'), text(15, 'e')]);
  });

  test('keeps payloads intact when later pushes fill the ring around them', async () => {
    const q = createMemoryQueue({ capacityBytes: 64 });
    const expected: string[] = [];
    for (let i = 0; i < 200; i++) {
      const payload = `${i}:`.padEnd(5 + (i % 11), String.fromCharCode(97 + (i % 26)));
      try {
        await q.push(record(payload));
        expected.push(payload);
      } catch (err) {
        expect(err).toBeInstanceOf(QueueFullError);
        const chunk = required(await q.read(20), 'a chunk');
        expect(chunk.records.map((r) => r.payload.toString())).toEqual(expected.splice(0, chunk.records.length));
        await q.ack(chunk);
        i--;
      }
    }
    expect(await lines(q)).toEqual(expected);
  });

  test('refuses more once a batch larger than the queue was taken into an empty queue', async () => {
    const q = createMemoryQueue({ capacityBytes: 8 });
    await q.push(record(text(20, 'x')));
    await expect(q.push(record('y'))).rejects.toBeInstanceOf(QueueFullError);
    await q.ack(required(await q.read(100), 'a chunk'));
    await q.push(record(text(8, 'z')));
    expect(await lines(q)).toEqual([text(8, 'z')]);
  });
});

describe('createMemoryQueue when full', () => {
  test('marks itself refusing and gives the refusal a room promise that an ack resolves', async () => {
    const q = createMemoryQueue({ capacityBytes: 10 });
    await q.push(record('x'.repeat(8)));
    const refused: unknown = await q.push(record('y'.repeat(8))).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(QueueFullError);
    const room = required(refused instanceof QueueFullError ? refused.room : undefined, "the refusal's room promise");
    expect(q.refusing).toBe(true);
    let roomed = false;
    void room.then(() => (roomed = true));
    await new Promise((r) => setImmediate(r));
    expect(roomed).toBe(false);
    await q.ack(required(await q.read(100), 'a chunk'));
    await room;
    expect(q.refusing).toBe(false);
    await expect(q.push(record('y'.repeat(8)))).resolves.toBeUndefined();
  });
});

describe('createMemoryQueue with several chunks out', () => {
  test('hands each record out once and frees only the acknowledged prefix when acks come out of order', async () => {
    const q = createMemoryQueue({ capacityBytes: 30 });
    for (const c of ['a', 'b', 'c']) await q.push(record(c.repeat(10)));
    const [first, second, third] = [
      required(await q.read(10), 'a chunk'),
      required(await q.read(10), 'a chunk'),
      required(await q.read(10), 'a chunk'),
    ];
    expect([first, second, third].map((c) => c.records[0].payload.toString()[0])).toEqual(['a', 'b', 'c']);
    expect(await q.read(10)).toBeUndefined();
    expect(q.unread()).toEqual({ entries: 0, bytes: 0 });
    await q.ack(third);
    await q.ack(second);
    expect(q.depth()).toEqual({ entries: 3, bytes: 30 }); // 'a' is still out: nothing freed
    await expect(q.push(record('d'.repeat(10)))).rejects.toBeInstanceOf(QueueFullError);
    await q.ack(first);
    expect(q.depth()).toEqual({ entries: 0, bytes: 0 });
    await q.push(record('d'.repeat(10)));
    expect(await lines(q)).toEqual(['d'.repeat(10)]);
  });
});

async function lines(q: ReturnType<typeof createMemoryQueue>): Promise<string[]> {
  return (await q.read(1000))?.records.map((r) => r.payload.toString()) ?? [];
}
