import * as fs from 'node:fs';
import type { Sink } from '../src/component';
import { createEntry, type LogEntry } from '../src/entry';
import { refusedEntries } from '../src/sinks/loki/refused-entries';
import { lokiSinkDefinition } from '../src/sinks/loki/sink';
import { LokiPushReceiver } from '../src/testing/loki-push-receiver';
import { waitFor } from '@obs/schema/testing';
import { createTestContext, metricValue } from './support/sink-context';

const tooOld = (i: number): string =>
  `entry for stream '{job="test"}' has timestamp too old: 2020-01-01T00:00:0${i}Z, oldest acceptable timestamp is: 2026-11-29T18:00:00Z`;

describe('refusedEntries (Loki 400 bodies)', () => {
  test.each<[string, string, number | undefined]>([
    ['one refused entry', tooOld(1), 1],
    ['several distinct refusals, grouped', `2 errors like: ${tooOld(1)}; 1 errors like: ${tooOld(2)}`, 3],
    ['one message repeated', `4938 errors like: ${tooOld(1)}`, 4938],
    [
      'a too-new entry and a line over the size limit',
      `1 errors like: entry for stream '{a="b"}' has timestamp too new: 2030-01-01T00:00:00Z; 2 errors like: Max entry size '262144' bytes exceeded for stream '{a="b"}' while adding an entry with length '300000' bytes`,
      3,
    ],
    [
      'structured metadata over its limit',
      `stream '{a="b"}' has structured metadata too large: '70000' bytes, limit: '65536' bytes. Please see limits_config.max_structured_metadata_size or contact your Loki administrator to increase it.`,
      1,
    ],
    [
      'an ingester naming what it ignored',
      `entry with timestamp 2020-01-01 00:00:00 +0000 UTC ignored, reason: 'entry too far behind' for stream: {job="test"},\ntotal ignored: 7 out of 10`,
      7,
    ],
    ['a refusal of a whole stream', `stream '{a="b"}' has label value too long: 'xxxx'`, undefined],
    ['a message it does not know', 'entry too far behind', undefined],
    ['an empty body', '', undefined],
  ])('reads %s', (_what, body, expected) => {
    expect(refusedEntries(body)).toBe(expected);
  });
});

describe('loki sink on a 400 that names refused entries', () => {
  let receiver: LokiPushReceiver;
  let sink: Sink | undefined;
  let ctx: ReturnType<typeof createTestContext>;
  afterEach(async () => {
    await sink?.shutdown(AbortSignal.timeout(2000));
    await receiver.close();
    fs.rmSync(ctx.dataDir, { recursive: true, force: true });
  });

  test('counts the named entries as dropped (http_400) and the rest as sent, as Loki keeps them', async () => {
    receiver = await LokiPushReceiver.start();
    receiver.fail({ status: 400, times: 1, body: `3 errors like: ${tooOld(1)}` });
    ctx = createTestContext('sinks.loki');
    sink = lokiSinkDefinition.create(lokiSinkDefinition.config.parse({ url: receiver.url, batch_wait_ms: 20 }), ctx);
    await sink.start();
    const entries: LogEntry[] = Array.from({ length: 20 }, (_, i) =>
      createEntry(`line-${i}`, { job: 'test' }, 1_700_000_000_000_000_000n + BigInt(i)),
    );
    await sink.consume({ entries }, new AbortController().signal);
    await waitFor(
      async () =>
        (await metricValue(ctx.registry, 'collector_sink_dropped_entries_total', {
          sink: 'sinks.loki',
          reason: 'http_400',
        })) > 0,
      'the 400 counted',
    );
    expect(
      await metricValue(ctx.registry, 'collector_sink_dropped_entries_total', {
        sink: 'sinks.loki',
        reason: 'http_400',
      }),
    ).toBe(3);
    expect(await metricValue(ctx.registry, 'collector_sink_sent_entries_total', { sink: 'sinks.loki' })).toBe(17);
  });

  test('reads a 400 body past 64 KiB to count every refused entry, not the whole push', async () => {
    receiver = await LokiPushReceiver.start();
    // One group per refused entry, as Loki writes distinct messages: about 150 KB, past httpPost's default 64 KiB.
    const groups = Array.from(
      { length: 1000 },
      (_, i) =>
        `1 errors like: entry for stream '{job="test"}' has timestamp too old: 2020-01-01T00:00:00.${String(i).padStart(9, '0')}Z, oldest acceptable timestamp is: 2026-11-29T18:00:00Z`,
    );
    const body = groups.join('; ');
    expect(body.length).toBeGreaterThan(128 * 1024);
    receiver.fail({ status: 400, times: 1, body });
    ctx = createTestContext('sinks.loki');
    sink = lokiSinkDefinition.create(lokiSinkDefinition.config.parse({ url: receiver.url, batch_wait_ms: 20 }), ctx);
    await sink.start();
    const entries: LogEntry[] = Array.from({ length: 1200 }, (_, i) =>
      createEntry(`line-${i}`, { job: 'test' }, 1_700_000_000_000_000_000n + BigInt(i)),
    );
    await sink.consume({ entries }, new AbortController().signal);
    const dropped = (): Promise<number> =>
      metricValue(ctx.registry, 'collector_sink_dropped_entries_total', { sink: 'sinks.loki', reason: 'http_400' });
    await waitFor(async () => (await dropped()) > 0, 'the 400 counted');
    expect(await dropped()).toBe(1000);
    expect(await metricValue(ctx.registry, 'collector_sink_sent_entries_total', { sink: 'sinks.loki' })).toBe(200);
  });
});
