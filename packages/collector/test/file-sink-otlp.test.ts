import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseConfig } from '../src/config';
import { codecs } from '../src/protocols/otlp/codec';
import { runCollector, type RunningCollector } from '../src/runtime/run-collector';
import { createLogger } from '../src/runtime/logger';
import { freePort } from './support/free-port';
import { exportOtlpGrpc } from './support/otlp-grpc-export';

const tracesJson = (name: string) => ({
  resourceSpans: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'checkout' } }] },
      scopeSpans: [
        {
          scope: { name: 'manual', version: '1' },
          spans: [
            {
              traceId: '5b8efff798038103d269b633813fc60c',
              spanId: 'eee19b7ec3c1b174',
              parentSpanId: '0102030405060708',
              name,
              kind: 2,
              startTimeUnixNano: '1544712660000000000',
              endTimeUnixNano: '1544712661000000000',
              attributes: [{ key: 'http.status_code', value: { intValue: '500' } }],
              status: { code: 2, message: 'upstream failed' },
            },
          ],
        },
      ],
    },
  ],
});

const metricsJson = {
  resourceMetrics: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'checkout' } }] },
      scopeMetrics: [
        {
          metrics: [
            {
              name: 'http.server.requests',
              sum: {
                aggregationTemporality: 2,
                isMonotonic: true,
                dataPoints: [
                  {
                    asInt: '42',
                    timeUnixNano: '1544712660000000000',
                    attributes: [{ key: 'route', value: { stringValue: '/pay' } }],
                  },
                ],
              },
            },
            {
              name: 'http.server.duration',
              histogram: {
                aggregationTemporality: 2,
                dataPoints: [
                  {
                    count: '3',
                    sum: 0.9,
                    bucketCounts: ['1', '2'],
                    explicitBounds: [0.25],
                    timeUnixNano: '1544712660000000000',
                  },
                ],
              },
            },
          ],
        },
      ],
    },
  ],
};

const readLines = (file: string): string[] => fs.readFileSync(file, 'utf8').trim().split('\n');

describe('file sink taking OTLP traces and metrics in a running collector', () => {
  let dir: string;
  let collector: RunningCollector | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-sink-otlp-'));
  });
  afterEach(async () => {
    await collector?.shutdown(AbortSignal.timeout(2000));
    collector = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const start = async (telemetrySink: string): Promise<{ http: string; grpcPort: number; metrics: string }> => {
    const [httpPort, grpcPort] = [await freePort(), await freePort()];
    const yaml = `
server: { http_listen_address: 127.0.0.1, http_listen_port: 0 }
storage_path: ${path.join(dir, 'data')}
sources:
  otlp_http:
    type: otlp_http
    listen_address: 127.0.0.1
    listen_port: ${httpPort}
    forward_to: [sinks.telemetry]
    traces_forward_to: [sinks.telemetry]
    metrics_forward_to: [sinks.telemetry]
  otlp_grpc:
    type: otlp_grpc
    listen_address: 127.0.0.1
    listen_port: ${grpcPort}
    forward_to: [sinks.telemetry]
    traces_forward_to: [sinks.telemetry]
    metrics_forward_to: [sinks.telemetry]
sinks:
  telemetry: ${telemetrySink}
`;
    const file = path.join(dir, 'collector.yaml');
    fs.writeFileSync(file, yaml);
    collector = await runCollector(parseConfig(yaml, file, {}), { logger: createLogger({ level: 'silent' }) });
    return {
      http: `http://127.0.0.1:${httpPort}`,
      grpcPort,
      metrics: `http://127.0.0.1:${collector.httpPort}/metrics`,
    };
  };

  test('writes OTLP/JSON lines that decode to the sent spans and points when requests arrive over HTTP and gRPC', async () => {
    const out = path.join(dir, 'out', 'telemetry.ndjson');
    const { http, grpcPort, metrics } = await start(`{ type: file, path: "${out}" }`);

    const traces = await fetch(`${http}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(tracesJson('POST /pay')),
    });
    expect(traces.status).toBe(200);
    expect(await traces.json()).toEqual({});
    const points = await fetch(`${http}/v1/metrics`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: codecs.metrics.encodeProtobuf(codecs.metrics.decodeJson(JSON.stringify(metricsJson))),
    });
    expect(points.status).toBe(200);
    expect(
      (
        await exportOtlpGrpc(
          grpcPort,
          codecs.traces.grpcPath,
          codecs.traces.encodeProtobuf(codecs.traces.decodeJson(JSON.stringify(tracesJson('GET /cart')))),
        )
      ).err,
    ).toBeNull();

    // The answers came after the writes, so the lines are in the files before shutdown.
    const traceLines = readLines(path.join(dir, 'out', 'telemetry.traces.ndjson'));
    expect(traceLines.map((l) => codecs.traces.decodeJson(l))).toEqual([
      codecs.traces.decodeJson(JSON.stringify(tracesJson('POST /pay'))),
      codecs.traces.decodeJson(JSON.stringify(tracesJson('GET /cart'))),
    ]);
    expect(JSON.parse(traceLines[0]).resourceSpans[0].scopeSpans[0].spans[0]).toMatchObject({
      traceId: '5b8efff798038103d269b633813fc60c',
      spanId: 'eee19b7ec3c1b174',
      kind: 2,
    });
    expect(
      readLines(path.join(dir, 'out', 'telemetry.metrics.ndjson')).map((l) => codecs.metrics.decodeJson(l)),
    ).toEqual([codecs.metrics.decodeJson(JSON.stringify(metricsJson))]);
    expect(fs.existsSync(out)).toBe(false);

    const exposition = await (await fetch(metrics)).text();
    expect(exposition).toContain('collector_sink_sent_entries_total{sink="sinks.telemetry/traces"} 2');
    expect(exposition).toContain('collector_sink_sent_entries_total{sink="sinks.telemetry/metrics"} 2');
  });

  test('rotates the traces file to traces_path.1 when a request would pass max_size_bytes', async () => {
    const tracesPath = path.join(dir, 'spans', 'spans.jsonl');
    const lineBytes =
      codecs.traces.encodeJson(codecs.traces.decodeJson(JSON.stringify(tracesJson('span-0')))).length + 1;
    const { http } = await start(
      `{ type: file, path: "${path.join(dir, 'logs.ndjson')}", traces_path: "${tracesPath}", max_size_bytes: ${lineBytes * 2}, max_files: 2 }`,
    );
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${http}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(tracesJson(`span-${i}`)),
      });
      expect(res.status).toBe(200);
    }
    const names = (file: string) =>
      readLines(file).map((l) => codecs.traces.decodeJson(l).resourceSpans[0].scopeSpans[0].spans[0].name);
    expect(names(`${tracesPath}.1`)).toEqual(['span-0', 'span-1']);
    expect(names(tracesPath)).toEqual(['span-2']);
  });
});
