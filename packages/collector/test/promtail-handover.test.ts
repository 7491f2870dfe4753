import * as fs from 'node:fs';
import * as path from 'node:path';
import { usePromtailRun } from './support/promtail-run';

// A Promtail config run as it is, end to end: file -> pipeline_stages -> client, into a receiver of Loki's wire format.
describe('a Promtail config taking over from Promtail', () => {
  const run = usePromtailRun('promtail-handover-');
  beforeEach(() => fs.mkdirSync(path.join(run.dir, 'logs')));

  const log = (name: string) => path.join(run.dir, 'logs', name);
  const numbered = (prefix: string, from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => `${prefix} ${i + from < 50 ? 'info' : 'warn'} line-${from + i}\n`).join(
      '',
    );
  const expected = (prefix: string, from: number, to: number) => numbered(prefix, from, to).trimEnd().split('\n');
  const start = () =>
    run.start(`server:
  http_listen_address: 127.0.0.1
  http_listen_port: 0
  log_level: error
positions:
  filename: ${path.join(run.dir, 'positions.yaml')}
clients:
  - url: ${run.receiver.url}
    batchwait: 50ms
    external_labels: { host: box1 }
target_config:
  sync_period: 100ms
global:
  file_watch_config:
    min_poll_frequency: 20ms
    max_poll_frequency: 250ms
scrape_configs:
  - job_name: app
    static_configs:
      - targets: [localhost]
        labels:
          job: app
          __path__: ${path.join(run.dir, 'logs', '{a,b}.log')}
    pipeline_stages:
      - regex:
          expression: '^(?P<file>\\w) (?P<level>\\w+) '
      - labels:
          level:
`);
  const received = (prefix: string) => run.receiver.lines().filter((l) => l.startsWith(`${prefix} `));

  test('continues every file at the byte Promtail stopped at, then keeps its own positions', async () => {
    fs.writeFileSync(log('a.log'), numbered('a', 0, 100));
    fs.writeFileSync(log('b.log'), numbered('b', 0, 60));
    fs.writeFileSync(log('c.log'), numbered('c', 0, 5));
    // What Promtail leaves behind: byte offsets as strings, a journal cursor, a file no glob here matches.
    const offset = (prefix: string, lines: number) => Buffer.byteLength(numbered(prefix, 0, lines));
    fs.writeFileSync(
      path.join(run.dir, 'positions.yaml'),
      `positions:
  ${log('a.log')}: "${offset('a', 40)}"
  ${log('b.log')}: "${offset('b', 60)}"
  ${log('c.log')}: "0"
  journal-app: s=0123456789abcdef;i=1
`,
    );
    await start();
    await run.receiver.waitForEntries(60);
    fs.appendFileSync(log('b.log'), numbered('b', 60, 65));
    await run.receiver.waitForEntries(65);
    expect(received('a')).toEqual(expected('a', 40, 100));
    expect(received('b')).toEqual(expected('b', 60, 65));
    expect(received('c')).toEqual([]);
    const entry = run.receiver.entries.find((e) => e.line === 'a warn line-99');
    expect(entry?.labels).toEqual({ job: 'app', filename: log('a.log'), level: 'warn', host: 'box1' });

    await run.stop();
    fs.appendFileSync(log('a.log'), numbered('a', 100, 110));
    // Promtail's file is read only on the first start: what it says now no longer matters.
    fs.writeFileSync(path.join(run.dir, 'positions.yaml'), `positions:\n  ${log('a.log')}: "0"\n`);
    await start();
    await run.receiver.waitForEntries(75);
    expect(received('a')).toEqual(expected('a', 40, 110));
    expect(received('b')).toEqual(expected('b', 60, 65));
    expect(run.receiver.entryCount).toBe(75);
  });

  test('refuses to start on a positions file that is not YAML unless ignore_invalid_yaml, as Promtail', async () => {
    fs.writeFileSync(log('a.log'), numbered('a', 0, 3));
    fs.writeFileSync(path.join(run.dir, 'positions.yaml'), 'positions: [unclosed\n');
    await expect(start()).rejects.toThrow(
      `Promtail positions file ${path.join(run.dir, 'positions.yaml')} is not valid`,
    );
  });
});
