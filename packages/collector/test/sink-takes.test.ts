import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Sink } from '../src/component';
import { createEntry } from '../src/entry';
import { PermanentError } from '../src/errors';
import { sinkDefinitions } from '../src/sinks/registry';
import { createTestContext } from './support/sink-context';

// The smallest valid config of each registered sink type; a new type without one fails the test below.
const minimalConfigs: Record<string, (dir: string) => unknown> = {
  loki: () => ({ url: 'http://127.0.0.1:1/loki/api/v1/push' }),
  file: (dir) => ({ path: path.join(dir, 'out.ndjson') }),
  stdout: () => ({}),
  otlp: () => ({ endpoint: 'http://127.0.0.1:1' }),
  prometheus_remote_write: () => ({ url: 'http://127.0.0.1:1/api/v1/write' }),
};

describe('sink definitions takes', () => {
  const built: { sink: Sink; dir: string }[] = [];
  afterEach(async () => {
    for (const { sink, dir } of built.splice(0)) {
      await sink.shutdown(AbortSignal.timeout(500));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each(Object.keys(sinkDefinitions))(
    'declares exactly what a built %s sink serves when the loader checks targets by it',
    async (type) => {
      const definition = sinkDefinitions[type];
      const ctx = createTestContext(`sinks.${type}`);
      expect(minimalConfigs).toHaveProperty([type]);
      const sink = definition.create(definition.config.parse(minimalConfigs[type](ctx.dataDir)), ctx);
      built.push({ sink, dir: ctx.dataDir });
      const takes = definition.takes ?? ['logs'];
      const signals = sink.signals ?? {};
      const served = Object.keys(signals).filter((s) => signals[s as 'traces' | 'metrics'] !== undefined);
      expect([...served].sort()).toEqual(takes.filter((s) => s !== 'logs').sort());
      if (!takes.includes('logs')) {
        await expect(
          sink.consume({ entries: [createEntry('x')] }, new AbortController().signal),
        ).rejects.toBeInstanceOf(PermanentError);
      }
    },
  );
});
