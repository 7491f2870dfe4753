import { createRedactor } from '@obs/pii';
import { plantedSecrets } from '@obs/pii/testing';
import { useCollectorRun } from './support/collector-run';
import { postJson as post, startRedactRun } from './support/redact-run';

const token = plantedSecrets().find((p) => p.kind.startsWith('github token'))?.value ?? '';
// Values a program logs in a record's fields, each with its own quotes, commas, brackets or line breaks beside a secret:
// a command with a quoted token, JSON text in a string, a MySQL denial whose `YES` is no password, an INI block, a quoted
// .netrc line.
const values: Record<string, string> = {
  cmd: `release upload v3.1 --token "${token}" --clobber`,
  reply: `reply {"authorization":"token ${token}","accept":"json"} sent`,
  denial: `Access denied for user 'tquill'@'10.20.30.40' (using password: YES)\n`,
  ini: '[db]\nuser=tquill\npassword=Vx82kLq0Zr\n',
  netrc: '"netrc: machine ci.example.net login tquill password Vx82kLq0Zr",',
};
const secrets = [token, 'Vx82kLq0Zr', 'tquill', '10.20.30.40'];
const redactor = createRedactor();
/** Each value as the redactor reads it alone: what a record's field must read as. */
const alone = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, redactor.redact(v).text]));

describe("the redact stage keeps a record value's own characters, as the value reads alone", () => {
  const run = useCollectorRun('redact-own-characters-');

  test('When a Loki push carries structured metadata holding such values and a JSON map of them, then each reads as alone', async () => {
    const { loki } = await startRedactRun(run);
    const metadata = { ...values, nested: JSON.stringify({ list: [values.cmd, values.ini] }) };
    const res = await post(loki, {
      streams: [{ stream: { job: 'release' }, values: [['1', 'upload failed', metadata]] }],
    });
    expect(res.status).toBe(204);
    await run.receiver.waitForEntries(1);
    const out = run.receiver.entries[0]?.structuredMetadata ?? {};
    expect(out).toMatchObject(alone);
    expect(JSON.parse(out.nested ?? '')).toEqual({ list: [alone.cmd, alone.ini] });
    for (const secret of secrets) expect(JSON.stringify(out)).not.toContain(secret);
  });

  test('When an OTLP log record carries such attributes and a map of them, then each value reads as alone', async () => {
    const { otlp } = await startRedactRun(run);
    const attributes = Object.entries(values).map(([key, value]) => ({ key, value: { stringValue: value } }));
    const map = {
      key: 'request',
      value: { kvlistValue: { values: [{ key: 'headers', value: { stringValue: values.reply } }] } },
    };
    const res = await post(otlp, {
      resourceLogs: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'releases' } }] },
          scopeLogs: [
            {
              scope: { name: 'release' },
              logRecords: [
                {
                  timeUnixNano: '1',
                  body: { stringValue: 'upload failed' },
                  attributes: [...attributes, map],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(res.status).toBe(200);
    await run.receiver.waitForEntries(1);
    const metadata = run.receiver.entries[0]?.structuredMetadata ?? {};
    expect(metadata).toMatchObject(alone);
    expect(JSON.parse(metadata.request ?? '')).toEqual({ headers: alone.reply });
    for (const secret of secrets) expect(JSON.stringify(metadata)).not.toContain(secret);
  });

  test('When a Loki push and an OTLP record carry a JSON body holding such values, then the line stays JSON and each reads as alone', async () => {
    const { loki, otlp } = await startRedactRun(run);
    const body = { level: 'error', ...values, nested: { list: [values.cmd, values.ini] } };
    const res = await post(loki, { streams: [{ stream: { job: 'release' }, values: [['1', JSON.stringify(body)]] }] });
    expect(res.status).toBe(204);
    const kvlist = {
      values: Object.entries(values).map(([key, value]) => ({ key, value: { stringValue: value } })),
    };
    const sent = await post(otlp, {
      resourceLogs: [
        {
          scopeLogs: [
            { scope: { name: 'release' }, logRecords: [{ timeUnixNano: '2', body: { kvlistValue: kvlist } }] },
          ],
        },
      ],
    });
    expect(sent.status).toBe(200);
    await run.receiver.waitForEntries(2);
    // The two pushes are two streams: told apart by the Loki body's own field.
    const fromLoki = run.receiver.lines().find((line) => line.includes('"nested"'));
    const fromOtlp = run.receiver.lines().find((line) => !line.includes('"nested"'));
    expect(JSON.parse(fromLoki ?? '')).toEqual({ level: 'error', ...alone, nested: { list: [alone.cmd, alone.ini] } });
    expect(JSON.parse(fromOtlp ?? '')).toEqual(alone);
    for (const secret of secrets) expect(`${fromLoki}${fromOtlp}`).not.toContain(secret);
  });

  test('When a json stage extracts a map of such values and redact has it as source, then it leaves as JSON, each as alone', async () => {
    const { loki } = await startRedactRun(
      run,
      `      - json: { expressions: { body: "@" } }
      - redact: { source: body }
      - output: { source: body }`,
    );
    const res = await post(loki, {
      streams: [{ stream: { job: 'release' }, values: [['1', JSON.stringify({ level: 'error', ...values })]] }],
    });
    expect(res.status).toBe(204);
    await run.receiver.waitForEntries(1);
    const [out] = run.receiver.lines();
    expect(JSON.parse(out ?? '')).toEqual({ level: 'error', ...alone });
    for (const secret of secrets) expect(out).not.toContain(secret);
  });
});
