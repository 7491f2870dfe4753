import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runUntilStopped } from '../src/cli/run';
import { parseConfig } from '../src/config';
import { createLogger } from '../src/runtime/logger';
import { runCollector } from '../src/runtime/run-collector';
import { waitFor } from '@obs/schema/testing';

describe('starting the collector', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-start-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const yaml = `server: { http_listen_port: 0 }
sources:
  push: { type: loki_push, listen_port: 0, forward_to: [sinks.out] }
sinks:
  out: { type: file, path: ./out.ndjson }
`;

  test('fails fast naming storage_path when its folder cannot be created (here under /proc), instead of hanging', async () => {
    const config = {
      ...parseConfig(yaml, path.join(dir, 'collector.yaml'), {}),
      storage_path: '/proc/collector-start-test/data',
    };
    await expect(runCollector(config, { logger: createLogger({ level: 'silent' }) })).rejects.toThrow(
      'storage_path: cannot create folder /proc/collector-start-test: ENOENT',
    );
  });

  test('gives its receivers the limits.max_in_flight_bytes of the config, shown as a metric', async () => {
    const config = parseConfig(
      `limits: { max_in_flight_bytes: 5000000 }\n${yaml}`,
      path.join(dir, 'collector.yaml'),
      {},
    );
    const running = await runCollector(config, { logger: createLogger({ level: 'silent' }) });
    try {
      const text = await (await fetch(`http://127.0.0.1:${running.httpPort}/metrics`)).text();
      expect(text).toMatch(/^collector_in_flight_limit_bytes 5000000$/m);
    } finally {
      await running.shutdown(AbortSignal.timeout(2000));
    }
  });

  test('logs "collector running" once, with the config file and the HTTP port', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', out: { write: (text: string) => lines.push(text) } });
    const config = parseConfig(yaml, path.join(dir, 'collector.yaml'), {});
    const exited = runUntilStopped(config, logger);
    await waitFor(() => lines.some((l) => l.includes('collector running')), 'the running line');
    process.emit('SIGTERM', 'SIGTERM');
    expect(await exited).toBe(0);
    const running = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((r) => r.msg === 'collector running');
    expect(running).toHaveLength(1);
    expect(running[0]).toMatchObject({ config: path.join(dir, 'collector.yaml'), http_port: expect.any(Number) });
  });
});
