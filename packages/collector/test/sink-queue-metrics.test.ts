import * as fs from 'node:fs';
import type { Sink } from '../src/component';
import { createEntry } from '../src/entry';
import { lokiSinkDefinition } from '../src/sinks/loki/sink';
import { LokiPushReceiver } from '../src/testing/loki-push-receiver';
import { waitFor } from '@obs/schema/testing';
import { createTestContext, metricValue } from './support/sink-context';

describe('sink queue metrics', () => {
  let receiver: LokiPushReceiver;
  const sinks: Sink[] = [];
  const dirs: string[] = [];
  beforeEach(async () => {
    receiver = await LokiPushReceiver.start();
    receiver.fail({ status: 503, times: 1_000_000 });
  });
  afterEach(async () => {
    for (const s of sinks.splice(0)) await s.shutdown(AbortSignal.timeout(50));
    await receiver.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  test.each(['memory', 'disk'] as const)(
    'exports the %s queue capacity_bytes beside the queued bytes when a loki sink is built',
    async (type) => {
      const ctx = createTestContext('sinks.loki');
      dirs.push(ctx.dataDir);
      const sink = lokiSinkDefinition.create(
        lokiSinkDefinition.config.parse({
          url: receiver.url,
          batch_wait_ms: 60_000,
          queue: { type, capacity_bytes: 65_536 },
        }),
        ctx,
      );
      sinks.push(sink);
      await sink.start();
      expect(await metricValue(ctx.registry, 'collector_sink_queue_capacity_bytes', { sink: 'sinks.loki' })).toBe(
        65_536,
      );
      await sink.consume({ entries: [createEntry('x'.repeat(1000), { job: 'q' })] }, new AbortController().signal);
      await waitFor(
        async () => (await metricValue(ctx.registry, 'collector_sink_queue_bytes', { sink: 'sinks.loki' })) > 1000,
        'queued bytes',
      );
      const ratio = (await metricValue(ctx.registry, 'collector_sink_queue_bytes', { sink: 'sinks.loki' })) / 65_536;
      expect(ratio).toBeGreaterThan(0.015);
      expect(ratio).toBeLessThan(0.05);
    },
  );
});
