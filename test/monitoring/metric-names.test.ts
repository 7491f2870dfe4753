import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { builtEntry, repoRoot } from '../support/repo';
import { alertQueries, dashboardQueries } from './monitoring-files';
import { promqlMetricNames } from './promql-metric-names';

const collectorBin = path.join(repoRoot, 'packages', 'collector', 'bin', 'collector.js');
// Prometheus adds `up` to every scrape target itself.
const PROMETHEUS_BUILT_INS = ['up'];

interface Running {
  child: ChildProcess;
  output: string[];
  exited: Promise<void>;
}

function start(args: string[], env: Record<string, string>): Running {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer): void => void output.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, output, exited };
}

/** `key` of the first JSON log line with message `msg` (`msg` in the collector, `message` in the sorter) that has it; rejects after `timeoutMs`. */
function waitForLog(running: Running, msg: string, key: string, timeoutMs: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const find = (): Record<string, unknown> | undefined =>
      running.output
        .filter((l) => l.startsWith('{') && l.includes(`"${msg}"`))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => (l.msg ?? l.message) === msg && key in l);
    const check = (): void => {
      const found = find();
      if (found) {
        cleanup();
        resolve(found[key]);
      }
    };
    const fail = (why: string) => (): void => {
      cleanup();
      reject(new Error(`${why} before logging "${msg}":\n${running.output.slice(-20).join('\n')}`));
    };
    const onExit = fail('exited');
    const timer = setTimeout(fail(`no "${msg}" within ${timeoutMs} ms`), timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      running.child.stdout?.off('data', check);
      running.child.stderr?.off('data', check);
      running.child.off('exit', onExit);
    };
    running.child.stdout?.on('data', check);
    running.child.stderr?.on('data', check);
    running.child.once('exit', onExit);
    check();
  });
}

async function stop(running: Running | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!running || running.child.exitCode !== null || running.child.signalCode !== null) return;
  running.child.kill(signal);
  const killer = setTimeout(() => running.child.kill('SIGKILL'), 5000);
  await running.exited;
  clearTimeout(killer);
}

/** A loopback port that nothing listens on once this resolves. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Names a /metrics page exposes, from its `# TYPE` lines (so registered metrics without samples count too). */
async function scrapeMetricNames(url: string): Promise<Set<string>> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  const names = new Set<string>();
  for (const line of (await res.text()).split('\n')) {
    const m = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (!m) continue;
    const [, name, type] = m as unknown as [string, string, string];
    names.add(name);
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
    if (type === 'summary') for (const suffix of ['_sum', '_count']) names.add(name + suffix);
  }
  return names;
}

/** A config with every source, stage family and sink type; sinks point at ports nothing listens on. */
function collectorConfig(
  dir: string,
  sorterUrl: string,
  ports: { loki: number; remoteWrite: number; otlp: number },
): string {
  return `
server:
  http_listen_address: 127.0.0.1
  http_listen_port: 0
storage_path: ${dir}/data
sources:
  files:
    type: file
    targets:
      - { __path__: "${dir}/logs/*.log", job: app }
    forward_to: [pipelines.app]
  push:
    type: loki_push
    listen_address: 127.0.0.1
    listen_port: 0
    forward_to: [pipelines.app]
  otlp_http:
    type: otlp_http
    listen_address: 127.0.0.1
    listen_port: 0
    processors:
      - memory_limiter: { check_interval: 1s, limit_percentage: 90 }
      - filter: { logs: [ { severity_below: info } ] }
    forward_to: [pipelines.app]
    traces_forward_to: [sinks.otlp]
    metrics_forward_to: [sinks.remote_write]
  otlp_grpc:
    type: otlp_grpc
    listen_address: 127.0.0.1
    listen_port: 0
    forward_to: [pipelines.app]
pipelines:
  app:
    stages:
      - regex: { expression: '^(?P<ts>\\S+) (?P<level>\\S+) (?P<msg>.*?)(?: took=(?P<took>\\d+))?$' }
      - timestamp: { source: ts, format: RFC3339 }
      - labels: { values: { level: } }
      - static_labels: { values: { env: test } }
      - json: { expressions: { user: user }, source: msg }
      - redact: {}
      - classify: { url: '${sorterUrl}' }
      - metrics:
          counter: [ { name: lines_total, description: lines, match_all: true, action: inc } ]
          histogram: [ { name: took_ms, description: took, source: took, buckets: [1, 10, 100] } ]
      - truncate: { rule: [ { limit: 4096 } ] }
      - drop: { older_than: 87600h }
    routes:
      - { selector: '{severity="critical"}', forward_to: [sinks.loki] }
    default_forward_to: [sinks.file, sinks.stdout, sinks.loki, sinks.otlp]
sinks:
  file: { type: file, path: "${dir}/out/entries.ndjson" }
  stdout: { type: stdout }
  loki: { type: loki, url: 'http://127.0.0.1:${ports.loki}/loki/api/v1/push' }
  remote_write: { type: prometheus_remote_write, url: 'http://127.0.0.1:${ports.remoteWrite}/api/v1/write' }
  otlp: { type: otlp, endpoint: 'http://127.0.0.1:${ports.otlp}' }
`;
}

describe('metric names in dashboards and alert rules', () => {
  let dir: string;
  let sorterServer: string;
  let sorter: Running | undefined;
  let collector: Running | undefined;
  const emitted = new Set<string>(PROMETHEUS_BUILT_INS);

  beforeAll(async () => {
    sorterServer = builtEntry('@obs/ai-sorter/server');
    builtEntry('@obs/collector/cli'); // what collectorBin runs
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'metric-names-'));
    fs.mkdirSync(path.join(dir, 'logs'));
    fs.writeFileSync(
      path.join(dir, 'logs', 'app.log'),
      '2026-01-01T00:00:00Z ERROR payment failed for ann@example.com took=12\n',
    );

    sorter = start([sorterServer], { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    const sorterPort = (await waitForLog(sorter, 'listening', 'port', 15_000)) as number;
    const sorterUrl = `http://127.0.0.1:${sorterPort}`;

    const ports = { loki: await closedPort(), remoteWrite: await closedPort(), otlp: await closedPort() };
    const configFile = path.join(dir, 'collector.yaml');
    fs.writeFileSync(configFile, collectorConfig(dir, sorterUrl, ports));
    collector = start([collectorBin, 'run', '-c', configFile], {});
    const collectorPort = (await waitForLog(collector, 'collector running', 'http_port', 15_000)) as number;

    for (const url of [`${sorterUrl}/metrics`, `http://127.0.0.1:${collectorPort}/metrics`]) {
      for (const name of await scrapeMetricNames(url)) emitted.add(name);
    }
  });

  afterAll(async () => {
    // The collector's sinks retry ports nothing listens on, so a graceful drain would only wait out its timeout.
    await Promise.all([stop(collector, 'SIGKILL'), stop(sorter, 'SIGTERM')]);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('scrapes the metrics of every component type when the collector and the ai-sorter run', () => {
    const oneMetricPerComponent = [
      'collector_source_files_active', // file
      'collector_push_requests_total', // loki_push
      'collector_otlp_received_items_total', // otlp_http / otlp_grpc
      'collector_memory_limiter_refusing', // memory_limiter processor
      'collector_processor_dropped_items_total', // filter processor
      'collector_stage_parse_failures_total', // every stage
      'collector_stage_timestamp_fallbacks_total', // timestamp
      'collector_stage_redactions_total', // redact
      'collector_classify_breaker_state', // classify
      'collector_stage_truncated_fields_total', // truncate
      'collector_route_unmatched_entries_total', // routes
      'collector_sink_entry_propagation_latency_seconds_bucket', // queued sinks
      'collector_loki_truncated_lines_total', // loki
      'collector_remote_write_pending_samples', // prometheus_remote_write
      'collector_otlp_exporter_sent_items_total', // otlp
      'sorter_breaker_state',
      'sorter_llm_tokens_total',
    ];
    expect(oneMetricPerComponent.filter((m) => !emitted.has(m))).toEqual([]);
  });

  test('names only metrics the collector or the ai-sorter emits in every dashboard panel and alert rule', () => {
    const queries = [...dashboardQueries().filter((q) => q.datasource?.type === 'prometheus'), ...alertQueries()];
    const unknown = queries.flatMap((q) =>
      promqlMetricNames(q.expr)
        .filter((m) => !emitted.has(m))
        .map((m) => `${q.where}: ${m}`),
    );
    expect(unknown).toEqual([]);
    // The check above is only as good as the extraction: it must have seen the queries' metrics.
    expect(queries.flatMap((q) => promqlMetricNames(q.expr)).length).toBeGreaterThan(queries.length);
  });
});
