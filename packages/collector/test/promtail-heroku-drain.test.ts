import { freePort } from './support/free-port';
import { usePromtailRun } from './support/promtail-run';

// A Promtail heroku_drain scrape config run as it is: Logplex drain requests in (octet-counted RFC 5424 frames without
// structured data), relabel_configs on the __heroku_drain_* labels, Loki wire format out.
describe('a Promtail heroku_drain scrape config', () => {
  const run = usePromtailRun('promtail-heroku-');

  const start = async (drain = '') => {
    const port = await freePort();
    await run.start(`${run.head()}scrape_configs:
  - job_name: heroku
    heroku_drain:
      server:
        http_listen_address: 127.0.0.1
        http_listen_port: ${port}
      labels:
        job: heroku
${drain}
    relabel_configs:
      - { source_labels: [__heroku_drain_host], target_label: host }
      - { source_labels: [__heroku_drain_app], target_label: app }
      - { source_labels: [__heroku_drain_proc], target_label: proc }
      - { source_labels: [__heroku_drain_log_id], target_label: log_id }
      - { source_labels: [__heroku_drain_param_env], target_label: env }
`);
    return port;
  };
  const frame = (msg: string) => `${Buffer.byteLength(msg)} ${msg}`;
  /** A drain request as Logplex sends it. */
  const drain = (
    port: number,
    frames: string[],
    query = '',
    count = frames.length,
    headers: Record<string, string> = {},
  ) =>
    fetch(`http://127.0.0.1:${port}/heroku/api/v1/drain${query}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/logplex-1',
        'Logplex-Msg-Count': String(count),
        'Logplex-Frame-Id': '09C557EAFCFB6CF2740EE62F62971098',
        'Logplex-Drain-Token': 'd.fc6b856b-3332-4546-93de-7d0ee272c3bd',
        ...headers,
      },
      body: frames.map(frame).join(''),
    });

  const router =
    '<158>1 2026-12-06T10:00:00.123456+00:00 host heroku router - at=info method=GET path="/" host=myapp.herokuapp.com status=200';
  const web = '<190>1 2026-12-06T10:00:01+00:00 host app web.1 - Started GET "/" for 10.1.1.1 ü';

  test('labels entries from the frame header and query parameters, and answers 204', async () => {
    const port = await start();
    const before = BigInt(Date.now()) * 1_000_000n;
    const res = await drain(port, [router, web], '?env=prod&env=eu');
    expect(res.status).toBe(204);
    await run.receiver.waitForEntries(2);
    expect(run.receiver.entries.map((e) => ({ line: e.line, labels: e.labels }))).toEqual([
      {
        line: 'at=info method=GET path="/" host=myapp.herokuapp.com status=200',
        labels: { job: 'heroku', host: 'host', app: 'heroku', proc: 'router', log_id: '-', env: 'prod,eu' },
      },
      {
        line: 'Started GET "/" for 10.1.1.1 ü',
        labels: { job: 'heroku', host: 'host', app: 'app', proc: 'web.1', log_id: '-', env: 'prod,eu' },
      },
    ]);
    // The read time, as use_incoming_timestamp is off.
    expect(run.receiver.entries[0].timestampNs).toBeGreaterThanOrEqual(before);
  });

  test('takes the X-Scope-OrgID header as the Loki tenant, as Promtail does, and answers 400 to one Loki would refuse', async () => {
    const port = await start();
    expect((await drain(port, [router], '', 1, { 'X-Scope-OrgID': 'team-a' })).status).toBe(204);
    expect((await drain(port, [web])).status).toBe(204);
    const refused = await drain(port, [web], '', 1, { 'X-Scope-OrgID': 'team a' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('X-Scope-OrgID header: tenant id "team a" is not valid for Loki');
    await run.receiver.waitForEntries(2);
    expect(run.receiver.entries.map((e) => [e.line.slice(0, 7), e.tenant, e.labels.__tenant_id__])).toEqual([
      ['at=info', 'team-a', undefined],
      ['Started', undefined, undefined],
    ]);
  });

  test('keeps the frame timestamps with use_incoming_timestamp', async () => {
    const port = await start('      use_incoming_timestamp: true');
    expect((await drain(port, [router])).status).toBe(204);
    await run.receiver.waitForEntries(1);
    expect(run.receiver.entries[0].timestampNs).toBe(1796551200123456000n);
  });

  test.each([
    [
      'a frame count other than Logplex-Msg-Count',
      [router, web],
      3,
      'Logplex-Msg-Count header says "3" frames, the body has 2',
    ],
    ['a frame that is not syslog', [router, 'hello world'], 2, 'frame 2: not a syslog header'],
    ['a bad timestamp', ['<158>1 2026-13-06T10:00:00Z host app web.1 - x'], 1, 'frame 1: invalid TIMESTAMP'],
  ])('answers 400 to %s and hands on nothing of the request', async (_name, frames, count, message) => {
    const port = await start();
    const res = await drain(port, frames, '', count);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(message);
    // The next good request arrives alone: nothing of the refused one went before it.
    expect((await drain(port, [web])).status).toBe(204);
    await run.receiver.waitForEntries(1);
    expect(run.receiver.lines()).toEqual(['Started GET "/" for 10.1.1.1 ü']);
  });

  test('answers 400 to an octet count that runs past the body, 415 to another Content-Type, 404 elsewhere', async () => {
    const port = await start();
    const url = `http://127.0.0.1:${port}/heroku/api/v1/drain`;
    const cut = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/logplex-1' },
      body: '99 <1>1 -',
    });
    expect(cut.status).toBe(400);
    expect(await cut.text()).toContain('frame 1 at byte 0: its octet count 99 runs past the end of the body');
    const json = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
    expect((await fetch(`http://127.0.0.1:${port}/other`, { method: 'POST' })).status).toBe(404);
  });
});
