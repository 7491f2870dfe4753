import { createHeaderParser } from './parser';
import type { ParsedLine } from './types';

// Our own lines, in the shapes common log producers write; each expectation is a part of the parsed line.
const shapes: Array<[string, string, Partial<ParsedLine> & Record<string, unknown>]> = [
  [
    'splits an RFC 3339 log4j line with a thread and a logger before " - "',
    '2024-03-05T10:15:30.123Z INFO  [main] com.shop.Checkout - order placed id=17',
    {
      message: 'order placed id=17',
      timestamp: '2024-03-05T10:15:30.123Z',
      level: { raw: 'INFO', severity: 'info', source: 'header' },
      source: { thread: 'main', logger: 'com.shop.Checkout' },
    },
  ],
  [
    'splits a log4j line with a comma fraction and a logger ending in a colon',
    '2024-03-05 10:15:30,123 WARN [pool-2-thread-7] org.acme.Cache: eviction took 812 ms',
    {
      message: 'eviction took 812 ms',
      timestamp: '2024-03-05 10:15:30,123',
      level: { raw: 'WARN', severity: 'warning', source: 'header' },
      source: { thread: 'pool-2-thread-7', logger: 'org.acme.Cache' },
    },
  ],
  [
    "splits python logging's default LEVEL:logger:message",
    'WARNING:urllib3.connectionpool:Retrying (Retry(total=2)) after connection broken',
    {
      message: 'Retrying (Retry(total=2)) after connection broken',
      level: { raw: 'WARNING', severity: 'warning', source: 'header' },
      source: { logger: 'urllib3.connectionpool' },
    },
  ],
  [
    'splits python logging with asctime and names set off by dashes',
    '2024-03-05 10:15:30,123 - billing.worker - ERROR - charge declined for invoice 991',
    { message: 'charge declined for invoice 991', level: { raw: 'ERROR', severity: 'error', source: 'header' } },
  ],
  [
    'splits an RFC 3164 syslog line into host, program and pid',
    'Mar  5 10:15:30 web-01 cron[3121]: (deploy) CMD (/usr/local/bin/rotate)',
    {
      message: '(deploy) CMD (/usr/local/bin/rotate)',
      timestamp: 'Mar  5 10:15:30',
      source: { host: 'web-01', program: 'cron', pid: '3121' },
      shape: 'syslog',
    },
  ],
  [
    'reads the severity of an RFC 5424 PRI and skips its structured data',
    '<165>1 2024-03-05T10:15:30.003Z api-7 payments 4120 ID47 [origin@32473 ip="10.0.0.1"] refund issued',
    {
      message: 'refund issued',
      timestamp: '2024-03-05T10:15:30.003Z',
      level: { raw: '<165>', severity: 'info', source: 'header' },
      source: { host: 'api-7', program: 'payments', pid: '4120' },
      shape: 'rfc5424',
    },
  ],
  [
    "keeps Apache's client group in the message when the level is bracketed",
    '[Tue Mar 05 10:15:30 2024] [error] [client 10.1.2.3] File does not exist: /var/www/favicon.ico',
    {
      message: '[client 10.1.2.3] File does not exist: /var/www/favicon.ico',
      timestamp: 'Tue Mar 05 10:15:30 2024',
      level: { raw: 'error', severity: 'error', source: 'header' },
    },
  ],
  [
    'reads an Apache 2.4 module:level and its pid group',
    '[Tue Mar 05 10:15:30.123456 2024] [proxy:error] [pid 2211:tid 1400] AH00957: connect to backend failed',
    {
      message: 'AH00957: connect to backend failed',
      level: { raw: 'proxy:error', severity: 'error', source: 'header' },
    },
  ],
  [
    'reads an nginx error line with its pid#tid',
    '2024/03/05 10:15:30 [crit] 812#812: *41 connect() to unix:/run/php.sock failed (2: No such file or directory)',
    {
      message: '*41 connect() to unix:/run/php.sock failed (2: No such file or directory)',
      timestamp: '2024/03/05 10:15:30',
      level: { raw: 'crit', severity: 'critical', source: 'header' },
      source: { pid: '812', thread: '812' },
    },
  ],
  [
    'reads a logcat threadtime line with a one-letter level after pid and tid',
    '03-05 10:15:30.123  1820  1903 W AudioFlinger: buffer underrun on track 7',
    {
      message: 'buffer underrun on track 7',
      timestamp: '03-05 10:15:30.123',
      level: { raw: 'W', severity: 'warning', source: 'header' },
      source: { logger: 'AudioFlinger' },
    },
  ],
  [
    'reads a logcat brief line',
    'E/PackageInstaller( 4411): install failed: storage full',
    {
      message: 'install failed: storage full',
      level: { raw: 'E', severity: 'error', source: 'header' },
      source: { logger: 'PackageInstaller', pid: '4411' },
      shape: 'logcat',
    },
  ],
  [
    'reads a Kubernetes klog line',
    'E0305 10:15:30.123456    4242 reflector.go:138] watch of *v1.Pod ended with: too old resource version',
    {
      message: 'watch of *v1.Pod ended with: too old resource version',
      level: { raw: 'E', severity: 'error', source: 'header' },
      source: { pid: '4242', logger: 'reflector.go:138' },
      shape: 'klog',
    },
  ],
  [
    'reads a Windows CBS line with padded level and component columns',
    '2024-03-05 10:15:30, Warning               CBS    Failed to resolve package manifest',
    {
      message: 'Failed to resolve package manifest',
      level: { raw: 'Warning', severity: 'warning', source: 'header' },
      source: { component: 'CBS' },
    },
  ],
  [
    'reads a zap JSON line',
    '{"level":"error","ts":1709633730.12,"caller":"server/http.go:88","msg":"handler panicked","path":"/v1/orders"}',
    {
      message: 'handler panicked',
      timestamp: '1709633730.12',
      level: { raw: 'error', severity: 'error', source: 'body_field' },
      source: { logger: 'server/http.go:88' },
      shape: 'json',
    },
  ],
  [
    'reads a zerolog JSON line with a message key',
    '{"level":"warn","time":"2024-03-05T10:15:30Z","message":"slow query"}',
    { message: 'slow query', level: { raw: 'warn', severity: 'warning', source: 'body_field' } },
  ],
  [
    "reads pino's numeric level",
    '{"level":50,"time":1709633730120,"pid":77,"hostname":"api-3","msg":"db down"}',
    {
      message: 'db down',
      level: { raw: '50', severity: 'error', source: 'body_field' },
      source: { host: 'api-3', pid: '77' },
    },
  ],
  [
    'reads a systemd journal JSON export with a syslog PRIORITY',
    '{"__REALTIME_TIMESTAMP":"1709633730123456","PRIORITY":"3","_HOSTNAME":"web-01","SYSLOG_IDENTIFIER":"sshd","_PID":"812","MESSAGE":"kex_exchange_identification: Connection closed"}',
    {
      message: 'kex_exchange_identification: Connection closed',
      level: { raw: '3', severity: 'error', source: 'body_field' },
      source: { host: 'web-01', program: 'sshd', pid: '812' },
    },
  ],
  [
    "reads the text header inside Docker's JSON log key",
    '{"log":"2024-03-05T10:15:30Z WARN cache nearly full","stream":"stderr","time":"2024-03-05T10:15:30.5Z"}',
    { message: 'cache nearly full', level: { raw: 'WARN', severity: 'warning', source: 'header' } },
  ],
  [
    'unwraps a CRI container line around a JSON application line',
    '2024-03-05T10:15:30.123456789Z stderr F {"level":"error","msg":"db down"}',
    {
      message: 'db down',
      timestamp: '2024-03-05T10:15:30.123456789Z',
      level: { raw: 'error', severity: 'error', source: 'body_field' },
    },
  ],
  [
    'unwraps a CRI container line around a text application line',
    '2024-03-05T10:15:30.123456789Z stdout F 10:15:30.123 [info] pool started',
    { message: 'pool started', level: { raw: 'info', severity: 'info', source: 'header' } },
  ],
  [
    'reads a logfmt line with a quoted msg',
    'ts=2024-03-05T10:15:30Z level=debug caller=main.go:12 msg="cache miss for key \\"user:42\\"" duration=3ms',
    {
      message: 'cache miss for key "user:42"',
      timestamp: '2024-03-05T10:15:30Z',
      level: { raw: 'debug', severity: 'debug', source: 'body_field' },
      source: { logger: 'main.go:12' },
      shape: 'logfmt',
    },
  ],
  [
    'reads logfmt after a leading timestamp',
    '2024-03-05T10:15:30Z level=warn msg="queue growing" depth=812',
    {
      message: 'queue growing',
      timestamp: '2024-03-05T10:15:30Z',
      level: { raw: 'warn', severity: 'warning', source: 'body_field' },
      shape: 'logfmt',
    },
  ],
  [
    'keeps a message that merely starts with key=value as text',
    '2024-03-05T10:15:30Z ambient=29 on sensor 4',
    { message: 'ambient=29 on sensor 4', timestamp: '2024-03-05T10:15:30Z', shape: 'timestamp' },
  ],
  [
    "reads Ruby's Logger as written by Rails",
    'I, [2024-03-05T10:15:30.123456 #5123]  INFO -- : Started GET "/orders" for 10.0.0.8',
    {
      message: 'Started GET "/orders" for 10.0.0.8',
      timestamp: '2024-03-05T10:15:30.123456',
      level: { raw: 'INFO', severity: 'info', source: 'header' },
      source: { pid: '5123' },
      shape: 'ruby',
    },
  ],
  [
    'reads a Serilog level inside the bracketed time',
    '[10:15:30 INF] Now listening on: http://localhost:5000',
    {
      message: 'Now listening on: http://localhost:5000',
      timestamp: '10:15:30',
      level: { raw: 'INF', severity: 'info', source: 'header' },
    },
  ],
  [
    'reads a .NET console level prefix',
    'fail: Microsoft.AspNetCore.Server.Kestrel[13]',
    { message: 'Microsoft.AspNetCore.Server.Kestrel[13]', level: { raw: 'fail', severity: 'error', source: 'header' } },
  ],
  [
    'reads a Postgres line with a zone, a pid and an ERROR: level',
    '2024-03-05 10:15:30.123 UTC [4411] ERROR:  duplicate key value violates unique constraint "users_pkey"',
    {
      message: 'duplicate key value violates unique constraint "users_pkey"',
      timestamp: '2024-03-05 10:15:30.123 UTC',
      level: { raw: 'ERROR', severity: 'error', source: 'header' },
    },
  ],
  [
    "reads Postgres's LOG level as info and keeps the message's own colon",
    '2024-03-05 10:15:30.123 UTC [4411] LOG:  checkpoint starting: time',
    { message: 'checkpoint starting: time', level: { raw: 'LOG', severity: 'info', source: 'header' } },
  ],
  [
    "reads journald's short-iso output as syslog",
    '2024-03-05T10:15:30+0000 web-01 systemd[1]: Started Daily apt upgrade.',
    {
      message: 'Started Daily apt upgrade.',
      timestamp: '2024-03-05T10:15:30+0000',
      source: { host: 'web-01', program: 'systemd', pid: '1' },
      shape: 'syslog',
    },
  ],
  [
    "takes the message after Go's standard log timestamp when no level is written",
    '2024/03/05 10:15:30 listening on :8080',
    { message: 'listening on :8080', timestamp: '2024/03/05 10:15:30' },
  ],
  [
    "reads logrus's terminal level with its elapsed seconds",
    'WARN[0003] disk usage high                               path=/var',
    {
      message: 'disk usage high                               path=/var',
      level: { raw: 'WARN', severity: 'warning', source: 'header' },
    },
  ],
  [
    'reads an Elixir Logger line',
    '10:15:30.123 [error] GenServer #PID<0.123.0> terminating',
    { message: 'GenServer #PID<0.123.0> terminating', level: { raw: 'error', severity: 'error', source: 'header' } },
  ],
  [
    "reads a daemon's own bracketed level after the syslog program",
    'Mar  5 10:15:30 laptop NetworkManager[912]: <warn>  [1709633730.1234] dhcp4 (wlan0): request timed out',
    {
      message: 'dhcp4 (wlan0): request timed out',
      level: { raw: 'warn', severity: 'warning', source: 'header' },
      source: { host: 'laptop', program: 'NetworkManager', pid: '912' },
    },
  ],
  [
    "reads the program's own uppercase level after the syslog program",
    'Mar  5 10:15:30 web-01 billing[4411]: ERROR: invoice 17 rejected',
    {
      message: 'invoice 17 rejected',
      level: { raw: 'ERROR', severity: 'error', source: 'header' },
      source: { host: 'web-01', program: 'billing', pid: '4411' },
    },
  ],
  [
    'reads a bracketed level at the start of a line',
    '[INFO] Building jar: /target/app.jar',
    { message: 'Building jar: /target/app.jar', level: { raw: 'INFO', severity: 'info', source: 'header' } },
  ],
  [
    'reads "level: x" inside a header',
    '2024-03-05 10:15:30 level: warn disk almost full',
    { message: 'disk almost full', level: { raw: 'warn', severity: 'warning', source: 'header' } },
  ],
  [
    'reads a level after epoch, date and node columns of a supercomputer RAS line',
    '- 1709633730 2024.03.05 R12-M0-N3 2024-03-05-10.15.30.123456 R12-M0-N3 RAS APP FATAL job 77 lost its I/O node',
    {
      message: 'job 77 lost its I/O node',
      timestamp: '1709633730',
      level: { raw: 'FATAL', severity: 'critical', source: 'header' },
    },
  ],
  [
    'reads a level after compact date, time and pid numbers',
    '240305 101530 812 WARN dfs.DataNode: slow BlockReceiver write',
    {
      message: 'slow BlockReceiver write',
      level: { raw: 'WARN', severity: 'warning', source: 'header' },
      source: { logger: 'dfs.DataNode' },
    },
  ],
  [
    'reads pipe-separated header fields',
    '20240305-10:15:30:123|Sync_Worker|4411|upload finished in 812 ms',
    {
      message: 'upload finished in 812 ms',
      timestamp: '20240305-10:15:30:123',
      source: { component: 'Sync_Worker', pid: '4411' },
    },
  ],
  [
    "reads NLog's pipe-separated level",
    '2024-03-05 10:15:30.1234|ERROR|Shop.Orders|order 17 rejected',
    {
      message: 'order 17 rejected',
      level: { raw: 'ERROR', severity: 'error', source: 'header' },
      source: { component: 'Shop.Orders' },
    },
  ],
  [
    'reads a program set off by " - " after a bracketed time',
    '[03.05 10:15:30] updater.exe *64 - mirror.example.org:443 open through proxy',
    { message: 'mirror.example.org:443 open through proxy', source: { program: 'updater.exe' } },
  ],
  [
    'takes a lowercase level word only after a timestamp',
    '2024-03-05T10:15:30Z info request served',
    { message: 'request served', level: { raw: 'info', severity: 'info', source: 'header' } },
  ],
  [
    "reads Spring Boot's pid, separator, thread and padded logger",
    '2024-03-05T10:15:30.123+01:00  INFO 12345 --- [main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080',
    {
      message: 'Tomcat started on port 8080',
      level: { raw: 'INFO', severity: 'info', source: 'header' },
      source: { pid: '12345', thread: 'main', logger: 'o.s.b.w.embedded.tomcat.TomcatWebServer' },
    },
  ],
  [
    "reads Elasticsearch's padded bracketed level and logger",
    '[2024-03-05T10:15:30,123][WARN ][o.e.c.r.a.DiskThresholdMonitor] [node-1] high disk watermark exceeded',
    {
      message: 'high disk watermark exceeded',
      timestamp: '2024-03-05T10:15:30,123',
      level: { raw: 'WARN', severity: 'warning', source: 'header' },
    },
  ],
  [
    "reads zap's tab-separated console lines",
    '2024-03-05T10:15:30.123Z\tERROR\tserver/http.go:88\thandler failed\t{"path": "/v1/orders"}',
    {
      message: 'handler failed\t{"path": "/v1/orders"}',
      level: { raw: 'ERROR', severity: 'error', source: 'header' },
      source: { component: 'server/http.go:88' },
    },
  ],
  [
    "reads Celery's level inside the bracketed time",
    '[2024-03-05 10:15:30,123: WARNING/MainProcess] Task retry scheduled in 10s',
    { message: 'Task retry scheduled in 10s', level: { raw: 'WARNING', severity: 'warning', source: 'header' } },
  ],
  [
    'reads a MySQL error log line',
    '2024-03-05T10:15:30.123456Z 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.',
    {
      message: 'CA certificate ca.pem is self signed.',
      level: { raw: 'Warning', severity: 'warning', source: 'header' },
    },
  ],
  [
    "reads uvicorn's padded LEVEL:",
    'INFO:     127.0.0.1:54321 - "GET /health HTTP/1.1" 200 OK',
    {
      message: '127.0.0.1:54321 - "GET /health HTTP/1.1" 200 OK',
      level: { raw: 'INFO', severity: 'info', source: 'header' },
    },
  ],
  [
    'reads an AWS Lambda line after its request id',
    '2024-03-05T10:15:30.123Z\t6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\tERROR\tpayment declined',
    { message: 'payment declined', level: { raw: 'ERROR', severity: 'error', source: 'header' } },
  ],
  [
    'ends the header at the first line break of a multi-line item',
    '2024-03-05 10:15:30,123 ERROR\njava.lang.IllegalStateException: closed\n\tat com.shop.Db.query(Db.java:42)',
    {
      message: 'java.lang.IllegalStateException: closed\n\tat com.shop.Db.query(Db.java:42)',
      level: { raw: 'ERROR', severity: 'error', source: 'header' },
    },
  ],
  [
    'reads a level written before the time',
    '[ERROR] 2024-03-05 10:15:30 payment provider unreachable',
    {
      message: 'payment provider unreachable',
      timestamp: '2024-03-05 10:15:30',
      level: { raw: 'ERROR', severity: 'error', source: 'header' },
    },
  ],
  [
    "reads java.util.logging's AM/PM time without taking it for syslog",
    'Mar 05, 2024 10:15:30 AM org.apache.catalina.startup.Catalina start',
    {
      message: 'org.apache.catalina.startup.Catalina start',
      timestamp: 'Mar 05, 2024 10:15:30 AM',
      shape: 'timestamp',
    },
  ],
  [
    "reads WildFly's category and thread after the level",
    '2024-03-05 10:15:30,123 INFO  [org.hibernate.Version] (main) HHH000412: Hibernate ORM core version 6.4',
    {
      message: 'HHH000412: Hibernate ORM core version 6.4',
      source: { logger: 'org.hibernate.Version', thread: 'main' },
    },
  ],
  [
    'leaves a line without a header whole',
    'connection reset by peer',
    { message: 'connection reset by peer', messageStart: 0, shape: 'none' },
  ],
];

describe('createHeaderParser', () => {
  test.each(shapes)('%s', (_behaviour, line, expected) => {
    const parsed = createHeaderParser().parse(line);
    expect(parsed).toMatchObject(expected);
    if (parsed.shape !== 'json' && parsed.shape !== 'logfmt')
      expect(line.slice(parsed.messageStart)).toBe(parsed.message);
  });

  test.each([
    ['reads no level from prose that starts with a level-like word', 'error reading the disk, retrying'],
    ['reads no level from a state column before the time', '2931 rack-7 switch error 1709633730 1 link ok'],
    ['reads no level from a lowercase word inside the message', '2024-03-05T10:15:30Z user alice reported an error'],
  ])('%s', (_behaviour, line) => {
    expect(createHeaderParser({ learn: false }).parse(line).level).toBeUndefined();
  });

  test('lets the level in the attributes win when the item carries one', () => {
    const parsed = createHeaderParser().parse('2024-03-05T10:15:30Z INFO cache warmed', { severity_text: 'WARN' });
    expect(parsed).toMatchObject({
      message: 'cache warmed',
      level: { raw: 'WARN', severity: 'warning', source: 'attribute' },
    });
  });

  test('keeps JSON without a message key whole', () => {
    const line = '{"level":"info","event_count":3}';
    expect(createHeaderParser().parse(line)).toMatchObject({ message: line, level: { severity: 'info' } });
  });

  test('falls back to text when a line only looks like JSON', () => {
    expect(createHeaderParser().parse('{not json at all}')).toMatchObject({
      message: '{not json at all}',
      shape: 'none',
    });
  });
});

describe('createHeaderParser learning', () => {
  const components = ['fan', 'psu', 'link', 'disk'];
  const states = ['state_change.up', 'status', 'temp.high'];
  const messages = [
    'Fan speed normal',
    'Power supply ok',
    'Link errors cleared on port',
    'Disk scrub complete',
    'node rebooted by operator',
  ];
  const line = (i: number): string =>
    `${100000 + i * 37} node-${i % 50} ${components[i % 4]} ${states[i % 3]} ${1709633730 + i * 11} 1 ${messages[i % 5]} ${i % 7 === 0 ? 'twice' : ''}`.trimEnd();

  test('treats varying leading numbers, ids and a time, with low-cardinality columns between, as header after a few lines', () => {
    const parser = createHeaderParser();
    const parsed = Array.from({ length: 40 }, (_, i) => parser.parse(line(i)));
    expect(parsed[0]?.message).toBe(line(0));
    expect(parsed[39]).toMatchObject({
      message: 'node rebooted by operator',
      shape: 'learned',
      timestamp: String(1709633730 + 39 * 11),
    });
  });

  test('learns nothing when no parser option allows it', () => {
    const parser = createHeaderParser({ learn: false });
    const parsed = Array.from({ length: 40 }, (_, i) => parser.parse(line(i)));
    expect(parsed[39]?.message).toBe(line(39));
  });

  test('never strips message words from a stream of plain messages that repeat with numbers in them', () => {
    const parser = createHeaderParser();
    for (let i = 0; i < 300; i++) {
      const text = `user ${i} logged in from 10.0.${i % 256}.7 after ${i * 3} ms`;
      expect(parser.parse(text).message).toBe(text);
    }
  });

  test('never strips a leading number alone when nothing else in the stream looks like a header', () => {
    const parser = createHeaderParser();
    for (let i = 0; i < 300; i++) {
      const text = `${i} files copied to the backup volume`;
      expect(parser.parse(text).message).toBe(text);
    }
  });
});

describe('createHeaderParser on hostile lines', () => {
  // Every pattern is sticky and bounded, so these take milliseconds; a backtracking blow-up would hang the test.
  const n = 100_000;
  test.each([
    ['a Ruby Logger prefix followed by spaces', `I, [${' '.repeat(n)}`],
    ['a timestamp followed by many short tokens', `2024-03-05 10:15:30 ${'1 '.repeat(n / 2)}`],
    ['open brackets', '['.repeat(n)],
    ['pipe fields', `2024-03-05 10:15:30${'|a'.repeat(n / 2)}`],
    ['deeply nested JSON', `{"a":${'['.repeat(n / 4)}${']'.repeat(n / 4)}}`],
    ['logfmt keys without values', 'a='.repeat(n / 2)],
    ['one long token of digits', '1'.repeat(n)],
    ['a syslog header with a long program', `Mar  5 10:15:30 host ${'p'.repeat(n)}[1]: x`],
    ['level words after header-like tokens', `${'- '.repeat(n / 2)}INFO x`],
  ])('answers %s', (_behaviour, line) => {
    const parsed = createHeaderParser().parse(line);
    expect(parsed.messageStart).toBeGreaterThanOrEqual(0);
    expect(typeof parsed.message).toBe('string');
  });

  test('reads no level from an attribute that is only long', () => {
    expect(createHeaderParser().parse('x', { level: `${' '.repeat(n)}info${' '.repeat(n)}x` }).level).toBeUndefined();
  });
});
