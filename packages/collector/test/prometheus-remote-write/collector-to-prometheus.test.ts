import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { parseConfig } from '../../src/config';
import { runCollector, type RunningCollector } from '../../src/runtime';
import { freePort } from '../support/free-port';
import { prometheusBinary, startPrometheus, type RealPrometheus } from './real-prometheus';
import { required } from '@obs/schema/testing';

const binary = prometheusBinary();
if (!binary && process.env.CI === 'true') throw new Error('prometheus binary missing: apt-get install -y prometheus');
if (!binary)
  console.warn('skipping collector-to-Prometheus test: no prometheus binary (apt-get install -y prometheus)');
// Skipped, the reason in its name (the test summary lists skipped tests by name).
const describeWithPrometheus = binary
  ? describe
  : (name: string, fn: () => void) =>
      describe.skip(`${name} (skipped: no prometheus binary; apt-get install -y prometheus)`, fn);

const silentLogger = { debug() {}, info() {}, warn() {}, error() {} };

describeWithPrometheus('a running collector writing to a real Prometheus', () => {
  let prometheus: RealPrometheus;
  let collector: RunningCollector | undefined;
  let dir: string;

  beforeAll(async () => {
    prometheus = await startPrometheus(required(binary, 'the prometheus binary'));
  });

  afterAll(async () => {
    await prometheus?.stop();
  });

  afterEach(async () => {
    await collector?.shutdown(AbortSignal.timeout(5000));
    collector = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  test('delivers the metrics stage counter from tailed lines and OTLP metrics from the OTLP receiver', async () => {
    dir = mkdtempSync(join(tmpdir(), 'collector-prw-'));
    writeFileSync(join(dir, 'app.log'), 'status=ok\nstatus=failed\nstatus=ok\n');
    const otlpPort = await freePort();
    const config = parseConfig(
      `
server: { http_listen_address: 127.0.0.1, http_listen_port: 0 }
storage_path: ${join(dir, 'state')}
sources:
  app:
    type: file
    targets: [{ __path__: "${join(dir, 'app.log')}", job: app }]
    forward_to: [pipelines.app]
  otlp:
    type: otlp_http
    listen_address: 127.0.0.1
    listen_port: ${otlpPort}
    forward_to: [pipelines.app]
    metrics_forward_to: [sinks.prom]
pipelines:
  app:
    stages:
      - regex: { expression: 'status=(?P<status>\\w+)' }
      - metrics:
          counter:
            - { name: ok_lines_total, source: status, value: ok, action: inc }
    forward_to: [sinks.out]
sinks:
  out: { type: file, path: "${join(dir, 'out.ndjson')}" }
  prom:
    type: prometheus_remote_write
    url: ${prometheus.url}/api/v1/write
    scrape_interval_ms: 50
    batch_send_deadline_ms: 10
    external_labels: { collector: e2e }
`,
      join(dir, 'collector.yaml'),
      {},
    );
    collector = await runCollector(config, { logger: silentLogger, registry: new Registry() });

    const nowNs = (BigInt(Date.now()) * 1_000_000n).toString();
    const response = await fetch(`http://127.0.0.1:${otlpPort}/v1/metrics`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        resourceMetrics: [
          {
            resource: { attributes: [{ key: 'service.name', value: { stringValue: 'checkout' } }] },
            scopeMetrics: [
              {
                scope: { name: 'e2e' },
                metrics: [
                  {
                    name: 'orders.placed',
                    unit: '{order}',
                    sum: {
                      aggregationTemporality: 2,
                      isMonotonic: true,
                      dataPoints: [{ asInt: '7', timeUnixNano: nowNs }],
                    },
                  },
                ],
              },
            ],
          },
        ],
      }),
    });
    expect(response.status).toBe(200);

    let stageCounter: Array<{ metric: Record<string, string>; value: number }> = [];
    let otlpCounter: Array<{ metric: Record<string, string>; value: number }> = [];
    const poll = async (): Promise<boolean> => {
      stageCounter = await prometheus.query('loki_process_custom_ok_lines_total');
      otlpCounter = await prometheus.query('orders_placed_total');
      return stageCounter.some((s) => s.value === 2) && otlpCounter.length === 1;
    };
    // Bounded: the file source, the 50 ms registry reads and the sender all have to have run once.
    for (let i = 0; i < 150 && !(await poll()); i++) await new Promise((resolve) => setTimeout(resolve, 100));

    expect(stageCounter.find((s) => s.value === 2)?.metric).toMatchObject({
      __name__: 'loki_process_custom_ok_lines_total',
      collector: 'e2e',
      job: 'app',
    });
    expect(otlpCounter).toEqual([
      { metric: { __name__: 'orders_placed_total', collector: 'e2e', job: 'checkout' }, value: 7 },
    ]);
  });
});
