import * as path from 'node:path';
import type { CollectorRun } from './collector-run';
import { freePort } from './free-port';

/** Where a collector started by startRedactRun takes logs, and its metrics. */
export interface RedactRunUrls {
  loki: string;
  otlp: string;
  metrics: string;
}

/** Runs a collector whose Loki pushes and OTLP/HTTP logs go through `stages` (one redact stage by default) to the
 * run's receiver; `sinkOptions` adds keys to the Loki sink (`max_line_size_bytes: 4194304`). */
export async function startRedactRun(
  run: CollectorRun,
  stages = '      - redact: {}',
  sinkOptions = '',
): Promise<RedactRunUrls> {
  const [lokiPort, otlpPort] = [await freePort(), await freePort()];
  const collector = await run.start(`
server: { http_listen_address: 127.0.0.1, http_listen_port: 0 }
storage_path: ${path.join(run.dir, 'data')}
sources:
  push: { type: loki_push, listen_address: 127.0.0.1, listen_port: ${lokiPort}, forward_to: [pipelines.main] }
  otlp: { type: otlp_http, listen_address: 127.0.0.1, listen_port: ${otlpPort}, forward_to: [pipelines.main] }
pipelines:
  main:
    stages:
${stages}
    forward_to: [sinks.loki]
sinks:
  loki: { type: loki, url: "${run.receiver.url}", batch_wait_ms: 20${sinkOptions ? `, ${sinkOptions}` : ''} }
`);
  return {
    loki: `http://127.0.0.1:${lokiPort}/loki/api/v1/push`,
    otlp: `http://127.0.0.1:${otlpPort}/v1/logs`,
    metrics: `http://127.0.0.1:${collector.httpPort}/metrics`,
  };
}

/** POSTs `body` as JSON. */
export const postJson = (url: string, body: unknown): Promise<Response> =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
