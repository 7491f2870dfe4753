import * as path from 'node:path';
import { Registry } from 'prom-client';
import { createPipelineConsumer, loadConfig, type Consumer, type LogBatch, type Lifecycle } from '@obs/collector';
import { createMemoryConsumer, silentLogger, testEntry, type MemoryConsumer } from '@obs/collector/testing';
import { startFakeSorter, type FakeSorter } from '@obs/sorter-client/testing';

const CONFIG = path.join(__dirname, 'collector.yaml');

// The shipped collector.yaml through the collector's real loader and pipeline; the sorter is a fake speaking /classify.
describe('examples/severity-routing', () => {
  let sorter: FakeSorter;
  let pipeline: (Consumer<LogBatch> & Lifecycle) | undefined;
  let sinks: Record<string, MemoryConsumer>;

  beforeEach(async () => {
    sorter = await startFakeSorter();
    sinks = {
      'sinks.alerting': createMemoryConsumer(),
      'sinks.storage': createMemoryConsumer(),
      'sinks.archive': createMemoryConsumer(),
    };
  });

  afterEach(async () => {
    await pipeline?.shutdown(AbortSignal.timeout(2000));
    await sorter.close();
    pipeline = undefined;
  });

  async function build(): Promise<Consumer<LogBatch> & Lifecycle> {
    const config = await loadConfig(CONFIG, { SORTER_URL: sorter.url });
    pipeline = createPipelineConsumer(config.pipelines[0], {
      registry: new Registry(),
      logger: silentLogger,
      resolve: (target) => sinks[target],
    });
    return pipeline;
  }

  const lines = (sink: string) => sinks[`sinks.${sink}`].entries.map((e) => e.line);

  test('routes by the local rules while the sorter has not answered: critical to alerting and storage, warnings to storage, noise to archive', async () => {
    sorter.setMode({ kind: 'hang' });
    const p = await build();
    const oom = 'kernel: Out of memory: Killed process 4242 (java)';
    const disk = 'WARN disk usage 91% on /var/lib/postgresql';
    const routine = 'GET /static/app.css 200 12ms';
    await p.consume({ entries: [testEntry(oom), testEntry(disk), testEntry(routine)] }, AbortSignal.timeout(2000));
    expect(lines('alerting')).toEqual([oom]);
    expect(lines('storage')).toEqual([oom, disk]);
    expect(lines('archive')).toEqual([routine]);
    expect(sinks['sinks.alerting'].entries[0].structuredMetadata).toMatchObject({ decided_by: 'rules' });
    expect(sinks['sinks.alerting'].entries[0].labels).toMatchObject({ forward_to: 'alerting' });
  });

  test('routes later lines of a template by the sorter answer once it came back', async () => {
    sorter.setMode({ kind: 'answer', override: { severity: 'error', category: 'security', forward_to: 'alerting' } });
    const p = await build();
    const line = (n: number) => `user ${n} logged in from 10.0.0.${n}`;
    await p.consume({ entries: [testEntry(line(1))] }, AbortSignal.timeout(2000));
    expect(lines('alerting')).toEqual([]);
    expect([...lines('storage'), ...lines('archive')]).toEqual([line(1)]);
    for (let n = 2; n < 200 && lines('alerting').length === 0; n++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await p.consume({ entries: [testEntry(line(n))] }, AbortSignal.timeout(2000));
    }
    expect(sinks['sinks.alerting'].entries[0].labels).toMatchObject({
      detected_level: 'error',
      forward_to: 'alerting',
    });
    expect(sinks['sinks.alerting'].entries[0].structuredMetadata).toMatchObject({
      decided_by: 'cache',
      category: 'security',
    });
    expect(sorter.requests.flat()).toHaveLength(1);
  });
});
