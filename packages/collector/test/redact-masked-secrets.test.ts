import { createRedactor } from '@obs/pii';
import { useCollectorRun } from './support/collector-run';
import { postJson as post, startRedactRun } from './support/redact-run';

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

  test('When a Loki push carries a JSON line with masked secrets, then the masks stay, the secret goes, one is counted', async () => {
    const { loki, metrics } = await startRedactRun(run);
    const line = JSON.stringify(record);
    // The line read as text keeps every mask and drops the secret: the record must agree.
    const asText = redactor.redact(line).text;
    for (const mask of Object.values(masked)) expect(asText).toContain(JSON.stringify(mask));
    expect(asText).not.toContain(realSecret);
    const res = await post(loki, { streams: [{ stream: { job: 'auth' }, values: [['1', line]] }] });
    expect(res.status).toBe(204);
    await run.receiver.waitForEntries(1);
    const sent = run.receiver.lines()[0] ?? '';
    for (const mask of Object.values(masked)) expect(sent).toContain(JSON.stringify(mask));
    // Written back in place: the line as it was sent, only the secret's value replaced.
    expect(sent).toBe(line.replace(JSON.stringify(realSecret), '"<SECRET_KV>"'));
    expect(JSON.parse(sent)).toEqual({ ...record, session_secret: '<SECRET_KV>' });
    const exposition = await (await fetch(metrics)).text();
    expect(exposition).toMatch(/collector_stage_redactions_total\{[^}]*type="secret_kv"[^}]*\} 1\n/);
  });

  test('When an OTLP record carries masked secrets as attributes, then each mask stays as it was sent', async () => {
    const { otlp } = await startRedactRun(run);
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
    expect(Object.values(metadata)).toEqual(expect.arrayContaining(['[FILTERED]', '***', '<redacted>', 'REDACTED']));
    expect(JSON.stringify(metadata)).not.toContain(realSecret);
  });
});
