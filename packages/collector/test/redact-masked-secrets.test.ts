import * as path from 'node:path';
import { createRedactor } from '@obs/pii';
import { useCollectorRun } from './support/collector-run';
import { freePort } from './support/free-port';

// A record whose secret-named keys hold what a logger already masked (Rails' filter, `***`, a `${VAR}` reference, a
// path), beside one key that holds a real secret.
const masked: Record<string, string> = {
  password: '[FILTERED]',
  api_key: '***',
  client_secret: '<redacted>',
  db_password: '${DB_PASSWORD}',
  token: 'REDACTED',
  secret_file: '/run/secrets/db',
};
const realSecret = 'Vx82kLq0Zr-9fe';
const record = { level: 'warn', msg: 'login retried', ...masked, session_secret: realSecret };
const redactor = createRedactor();

describe('the redact stage keeps what a logger masked under secret-named keys, as in a line', () => {
  const run = useCollectorRun('redact-masked-secrets-');

  /** Runs a collector whose Loki pushes and OTLP/HTTP logs go through one redact stage. */
  async function start(): Promise<{ loki: string; otlp: string; metrics: string }> {
    const [lokiPort, otlpPort] = [await freePort(), await freePort()];
    const collector = await run.start(`
server: { http_listen_address: 127.0.0.1, http_listen_port: 0 }
storage_path: ${path.join(run.dir, 'data')}
sources:
  push: { type: loki_push, listen_address: 127.0.0.1, listen_port: ${lokiPort}, forward_to: [pipelines.main] }
  otlp: { type: otlp_http, listen_address: 127.0.0.1, listen_port: ${otlpPort}, forward_to: [pipelines.main] }
pipelines:
  main:
    stages:
      - redact: {}
    forward_to: [sinks.loki]
sinks:
  loki: { type: loki, url: "${run.receiver.url}", batch_wait_ms: 20 }
`);
    return {
      loki: `http://127.0.0.1:${lokiPort}/loki/api/v1/push`,
      otlp: `http://127.0.0.1:${otlpPort}/v1/logs`,
      metrics: `http://127.0.0.1:${collector.httpPort}/metrics`,
    };
  }

  const post = (url: string, body: unknown) =>
    fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  test('When a Loki push carries a JSON line with masked secrets, then the masks stay, the secret goes, one is counted', async () => {
    const { loki, metrics } = await start();
    const line = JSON.stringify(record);
    // The line read as text keeps every mask: the record must agree.
    expect(redactor.redact(line).text).not.toContain(realSecret);
    const res = await post(loki, { streams: [{ stream: { job: 'auth' }, values: [['1', line]] }] });
    expect(res.status).toBe(204);
    await run.receiver.waitForEntries(1);
    const out = JSON.parse(run.receiver.lines()[0] ?? '') as Record<string, string>;
    expect(out).toEqual({ ...record, session_secret: '<SECRET_KV>' });
    const exposition = await (await fetch(metrics)).text();
    expect(exposition).toMatch(/collector_stage_redactions_total\{[^}]*type="secret_kv"[^}]*\} 1\n/);
  });

  test('When an OTLP record carries masked secrets as attributes, then each mask stays as it was sent', async () => {
    const { otlp } = await start();
    const attributes = Object.entries({ ...masked, session_secret: realSecret }).map(([key, value]) => ({
      key,
      value: { stringValue: value },
    }));
    const res = await post(otlp, {
      resourceLogs: [
        {
          scopeLogs: [
            {
              scope: { name: 'auth' },
              logRecords: [{ timeUnixNano: '1', body: { stringValue: 'login retried' }, attributes }],
            },
          ],
        },
      ],
    });
    expect(res.status).toBe(200);
    await run.receiver.waitForEntries(1);
    const metadata = run.receiver.entries[0]?.structuredMetadata ?? {};
    expect(metadata).toMatchObject({ ...masked, session_secret: '<SECRET_KV>' });
  });
});
