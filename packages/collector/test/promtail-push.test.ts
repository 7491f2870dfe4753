import { freePort } from './support/free-port';
import { usePromtailRun } from './support/promtail-run';

// A Promtail loki_push_api scrape config run as it is: pushes in, relabel_configs and pipeline_stages, Loki wire format out.
describe('a Promtail loki_push_api scrape config', () => {
  const run = usePromtailRun('promtail-push-');

  test('relabels pushed streams, runs the stages, keeps pushed timestamps with use_incoming_timestamp', async () => {
    const port = await freePort();
    const { receiver } = run;
    await run.start(`${run.head()}scrape_configs:
  - job_name: push
    loki_push_api:
      server:
        http_listen_address: 127.0.0.1
        http_listen_port: ${port}
        grpc_listen_port: 0
      labels:
        pushserver: push1
      use_incoming_timestamp: true
    relabel_configs:
      - source_labels: [app]
        target_label: service
      - source_labels: [env]
        regex: dev
        action: drop
    pipeline_stages:
      - logfmt:
          mapping:
            level:
      - labels:
          level:
`);
    const res = await fetch(`http://127.0.0.1:${port}/loki/api/v1/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        streams: [
          {
            stream: { app: 'shop', env: 'prod' },
            values: [
              ['1765015200000000001', 'level=info msg=paid'],
              ['1765015200000000002', 'level=warn msg=slow'],
            ],
          },
          { stream: { app: 'shop', env: 'dev' }, values: [['1765015200000000003', 'level=info msg=dropped']] },
        ],
      }),
    });
    expect(res.status).toBe(204);
    await receiver.waitForEntries(2);
    expect(receiver.entries.map((e) => ({ ts: e.timestampNs, line: e.line, labels: e.labels }))).toEqual([
      {
        ts: 1765015200000000001n,
        line: 'level=info msg=paid',
        labels: { app: 'shop', env: 'prod', pushserver: 'push1', service: 'shop', level: 'info' },
      },
      {
        ts: 1765015200000000002n,
        line: 'level=warn msg=slow',
        labels: { app: 'shop', env: 'prod', pushserver: 'push1', service: 'shop', level: 'warn' },
      },
    ]);
    // Promtail's raw endpoint: one entry per line, labelled by the config only.
    const raw = await fetch(`http://127.0.0.1:${port}/promtail/api/v1/raw`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'level=error first\nlevel=info second\n',
    });
    expect(raw.status).toBe(204);
    await receiver.waitForEntries(4);
    expect(receiver.entries.slice(2).map((e) => ({ line: e.line, labels: e.labels }))).toEqual([
      { line: 'level=error first', labels: { pushserver: 'push1', level: 'error' } },
      { line: 'level=info second', labels: { pushserver: 'push1', level: 'info' } },
    ]);
  });
});
