import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { QueueFullError } from '../errors';
import { createDiskQueue } from './queue-disk';
import type { DeliveryQueue, QueueChunk, QueueRecord } from './queue';
import { required } from '@obs/schema/testing';

// A record of `text` as its payload, holding one entry per character; oldestMs marks it.
const record = (text: string, oldestMs = 1): QueueRecord => ({
  payload: Buffer.from(text),
  entries: text.length,
  oldestMs,
});
const texts = (chunk: QueueChunk | undefined) => required(chunk, 'a chunk').records.map((r) => r.payload.toString());

describe('createDiskQueue', () => {
  let dir: string;
  const open: DeliveryQueue[] = [];
  const queue = (capacityBytes = 1 << 20, segmentBytes?: number) => {
    const q = createDiskQueue({ dir, capacityBytes, fsync: 'always', segmentBytes });
    open.push(q);
    return q;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'disk-queue-'));
  });
  afterEach(async () => {
    for (const q of open.splice(0)) await q.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('returns records in push order with their entry counts and oldest timestamps when read', async () => {
    const q = queue();
    await q.push(record('one', 1_763_000_000_123.5));
    await q.push(record('three', 7));
    const chunk = required(await q.read(1 << 20), 'a chunk');
    expect(texts(chunk)).toEqual(['one', 'three']);
    expect(chunk.records.map((r) => [r.entries, r.oldestMs])).toEqual([
      [3, 1_763_000_000_123.5],
      [5, 7],
    ]);
    expect(chunk.bytes).toBe(8);
    expect(q.depth().entries).toBe(8);
    await q.ack(chunk);
    expect(q.depth()).toEqual({ entries: 0, bytes: 0 });
    expect(await q.read(1 << 20)).toBeUndefined();
  });

  test('keeps unacknowledged records when the queue is reopened', async () => {
    const q = queue();
    await q.push(record('a1'));
    await q.push(record('a2'));
    const first = required(await q.read(1), 'a chunk');
    expect(texts(first)).toEqual(['a1']);
    await q.ack(first);
    await q.push(record('a3', 9));
    await q.close();
    const reopened = queue();
    expect(reopened.depth().entries).toBe(4);
    const chunk = required(await reopened.read(1 << 20), 'a chunk');
    expect(texts(chunk)).toEqual(['a2', 'a3']);
    expect(chunk.records[1].oldestMs).toBe(9);
  });

  test('cuts off a torn record when the last write was interrupted', async () => {
    const q = queue();
    await q.push(record('whole'));
    await q.push(record('torn'));
    await q.close();
    const segment = required(
      fs.readdirSync(dir).find((f) => f.endsWith('.wal')),
      'a .wal segment',
    );
    const file = path.join(dir, segment);
    fs.truncateSync(file, fs.statSync(file).size - 3);
    const lost: number[] = [];
    const reopened = createDiskQueue({
      dir,
      capacityBytes: 1 << 20,
      fsync: 'never',
      onCorruption: (_f, _o, n) => lost.push(n),
    });
    open.push(reopened);
    expect(lost.length).toBe(1);
    const whole = required(await reopened.read(1 << 20), 'a chunk');
    expect(texts(whole)).toEqual(['whole']);
    await reopened.ack(whole);
    await reopened.push(record('after'));
    expect(texts(await reopened.read(1 << 20))).toEqual(['after']);
  });

  test('cuts off a record whose header was damaged when the entry count no longer matches its checksum', async () => {
    const q = queue();
    await q.push(record('kept'));
    await q.push(record('damaged'));
    await q.close();
    const file = path.join(
      dir,
      required(
        fs.readdirSync(dir).find((f) => f.endsWith('.wal')),
        'a .wal segment',
      ),
    );
    const data = fs.readFileSync(file);
    const second = 20 + 'kept'.length;
    data.writeUInt32LE(999, second + 8);
    fs.writeFileSync(file, data);
    const lost: number[] = [];
    const reopened = createDiskQueue({
      dir,
      capacityBytes: 1 << 20,
      fsync: 'never',
      onCorruption: (_f, _o, n) => lost.push(n),
    });
    open.push(reopened);
    expect(lost).toEqual([20 + 'damaged'.length]);
    expect(reopened.depth().entries).toBe(4);
    expect(texts(await reopened.read(1 << 20))).toEqual(['kept']);
  });

  test('rolls segments and deletes them once acknowledged when segments fill up', async () => {
    const q = queue(1 << 20, 64);
    for (let i = 0; i < 10; i++) await q.push(record(`line-${i}-${'x'.repeat(40)}`));
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.wal')).length).toBeGreaterThan(5);
    const chunk = required(await q.read(1 << 20), 'a chunk');
    expect(chunk.records.length).toBe(10);
    await q.ack(chunk);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.wal')).length).toBe(1);
  });

  test('rejects with QueueFullError when capacity_bytes would be exceeded', async () => {
    const q = queue(200);
    await q.push(record('x'.repeat(120)));
    await expect(q.push(record('y'.repeat(120)))).rejects.toBeInstanceOf(QueueFullError);
  });

  test('writes concurrent pushes in order when they arrive together', async () => {
    const q = queue();
    await Promise.all(Array.from({ length: 50 }, (_, i) => q.push(record(`c${i}`))));
    expect(texts(await q.read(1 << 20))).toEqual(Array.from({ length: 50 }, (_, i) => `c${i}`));
  });
});

describe('createDiskQueue with several chunks out', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'disk-queue-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('persists only the acknowledged prefix, so a restart re-sends from the oldest chunk still out', async () => {
    const q = createDiskQueue({ dir, capacityBytes: 1 << 20, fsync: 'never' });
    for (const text of ['one', 'two', 'three']) await q.push(record(text));
    const chunks = [
      required(await q.read(1), 'a chunk'),
      required(await q.read(1), 'a chunk'),
      required(await q.read(1), 'a chunk'),
    ];
    expect(chunks.map(texts)).toEqual([['one'], ['two'], ['three']]);
    expect(q.unread()).toEqual({ entries: 0, bytes: 0 });
    await q.ack(chunks[0]);
    await q.ack(chunks[2]); // 'two' is still out
    expect(q.depth().entries).toBe(8);
    await q.close();
    const reopened = createDiskQueue({ dir, capacityBytes: 1 << 20, fsync: 'never' });
    expect(texts(await reopened.read(1 << 20))).toEqual(['two', 'three']);
    await reopened.close();
  });
});
