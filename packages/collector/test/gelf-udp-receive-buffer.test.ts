import * as child from 'node:child_process';
import * as fs from 'node:fs';
import { gelfSourceDefinition, type GelfSource } from '../src/sources/gelf/source';
import { createMemoryConsumer } from '../src/testing/memory-consumer';
import { createTestContext, metricValue } from './support/sink-context';

// Linux reports a UDP socket's drops in /proc/net/udp; elsewhere there is nothing to count them from.
const linux = fs.existsSync('/proc/net/udp');

describe('a gelf source over UDP whose receive buffer overflows', () => {
  let source: GelfSource | undefined;
  afterEach(async () => {
    await source?.shutdown(AbortSignal.timeout(2000));
    source = undefined;
  });

  (linux ? test : test.skip)(
    'counts the datagrams the kernel dropped as receive_buffer_full: received and dropped add up to what was sent',
    async () => {
      const next = createMemoryConsumer();
      const ctx = { ...createTestContext('sources.gelf'), next };
      // The smallest buffer Linux allows (it raises 1 byte to its minimum), so a burst overflows it.
      source = gelfSourceDefinition.create(
        gelfSourceDefinition.config.parse({ listen_address: '127.0.0.1:0', receive_buffer_bytes: 1 }),
        ctx,
      );
      await source.start();
      const sent = 2000;
      // spawnSync blocks this process's event loop, so nothing is read while the sender bursts.
      const sender = child.spawnSync(
        process.execPath,
        [
          '-e',
          `const s = require('node:dgram').createSocket('udp4');
           const m = Buffer.from(JSON.stringify({ version: '1.1', host: 'h', short_message: 'x'.repeat(200) }));
           let left = ${sent};
           for (let i = 0; i < ${sent}; i++) s.send(m, ${source.port}, '127.0.0.1', () => { if (--left === 0) s.close(); });`,
        ],
        { timeout: 20_000 },
      );
      expect(sender.status).toBe(0);
      await source.shutdown(AbortSignal.timeout(5000));
      const dropped = await metricValue(ctx.registry, 'collector_source_dropped_lines_total', {
        source: 'sources.gelf',
        reason: 'receive_buffer_full',
      });
      expect(dropped).toBeGreaterThan(0);
      expect(next.entries.length + dropped).toBe(sent);
    },
  );
});
