import * as net from 'node:net';
import { freePort } from './support/free-port';
import { usePromtailRun } from './support/promtail-run';

// A Promtail syslog scrape config run as it is: RFC 5424 over TCP in, relabel_configs on the __syslog_* labels, Loki wire format out.
describe('a Promtail syslog scrape config', () => {
  const run = usePromtailRun('promtail-syslog-');

  const start = async (syslog: string, relabel: string) => {
    const port = await freePort();
    await run.start(`${run.head()}scrape_configs:
  - job_name: syslog
    syslog:
      listen_address: 127.0.0.1:${port}
      labels:
        job: syslog
${syslog}
    relabel_configs:
${relabel}
`);
    return port;
  };
  const send = (port: number, data: string) =>
    new Promise<void>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.end(data, () => resolve()));
      socket.on('error', reject);
    });
  const octets = (msg: string) => `${Buffer.byteLength(msg)} ${msg}`;

  test('labels entries from relabel_configs over __syslog_* labels and drops the __ labels, with either framing', async () => {
    const port = await start(
      '      label_structured_data: true',
      `      - { source_labels: [__syslog_message_hostname], target_label: host }
      - { source_labels: [__syslog_message_severity], target_label: level }
      - { source_labels: [__syslog_message_facility], target_label: facility }
      - { source_labels: [__syslog_message_app_name], target_label: app }
      - { source_labels: [__syslog_message_sd_origin_32473_region], target_label: region }
      - { source_labels: [__syslog_connection_ip_address], target_label: ip }
      - { source_labels: [__syslog_message_msg_id], regex: DEBUG, action: drop }`,
    );
    await send(
      port,
      octets('<165>1 2026-12-06T10:00:00Z web-1 nginx 42 ID7 [origin@32473 region="eu"] GET /a 200') +
        '<11>1 2026-12-06T10:00:01Z db-1 postgres - - - connection refused\n' +
        octets('<15>1 - web-1 nginx - DEBUG - noise') +
        'not syslog at all\n',
    );
    await run.receiver.waitForEntries(2);
    await send(port, '<14>1 - web-2 cron - - - next\n');
    await run.receiver.waitForEntries(3);
    expect(run.receiver.entries.map((e) => ({ line: e.line, labels: e.labels }))).toEqual([
      {
        line: 'GET /a 200',
        labels: {
          job: 'syslog',
          host: 'web-1',
          level: 'notice',
          facility: 'local4',
          app: 'nginx',
          region: 'eu',
          ip: '127.0.0.1',
        },
      },
      {
        line: 'connection refused',
        labels: { job: 'syslog', host: 'db-1', level: 'error', facility: 'user', app: 'postgres', ip: '127.0.0.1' },
      },
      {
        line: 'next',
        labels: {
          job: 'syslog',
          host: 'web-2',
          level: 'informational',
          facility: 'user',
          app: 'cron',
          ip: '127.0.0.1',
        },
      },
    ]);
    // The read time, as use_incoming_timestamp is off.
    expect(run.receiver.entries[0].timestampNs).toBeGreaterThan(1_700_000_000_000_000_000n);
  });

  test('keeps the message timestamp with use_incoming_timestamp, and the whole message with use_rfc5424_message', async () => {
    const port = await start(
      '      use_incoming_timestamp: true\n      use_rfc5424_message: true',
      '      - { source_labels: [__syslog_message_app_name], target_label: app }',
    );
    const message = '<165>1 2026-12-06T10:00:00.5+01:00 web-1 nginx 42 - - hello';
    await send(port, `${message}\n`);
    await run.receiver.waitForEntries(1);
    expect(run.receiver.entries[0]).toMatchObject({
      line: message,
      labels: { job: 'syslog', app: 'nginx' },
      timestampNs: 1796547600500000000n,
    });
  });
});
