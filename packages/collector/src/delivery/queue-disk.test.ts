import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEntry } from '../entry';
import { QueueFullError } from '../errors';
import { createDiskQueue } from './queue-disk';
import type { DeliveryQueue } from './queue';

const entries = (...lines: string[]) => lines.map((line, i) => createEntry(line, { job: 'a' }, BigInt(i + 1)));

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

  test('returns entries in push order with timestamps and labels when read', async () => {
    const q = queue();
    await q.push(entries('one', 'two'), 6);
    await q.push(entries('three'), 5);
    const chunk = await q.read(1 << 20);
    expect(chunk!.entries.map((e) => e.line)).toEqual(['one', 'two', 'three']);
    expect(chunk!.entries[1]).toMatchObject({ timestampNs: 2n, labels: { job: 'a' } });
    expect(q.depth().entries).toBe(3);
    await q.ack(chunk!);
    expect(q.depth()).toEqual({ entries: 0, bytes: 0 });
    expect(await q.read(1 << 20)).toBeUndefined();
  });

  test('keeps unacknowledged entries when the queue is reopened', async () => {
    const q = queue();
    await q.push(entries('a1'), 2);
    await q.push(entries('a2'), 2);
    const first = await q.read(1);
    expect(first!.entries.map((e) => e.line)).toEqual(['a1']);
    await q.ack(first!);
    await q.push(entries('a3'), 2);
    await q.close();
    const reopened = queue();
    expect(reopened.depth().entries).toBe(2);
    expect((await reopened.read(1 << 20))!.entries.map((e) => e.line)).toEqual(['a2', 'a3']);
  });

  test('cuts off a torn record when the last write was interrupted', async () => {
    const q = queue();
    await q.push(entries('whole'), 5);
    await q.push(entries('torn'), 4);
    await q.close();
    const segment = fs.readdirSync(dir).find((f) => f.endsWith('.wal'))!;
    const file = path.join(dir, segment);
    fs.truncateSync(file, fs.statSync(file).size - 3);
    const lost: number[] = [];
    const reopened = createDiskQueue({ dir, capacityBytes: 1 << 20, fsync: 'never', onCorruption: (_f, _o, n) => lost.push(n) });
    open.push(reopened);
    expect(lost.length).toBe(1);
    expect((await reopened.read(1 << 20))!.entries.map((e) => e.line)).toEqual(['whole']);
    await reopened.push(entries('after'), 5);
    await reopened.ack((await reopened.read(1))!);
    expect((await reopened.read(1 << 20))!.entries.map((e) => e.line)).toEqual(['after']);
  });

  test('rolls segments and deletes them once acknowledged when segments fill up', async () => {
    const q = queue(1 << 20, 64);
    for (let i = 0; i < 10; i++) await q.push(entries(`line-${i}-${'x'.repeat(40)}`), 50);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.wal')).length).toBeGreaterThan(5);
    const chunk = await q.read(1 << 20);
    expect(chunk!.entries.length).toBe(10);
    await q.ack(chunk!);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.wal')).length).toBe(1);
  });

  test('rejects with QueueFullError when capacity_bytes would be exceeded', async () => {
    const q = queue(200);
    await q.push(entries('x'.repeat(120)), 120);
    await expect(q.push(entries('y'.repeat(120)), 120)).rejects.toBeInstanceOf(QueueFullError);
  });

  test('writes concurrent pushes in order when they arrive together', async () => {
    const q = queue();
    await Promise.all(Array.from({ length: 50 }, (_, i) => q.push(entries(`c${i}`), 3)));
    const lines = (await q.read(1 << 20))!.entries.map((e) => e.line);
    expect(lines).toEqual(Array.from({ length: 50 }, (_, i) => `c${i}`));
  });
});
