import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createApp, createDeps, loadConfig, type SorterDeps } from '../../src';

export interface RunningSorter {
  readonly url: string;
  readonly deps: SorterDeps;
  /** Every JSON log line the instance wrote. */
  readonly logs: string[];
  close(): Promise<void>;
}

/** Builds the real app from an env map (as server.ts does) and listens on a free loopback port. */
export async function startSorter(env: Record<string, string>): Promise<RunningSorter> {
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((l) => l.length > 0),
      );
      done();
    },
  });
  const deps = createDeps(loadConfig({ LOG_LEVEL: 'debug', ...env }), { logStream, defaultMetrics: false });
  const server: Server = createApp(deps.app).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deps,
    logs,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await deps.close();
    },
  };
}

/** Reads one sample of a metric from the Prometheus exposition text. */
export function metricValue(exposition: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels);
  for (const line of exposition.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(\{(.*)\})? (.+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = m[3] ?? '';
    if (wanted.every(([k, v]) => have.includes(`${k}="${v}"`))) return Number(m[4]);
  }
  return 0;
}
