import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LokiPushReceiver } from '../src/testing/loki-push-receiver';
import { useCollectorRun } from './support/collector-run';
import { usePromtailRun } from './support/promtail-run';
import { waitFor } from '@obs/schema/testing';

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

// A client's external labels, a token file and drop_rate_limited_batches as Promtail's client documentation has them.
describe('a Promtail client with external_labels, bearer_token_file and drop_rate_limited_batches', () => {
  const run = usePromtailRun('promtail-client-');

  test('puts external labels under the scrape labels, reads the token file, drops a batch Loki answers 429 to', async () => {
    const token = path.join(run.dir, 'loki-token');
    fs.writeFileSync(token, 's3cr3t\n');
    const log = path.join(run.dir, 'web.log');
    fs.writeFileSync(log, 'rate limited\n');
    run.receiver.fail({ status: 429, times: 1 });
    const collector = await run.start(
      `${run.head()}    timeout: 5s
    bearer_token_file: ${token}
    drop_rate_limited_batches: true
    backoff_config: { min_period: 50ms, max_period: 100ms, max_retries: 5 }
    external_labels: { cluster: eu-1, job: from-client }
scrape_configs:
  - job_name: web
    static_configs:
      - targets: [localhost]
        labels: { job: web, __path__: ${log} }
`,
    );
    await waitFor(() => run.receiver.requests.length >= 1, 'the first push (answered 429)');
    fs.appendFileSync(log, 'delivered\n');
    await run.receiver.waitForEntries(1);
    const metrics = async (): Promise<string> => (await fetch(`http://127.0.0.1:${collector.httpPort}/metrics`)).text();
    await waitFor(
      async () =>
        (await metrics()).includes('collector_sink_dropped_entries_total{sink="sinks.loki",reason="http_429"} 1'),
      'the 429 batch counted as dropped',
    );
    // The 429 batch was not retried: only the second line arrived, with the scrape label's job.
    expect(run.receiver.entries.map((e) => ({ line: e.line, labels: e.labels }))).toEqual([
      { line: 'delivered', labels: { job: 'web', cluster: 'eu-1', filename: log } },
    ]);
    expect(run.receiver.requests.map((r) => r.status)).toEqual([429, 204]);
    expect(run.receiver.requests[1].headers.authorization).toBe('Bearer s3cr3t');
  });
});

/** A CA, Loki's certificate for loki.internal and a client certificate, made with openssl in `dir`. */
function makeCertificates(dir: string): Record<'ca' | 'serverKey' | 'serverCert' | 'clientKey' | 'clientCert', string> {
  const file = (name: string): string => path.join(dir, name);
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { stdio: 'pipe' });
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.crt'),
    '-days',
    '2',
    '-subj',
    '/CN=test-ca',
  );
  fs.writeFileSync(file('server.ext'), 'subjectAltName=DNS:loki.internal\n');
  for (const [name, cn] of [
    ['server', 'loki.internal'],
    ['client', 'promtail'],
  ]) {
    openssl('req', ...ec, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', `/CN=${cn}`);
    const ext = name === 'server' ? ['-extfile', file('server.ext')] : [];
    openssl(
      'x509',
      '-req',
      '-in',
      file(`${name}.csr`),
      '-CA',
      file('ca.crt'),
      '-CAkey',
      file('ca.key'),
      '-CAcreateserial',
      '-days',
      '2',
      '-out',
      file(`${name}.crt`),
      ...ext,
    );
  }
  return {
    ca: file('ca.crt'),
    serverKey: file('server.key'),
    serverCert: file('server.crt'),
    clientKey: file('client.key'),
    clientCert: file('client.crt'),
  };
}

// Mutual TLS to a Loki behind a private CA, as Promtail's client tls_config sets it up.
describe('a Promtail client with tls_config', () => {
  const run = usePromtailRun('promtail-tls-');
  let loki: LokiPushReceiver | undefined;
  afterEach(async () => loki?.close());

  const start = async (tls: string) => {
    const certs = makeCertificates(run.dir);
    loki = await LokiPushReceiver.start({
      tls: {
        key: fs.readFileSync(certs.serverKey),
        cert: fs.readFileSync(certs.serverCert),
        ca: fs.readFileSync(certs.ca),
        requestCert: true,
        rejectUnauthorized: true,
      },
    });
    const log = path.join(run.dir, 'app.log');
    fs.writeFileSync(log, 'over mutual TLS\n');
    const collector = await run.start(
      `${run.head(loki.url)}    backoff_config: { min_period: 50ms, max_period: 100ms }
    tls_config:
${tls.replaceAll('@CERTS@', run.dir)}
scrape_configs:
  - job_name: app
    static_configs:
      - targets: [localhost]
        labels: { job: app, __path__: ${log} }
`,
    );
    return { loki, collector };
  };

  test('verifies Loki against ca_file under server_name and presents the client certificate', async () => {
    const { loki } = await start(`      ca_file: @CERTS@/ca.crt
      cert_file: @CERTS@/client.crt
      key_file: @CERTS@/client.key
      server_name: loki.internal
      insecure_skip_verify: false
      min_version: TLS12`);
    await loki.waitForEntries(1);
    expect(loki.lines()).toEqual(['over mutual TLS']);
    expect(loki.requests[0]).toMatchObject({ status: 204, clientCertificate: 'promtail' });
  });

  test('sends nothing to a Loki whose certificate is not for the URL host when no server_name says so', async () => {
    const { loki, collector } = await start(`      ca_file: @CERTS@/ca.crt
      cert_file: @CERTS@/client.crt
      key_file: @CERTS@/client.key`);
    const failed = /collector_sink_request_duration_seconds_count\{sink="sinks.loki",status_code="error"\} [1-9]/;
    await waitFor(
      async () => failed.test(await (await fetch(`http://127.0.0.1:${collector.httpPort}/metrics`)).text()),
      'a push refused for the host name',
    );
    expect(loki.entries).toEqual([]);
  });
});
