import { Registry } from 'prom-client';
import { createEntry, type LogBatch } from '../../entry';
import { QueueFullError } from '../../errors';
import type { Consumer } from '../../consumer';
import { createSourceMetrics } from '../source-metrics';
import { emitBatch } from './emitter';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

describe('emitBatch', () => {
  test('sends the batch again as soon as the full queue makes room, without backing off', async () => {
    let makeRoom: () => void = () => undefined;
    let calls = 0;
    const next: Consumer<LogBatch> = {
      async consume() {
        calls++;
        if (calls <= 3)
          throw new QueueFullError('queue full', 100, new Promise<void>((resolve) => (makeRoom = resolve)));
      },
    };
    const metrics = createSourceMetrics(new Registry(), 'sources.test');
    const done = emitBatch(
      () => [createEntry('line')],
      next,
      new AbortController().signal,
      metrics,
      silent,
      'sources.test',
    );
    for (let i = 1; i <= 3; i++) {
      await new Promise((r) => setImmediate(r));
      expect(calls).toBe(i);
      makeRoom();
    }
    await expect(done).resolves.toBe(true);
    expect(calls).toBe(4);
  });

  test('gives up waiting for room and reports not sent when the source stops', async () => {
    const next: Consumer<LogBatch> = {
      async consume() {
        throw new QueueFullError('queue full', 100, new Promise<void>(() => undefined));
      },
    };
    const stop = new AbortController();
    const done = emitBatch(
      () => [createEntry('line')],
      next,
      stop.signal,
      createSourceMetrics(new Registry(), 'sources.test'),
      silent,
      'sources.test',
    );
    await new Promise((r) => setImmediate(r));
    stop.abort();
    await expect(done).resolves.toBe(false);
  });
});
