import type { Consumer } from '../consumer';
import type { LogBatch } from '../entry';
import { PermanentError, RetryableError } from '../errors';
import { createMemoryConsumer, testEntry } from '../testing';
import { fanOut } from './fanout';

const signal = new AbortController().signal;

/** Accepts only when released, so a test can hold one target back. */
function gatedConsumer(): Consumer<LogBatch> & { release(): void; calls: number } {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const consumer = {
    calls: 0,
    release: () => release(),
    async consume() {
      consumer.calls++;
      await gate;
    },
  };
  return consumer;
}

describe('fanOut', () => {
  test('resolves only after every target accepted when all succeed', async () => {
    const fast = createMemoryConsumer();
    const slow = gatedConsumer();
    let settled = false;
    const done = fanOut(
      [
        { target: fast, entries: [testEntry('a')], changesEntries: false },
        { target: slow, entries: [testEntry('a')], changesEntries: false },
      ],
      signal,
    ).then(() => (settled = true));
    await Promise.resolve();
    expect(fast.lines()).toEqual(['a']);
    expect(settled).toBe(false);
    slow.release();
    await done;
    expect(settled).toBe(true);
  });

  test('rejects with the first error when one target fails', async () => {
    const failing: Consumer<LogBatch> = {
      consume: async () => {
        throw new RetryableError('loki down', 1000);
      },
    };
    const rejecting: Consumer<LogBatch> = {
      consume: () => new Promise((_resolve, reject) => setImmediate(() => reject(new PermanentError('bad')))),
    };
    await expect(
      fanOut(
        [
          { target: failing, entries: [], changesEntries: false },
          { target: rejecting, entries: [], changesEntries: false },
        ],
        signal,
      ),
    ).rejects.toThrow(RetryableError);
  });

  test('calls a single target directly with its entries', async () => {
    const only = createMemoryConsumer();
    await fanOut([{ target: only, entries: [testEntry('x'), testEntry('y')], changesEntries: true }], signal);
    expect(only.batches).toHaveLength(1);
    expect(only.lines()).toEqual(['x', 'y']);
  });
});
