import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { listen } from '../sources/listen';

export interface CollectorHttpServer {
  readonly port: number;
  close(): Promise<void>;
}

export interface HealthState {
  /** The process is alive and serving. */
  live(): boolean;
  /** Every component started and the collector is not shutting down. */
  ready(): boolean;
}

/** The collector's own server: GET /metrics (Prometheus text), /healthz, /readyz. */
export async function startHttpServer(
  address: string,
  port: number,
  registry: Registry,
  health: HealthState,
): Promise<CollectorHttpServer> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { Allow: 'GET' }).end();
    if (path === '/metrics') {
      registry.metrics().then(
        (text) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(text),
        (err: Error) =>
          res.writeHead(500, { 'Content-Type': 'text/plain' }).end(`cannot collect metrics: ${err.message}\n`),
      );
      return;
    }
    if (path === '/healthz') return void answer(res, health.live(), 'ok', 'not alive');
    if (path === '/readyz') return void answer(res, health.ready(), 'ready', 'not ready');
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found: try /metrics, /healthz or /readyz\n');
  });
  await listen(server, port, address);
  return {
    get port() {
      return (server.address() as AddressInfo).port;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function answer(res: http.ServerResponse, ok: boolean, yes: string, no: string): void {
  res.writeHead(ok ? 200 : 503, { 'Content-Type': 'text/plain' }).end(`${ok ? yes : no}\n`);
}
