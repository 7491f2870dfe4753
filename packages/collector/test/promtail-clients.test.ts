import * as fs from 'node:fs';
import * as path from 'node:path';
import { LokiPushReceiver } from '../src/testing/loki-push-receiver';
import { useCollectorRun } from './support/collector-run';

// A production-style Promtail file with two clients, run as it is: each Loki gets every entry with its own tenant,
// credentials, headers and external labels (Promtail's client documentation), and limits_config and server apply.
describe('a Promtail file with two clients, server and limits_config', () => {
  const run = useCollectorRun('promtail-clients-');
  let backup: LokiPushReceiver | undefined;
  afterEach(async () => backup?.close());

  test('sends every entry to both clients, each with its tenant, auth, headers and external labels', async () => {
    backup = await LokiPushReceiver.start();
    const secret = path.join(run.dir, 'loki-password');
    fs.writeFileSync(secret, 'hunter2\n');
    fs.mkdirSync(path.join(run.dir, 'logs'));
    fs.writeFileSync(path.join(run.dir, 'logs', 'app.log'), `level=info msg=ok\nlevel=warn msg=${'x'.repeat(60)}\n`);
    const collector = await run.start(
      `server:
  http_listen_address: 127.0.0.1
  http_listen_port: 0
  grpc_listen_port: 0
  log_level: warn
positions:
  filename: ${path.join(run.dir, 'positions.yaml')}
clients:
  - url: ${run.receiver.url}
    tenant_id: ops
    batchwait: 100ms
    batchsize: 1048576
    timeout: 1m30s
    basic_auth:
      username: "1234"
      password_file: ${secret}
    headers:
      X-Team: platform
    external_labels:
      cluster: eu-1
      replica: 0
    backoff_config:
      min_period: 100ms
      max_period: 5s
      max_retries: 3
  - url: ${backup.url}
    tenant_id: \${BACKUP_TENANT:-archive}
    bearer_token: t0ken
    external_labels:
      cluster: eu-1-backup
limits_config:
  max_line_size: 40
  max_line_size_truncate: true
scrape_configs:
  - job_name: app
    static_configs:
      - targets: [localhost]
        labels:
          job: app
          __path__: ${path.join(run.dir, 'logs', '*.log')}
    pipeline_stages:
      - logfmt:
          mapping: { level: }
      - labels: { level: }
`,
      'promtail.yaml',
      { env: {}, options: { expandEnv: true } },
    );
    await run.receiver.waitForEntries(2);
    await backup.waitForEntries(2);
    const file = path.join(run.dir, 'logs', 'app.log');
    const lines = ['level=info msg=ok', `level=warn msg=${'x'.repeat(40 - 'level=warn msg='.length)}`];
    const seen = (r: LokiPushReceiver) => r.entries.map((e) => ({ line: e.line, labels: e.labels, tenant: e.tenant }));
    expect(seen(run.receiver)).toEqual([
      {
        line: lines[0],
        labels: { job: 'app', filename: file, level: 'info', cluster: 'eu-1', replica: '0' },
        tenant: 'ops',
      },
      {
        line: lines[1],
        labels: { job: 'app', filename: file, level: 'warn', cluster: 'eu-1', replica: '0' },
        tenant: 'ops',
      },
    ]);
    expect(seen(backup)).toEqual([
      {
        line: lines[0],
        labels: { job: 'app', filename: file, level: 'info', cluster: 'eu-1-backup' },
        tenant: 'archive',
      },
      {
        line: lines[1],
        labels: { job: 'app', filename: file, level: 'warn', cluster: 'eu-1-backup' },
        tenant: 'archive',
      },
    ]);
    expect(run.receiver.requests[0].headers).toMatchObject({
      authorization: `Basic ${Buffer.from('1234:hunter2').toString('base64')}`,
      'x-team': 'platform',
    });
    expect(backup.requests[0].headers).toMatchObject({ authorization: 'Bearer t0ken' });
    // Promtail's promtail_sent_entries_total per client, under the collector's name (docs/promtail.md).
    const metrics = await (await fetch(`http://127.0.0.1:${collector.httpPort}/metrics`)).text();
    expect(metrics).toContain('collector_sink_sent_entries_total{sink="sinks.loki"} 2');
    expect(metrics).toContain('collector_sink_sent_entries_total{sink="sinks.loki_1"} 2');
  });
});
