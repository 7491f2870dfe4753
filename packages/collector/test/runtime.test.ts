import * as fs from 'node:fs';
import * as path from 'node:path';
import { useCollectorRun } from './support/collector-run';
import { freePort } from './support/free-port';
import { waitFor } from '@obs/schema/testing';
import { required } from '@obs/schema/testing';

describe('runCollector', () => {
  const run = useCollectorRun('runtime-');
  const start = async (yaml: string) => `http://127.0.0.1:${(await run.start(yaml)).httpPort}`;

  const config = (extra = '') => `
server: { http_listen_address: 127.0.0.1, http_listen_port: 0 }
storage_path: ${path.join(run.dir, 'data')}
sources:
  app:
    type: file
    targets: [{ __path__: "${path.join(run.dir, 'logs', '*.log')}", job: app }]
    poll_interval_ms: 20
    forward_to: [pipelines.main]
pipelines:
  main:
    stages:
      - static_labels: { values: { env: test } }
    forward_to: [sinks.loki, sinks.local]
sinks:
  loki: { type: loki, url: "${run.receiver.url}", batch_wait_ms: 20 }
  local: { type: file, path: "${path.join(run.dir, 'out', 'logs.ndjson')}" }
${extra}`;

  test('moves lines from a file through a pipeline to loki and file sinks when running', async () => {
    fs.mkdirSync(path.join(run.dir, 'logs'));
    fs.writeFileSync(path.join(run.dir, 'logs', 'a.log'), 'first\nsecond\n');
    await start(config());
    await run.receiver.waitForEntries(2);
    expect(run.receiver.lines()).toEqual(['first', 'second']);
    expect(run.receiver.entries[0].labels).toEqual({
      env: 'test',
      filename: path.join(run.dir, 'logs', 'a.log'),
      job: 'app',
    });
    await required(run.collector, 'the running collector').shutdown(AbortSignal.timeout(2000));
    const written = fs
      .readFileSync(path.join(run.dir, 'out', 'logs.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).line);
    expect(written).toEqual(['first', 'second']);
  });

  test('serves /metrics, /healthz and /readyz when running', async () => {
    fs.mkdirSync(path.join(run.dir, 'logs'));
    fs.writeFileSync(path.join(run.dir, 'logs', 'a.log'), 'one\n');
    const base = await start(config());
    await run.receiver.waitForEntries(1);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    let metrics = '';
    await waitFor(async () => {
      metrics = await (await fetch(`${base}/metrics`)).text();
      return metrics.includes('collector_sink_sent_entries_total{sink="sinks.loki"} 1');
    }, 'the sent entry in /metrics');
    expect(metrics).toContain('collector_source_read_lines_total{source="sources.app"} 1');
    expect(metrics).toContain('collector_stage_entries_in_total');
    expect(metrics).toContain('process_cpu_seconds_total');
  });

  test('holds the file source back and loses nothing when a small blocking queue fills while Loki is down', async () => {
    fs.mkdirSync(path.join(run.dir, 'logs'));
    const lines = Array.from({ length: 2000 }, (_, i) => `bp-${String(i).padStart(5, '0')}`);
    fs.writeFileSync(path.join(run.dir, 'logs', 'a.log'), lines.join('\n') + '\n');
    run.receiver.fail({ status: 503, times: 20 });
    await start(`
server: { http_listen_address: 127.0.0.1, http_listen_port: 0 }
storage_path: ${path.join(run.dir, 'data')}
sources:
  app:
    type: file
    targets: [{ __path__: "${path.join(run.dir, 'logs', '*.log')}" }]
    poll_interval_ms: 20
    read_chunk_bytes: 1024
    forward_to: [sinks.loki]
sinks:
  loki:
    type: loki
    url: "${run.receiver.url}"
    batch_size_bytes: 2048
    batch_wait_ms: 10
    retry: { min_backoff_ms: 5, max_backoff_ms: 20, max_retries: 0 }
    queue: { capacity_bytes: 4096, overflow: block }
`);
    await run.receiver.waitForEntries(2000, 20_000);
    expect(run.receiver.lines()).toEqual(lines);
    const metrics = await required(run.collector, 'the running collector').registry.metrics();
    expect(metrics).toMatch(/collector_source_backpressure_retries_total\{source="sources.app"\} [1-9]/);
    expect(metrics).not.toContain('collector_sink_dropped_entries_total{');
  });

  test('delivers what a push source accepted before shutdown returns when stopped gracefully', async () => {
    const port = await freePort();
    await start(`
server: { http_listen_address: 127.0.0.1, http_listen_port: 0 }
storage_path: ${path.join(run.dir, 'data')}
sources:
  push: { type: loki_push, listen_address: 127.0.0.1, listen_port: ${port}, forward_to: [sinks.loki] }
sinks:
  loki: { type: loki, url: "${run.receiver.url}", batch_wait_ms: 60000 }
`);
    const res = await fetch(`http://127.0.0.1:${port}/loki/api/v1/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        streams: [
          {
            stream: { job: 'p' },
            values: [
              ['1', 'a'],
              ['2', 'b'],
            ],
          },
        ],
      }),
    });
    expect(res.status).toBe(204);
    expect(run.receiver.entryCount).toBe(0); // held by batch_wait_ms
    await required(run.collector, 'the running collector').shutdown(AbortSignal.timeout(5000));
    expect(run.receiver.lines()).toEqual(['a', 'b']);
  });

  test('delivers a multiline block the upstream pipeline holds when a chained pipeline is shut down', async () => {
    const port = await freePort();
    // `upstream` is declared first on purpose: the loader orders pipelines targets first, whatever the file says.
    const yaml = `
server: { http_listen_address: 127.0.0.1, http_listen_port: 0 }
storage_path: ${path.join(run.dir, 'data')}
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
  loki: { type: loki, url: "${run.receiver.url}", batch_wait_ms: 60000 }
`;
    await start(yaml);
    const body = {
      streams: [
        {
          stream: { job: 'chain' },
          values: [
            ['1', 'START one'],
            ['2', '  at a'],
            ['3', '  at b'],
          ],
        },
      ],
    };
    const res = await fetch(`http://127.0.0.1:${port}/loki/api/v1/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(204);
    await required(run.collector, 'the running collector').shutdown(AbortSignal.timeout(5000));
    expect(run.receiver.lines()).toEqual(['START one\n  at a\n  at b']);
    expect(run.receiver.entries[0].labels).toEqual({ job: 'chain', stage: 'downstream' });
  });
});
