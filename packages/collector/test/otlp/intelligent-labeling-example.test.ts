import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import { loadConfig } from '../../src/config';
import { createLogger, runCollector, type RunningCollector } from '../../src/runtime';
import { waitFor } from '../../src/testing';
import { OtlpTestReceiver } from '../../src/testing/otlp-test-receiver';

const example = path.join(__dirname, '..', '..', '..', '..', 'examples', 'intelligent-labeling', 'collector.yaml');

const resource = {
  attributes: [
    { key: 'service.name', value: { stringValue: 'checkout' } },
    { key: 'deployment.environment', value: { stringValue: 'prod' } },
    { key: 'k8s.cluster.name', value: { stringValue: 'eu-1' } },
    { key: 'cloud.region', value: { stringValue: 'eu-west-2' } },
    { key: 'k8s.pod.name', value: { stringValue: 'checkout-7f9' } },
  ],
};

/** A port that was free a moment ago; the config needs a number before the source binds it. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function post(port: number, signal: string, body: unknown): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/v1/${signal}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

describe('examples/intelligent-labeling', () => {
  let collector: RunningCollector | undefined;
  let receiver: OtlpTestReceiver;
  let dir: string;

  beforeEach(() => {
    receiver = new OtlpTestReceiver();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intelligent-labeling-'));
  });

  afterEach(async () => {
    await collector?.shutdown(AbortSignal.timeout(5000));
    collector = undefined;
    await receiver.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('labels logs with service, environment, cluster and region, hashes emails and drops health checks when run as shipped', async () => {
    const endpoint = await receiver.start();
    const port = await freePort();
    const config = await loadConfig(example, {
      COLLECTOR_HTTP_PORT: '0',
      OTLP_HTTP_PORT: String(port),
      STORAGE_PATH: path.join(dir, 'storage'),
      OUT_DIR: dir,
      OTLP_EXPORT_ENDPOINT: endpoint,
    });
    collector = await runCollector(config, { logger: createLogger({ level: 'silent' }), registry: new Registry() });

    const spans = [
      { name: 'GET /healthz', traceId: '0102030405060708090a0b0c0d0e0f10', spanId: '0102030405060708' },
      {
        name: 'POST /pay',
        traceId: '0102030405060708090a0b0c0d0e0f10',
        spanId: '0102030405060709',
        attributes: [{ key: 'user.email', value: { stringValue: 'a@b.c' } }],
      },
    ];
    expect(await post(port, 'traces', { resourceSpans: [{ resource, scopeSpans: [{ spans }] }] })).toBe(200);
    const logRecords = [
      { body: { stringValue: 'card declined' }, severityNumber: 17, timeUnixNano: '1700000000000000000' },
      { body: { stringValue: 'cache probe' }, severityNumber: 5 },
    ];
    expect(await post(port, 'logs', { resourceLogs: [{ resource, scopeLogs: [{ logRecords }] }] })).toBe(200);

    await waitFor(() => receiver.of('traces').length > 0, 'the traces export');
    const exported = receiver.of('traces')[0].resourceSpans[0];
    expect(exported.scopeSpans[0].spans.map((s) => s.name)).toEqual(['POST /pay']);
    expect(exported.scopeSpans[0].spans[0].attributes.get('user.email')).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.fromEntries(exported.resource.attributes)).toMatchObject({
      service: 'checkout',
      environment: 'prod',
      cluster: 'eu-1',
      region: 'eu-west-2',
    });

    const file = path.join(dir, 'otlp-logs.ndjson');
    await waitFor(() => fs.existsSync(file) && fs.readFileSync(file, 'utf8').trim() !== '', 'the NDJSON file sink');
    const lines = fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            line: string;
            labels: Record<string, string>;
            structured_metadata?: Record<string, string>;
          },
      );
    expect(lines.map((l) => l.line)).toEqual(['card declined']);
    expect(lines[0].labels).toEqual({ service: 'checkout', environment: 'prod', cluster: 'eu-1', region: 'eu-west-2' });
  });
});
