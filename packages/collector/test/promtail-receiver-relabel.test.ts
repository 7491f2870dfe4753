import * as dgram from 'node:dgram';
import { freePort } from './support/free-port';
import { usePromtailRun } from './support/promtail-run';

// What Promtail users write around the gelf and heroku_drain receivers, run as it is through `collector run` into the
// Loki receiver: relabel_configs beyond a plain copy (drop, keep, regex replace, labelmap) on the __gelf_* and
// __heroku_drain_* labels, pipeline_stages on the GELF line, and a heroku_drain server block with gRPC keys.
describe('Promtail relabel_configs and server blocks around gelf and heroku_drain', () => {
  const run = usePromtailRun('promtail-receivers-');

  test('gelf: drop by level, a host regex into env, and the json stage lifting a GELF _field', async () => {
    const port = await freePort();
    await run.start(`${run.head()}scrape_configs:
  - job_name: graylog
    gelf:
      listen_address: 127.0.0.1:${port}
      use_incoming_timestamp: true
    relabel_configs:
      - source_labels: [__gelf_message_level]
        regex: debug|informational
        action: drop
      - source_labels: [__gelf_message_host]
        regex: '([a-z]+)-\\d+'
        target_label: env
      - source_labels: [__gelf_message_level]
        target_label: level
      - target_label: job
        replacement: graylog
    pipeline_stages:
      - json:
          expressions:
            app: _app
            msg: short_message
      - labels:
          app:
      - output:
          source: msg
`);
    const client = dgram.createSocket('udp4');
    const send = (msg: Record<string, unknown>) =>
      new Promise<void>((resolve, reject) =>
        client.send(JSON.stringify({ version: '1.1', ...msg }), port, '127.0.0.1', (err) =>
          err ? reject(err) : resolve(),
        ),
      );
    try {
      await send({ host: 'prod-1', short_message: 'kept', level: 3, _app: 'billing', timestamp: 1796547600.5 });
      await send({ host: 'prod-1', short_message: 'dropped', level: 7, _app: 'billing' });
      await send({ host: 'prod-2', short_message: 'dropped too', level: 6 });
      await send({ host: 'stage', short_message: 'no env', level: 4, _app: 'web' });
    } finally {
      client.close();
    }
    await run.receiver.waitForEntries(2);
    expect(run.receiver.entries.map((e) => ({ line: e.line, labels: e.labels, ts: e.timestampNs }))).toEqual([
      {
        line: 'kept',
        labels: { job: 'graylog', env: 'prod', level: 'error', app: 'billing' },
        ts: 1796547600500000000n,
      },
      { line: 'no env', labels: { job: 'graylog', level: 'warning', app: 'web' }, ts: expect.any(BigInt) },
    ]);
  });

  test('heroku_drain: a server block with gRPC keys, keep by proc, a proc regex, and labelmap over the query parameters', async () => {
    const port = await freePort();
    await run.start(`${run.head()}scrape_configs:
  - job_name: heroku
    heroku_drain:
      server:
        http_listen_address: 127.0.0.1
        http_listen_port: ${port}
        grpc_listen_port: 0
        register_instrumentation: false
        http_server_read_timeout: 30s
      labels:
        job: heroku
      use_incoming_timestamp: true
    relabel_configs:
      - source_labels: [__heroku_drain_proc]
        regex: 'web\\..*|worker\\..*'
        action: keep
      - source_labels: [__heroku_drain_proc]
        regex: '(\\w+)\\.\\d+'
        target_label: dyno
      - source_labels: [__heroku_drain_app]
        target_label: app
      - regex: __heroku_drain_param_(.+)
        action: labelmap
`);
    const frames = [
      '<190>1 2026-12-06T10:00:01+00:00 host app web.1 - GET / 200',
      '<158>1 2026-12-06T10:00:02+00:00 host heroku router - at=info path=/',
      '<190>1 2026-12-06T10:00:03+00:00 host app worker.3 - job done',
    ];
    const res = await fetch(`http://127.0.0.1:${port}/heroku/api/v1/drain?env=prod&team=pay`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/logplex-1', 'Logplex-Msg-Count': '3' },
      body: frames.map((f) => `${Buffer.byteLength(f)} ${f}`).join(''),
    });
    expect(res.status).toBe(204);
    await run.receiver.waitForEntries(2);
    const labels = { job: 'heroku', app: 'app', env: 'prod', team: 'pay' };
    expect(run.receiver.entries.map((e) => ({ line: e.line, labels: e.labels, ts: e.timestampNs }))).toEqual([
      { line: 'GET / 200', labels: { ...labels, dyno: 'web' }, ts: 1796551201000000000n },
      { line: 'job done', labels: { ...labels, dyno: 'worker' }, ts: 1796551203000000000n },
    ]);
  });
});
