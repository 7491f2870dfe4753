import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseConfig } from '../src/config';
import { createLogger } from '../src/runtime/logger';
import { runCollector, type RunningCollector } from '../src/runtime/run-collector';
import { LokiPushReceiver } from '../src/testing/loki-push-receiver';
import { freePort } from './support/free-port';

describe('runCollector shutdown order', () => {
  let dir: string;
  let receiver: LokiPushReceiver;
  let collector: RunningCollector | undefined;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shutdown-order-'));
    receiver = await LokiPushReceiver.start();
  });
  afterEach(async () => {
    await collector?.shutdown(AbortSignal.timeout(2000));
    collector = undefined;
    await receiver.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('delivers a multiline block the upstream pipeline holds when a chained pipeline is shut down', async () => {
    const port = await freePort();
    const file = path.join(dir, 'collector.yaml');
    // `upstream` is declared first on purpose: the loader orders pipelines targets first, whatever the file says.
    const yaml = `
server: { http_listen_address: 127.0.0.1, http_listen_port: 0 }
storage_path: ${path.join(dir, 'data')}
sources:
  push: { type: loki_push, listen_address: 127.0.0.1, listen_port: ${port}, forward_to: [pipelines.upstream] }
pipelines:
  upstream:
    stages:
      - multiline: { firstline: '^START', max_wait_time: 10m }
    forward_to: [pipelines.downstream]
  downstream:
    stages:
      - static_labels: { values: { stage: downstream } }
    forward_to: [sinks.loki]
sinks:
  loki: { type: loki, url: "${receiver.url}", batch_wait_ms: 60000 }
`;
    collector = await runCollector(parseConfig(yaml, file, {}), { logger: createLogger({ level: 'silent' }) });
    const body = { streams: [{ stream: { job: 'chain' }, values: [['1', 'START one'], ['2', '  at a'], ['3', '  at b']] }] };
    const res = await fetch(`http://127.0.0.1:${port}/loki/api/v1/push`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(204);
    await collector.shutdown(AbortSignal.timeout(5000));
    expect(receiver.lines()).toEqual(['START one\n  at a\n  at b']);
    expect(receiver.entries[0]!.labels).toEqual({ job: 'chain', stage: 'downstream' });
  });
});
