import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { isListenErrorCode, listenErrorCodes, listenErrorMessage } from '@obs/schema/http';
import type { Logger, Sink, Source } from '../component';
import type { CollectorConfig } from '../schema/collector-config';
import { forwardTo } from '../pipelines/fanout';
import { createPipelineConsumer, type PipelineConsumer } from '../pipelines/pipeline';
import { createTargets } from '../pipelines/targets';
import { sinkDefinitions } from '../sinks/registry';
import { createInFlightBudget, defaultInFlightBytes } from '../sources/in-flight-budget';
import { sourceDefinitions } from '../sources/registry';
import { startHttpServer, type CollectorHttpServer } from './http-server';
import { createLogger } from './logger';

export interface RunOptions {
  logger?: Logger;
  /** A registry to fill; a fresh one with default process metrics otherwise. */
  registry?: Registry;
  /** Install SIGTERM/SIGINT handlers that drain and stop (the CLI sets this). */
  handleSignals?: boolean;
  /** How long a signal-triggered shutdown may drain before in-flight work is abandoned (disk queues keep it). */
  drainTimeoutMs?: number;
}

export interface RunningCollector {
  /** The port the collector's HTTP server bound (server.http_listen_port, or the one picked for 0). */
  readonly httpPort: number;
  readonly registry: Registry;
  /** Stops sources, then pipelines upstream before downstream, then sinks, within the signal's deadline; idempotent. */
  shutdown(signal: AbortSignal): Promise<void>;
  /** Resolves once shutdown finished, whoever started it. */
  readonly stopped: Promise<void>;
}

/**
 * Builds the running graph from a validated config: sinks, then pipelines (targets first), then
 * sources; starts them in that order and the HTTP server (/metrics, /healthz, /readyz) last.
 */
export async function runCollector(config: CollectorConfig, options: RunOptions = {}): Promise<RunningCollector> {
  const logger = options.logger ?? createLogger({ level: 'info' });
  const drainTimeoutMs = options.drainTimeoutMs ?? 30_000;
  const registry = options.registry ?? new Registry();
  if (!options.registry) collectDefaultMetrics({ register: registry });
  const storage = path.resolve(config.storage_path);
  const dataDir = (kind: string, id: string): string => path.join(storage, kind, id);
  createFolder(storage, 'storage_path');

  const inFlight = createInFlightBudget(config.limits?.max_in_flight_bytes ?? defaultInFlightBytes(), registry);
  const sinks = new Map<string, Sink>();
  const pipelines = new Map<string, PipelineConsumer>();
  const sources: Source[] = [];
  let ready = false;
  let stopping: Promise<void> | undefined;
  let server: CollectorHttpServer | undefined;
  let resolveStopped: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));

  const targets = createTargets(sinks, pipelines);
  const resolve = targets.logs;

  const shutdown = (signal: AbortSignal): Promise<void> => {
    stopping ??= (async () => {
      ready = false;
      const report = (kind: string, results: PromiseSettledResult<void>[]): void => {
        for (const r of results)
          if (r.status === 'rejected')
            logger.error('component failed to shut down', { kind, error: (r.reason as Error).message });
      };
      report('sources', await Promise.allSettled(sources.map((s) => s.shutdown(signal))));
      // Pipelines were built targets first; upstream ones stop first so what they flush still finds its target open.
      for (const pipeline of [...pipelines.values()].reverse())
        report('pipelines', await Promise.allSettled([pipeline.shutdown(signal)]));
      report('sinks', await Promise.allSettled([...sinks.values()].map((s) => s.shutdown(signal))));
      await server?.close();
      logger.info('collector stopped');
      resolveStopped();
    })();
    return stopping;
  };

  try {
    for (const s of config.sinks) {
      const id = `sinks.${s.id}`;
      const sink = sinkDefinitions[s.type].create(s.config, { id, logger, registry, dataDir: dataDir('sinks', s.id) });
      sinks.set(id, sink);
      await startComponent(id, () => sink.start());
    }
    for (const p of config.pipelines) {
      const pipeline = createPipelineConsumer(p, { registry, logger, resolve });
      pipelines.set(`pipelines.${p.id}`, pipeline);
      await pipeline.start();
    }
    for (const s of config.sources) {
      const id = `sources.${s.id}`;
      const next = forwardTo(s.forward_to, resolve);
      const source = sourceDefinitions[s.type].create(s.config, {
        id,
        logger,
        registry,
        dataDir: dataDir('sources', s.id),
        next,
        inFlight,
        signals: targets.signals,
      });
      sources.push(source);
      await startComponent(id, () => source.start());
    }
    server = await startComponent('server', () =>
      startHttpServer(config.server.http_listen_address, config.server.http_listen_port, registry, {
        live: () => !stopping,
        ready: () => ready,
      }),
    );
  } catch (err) {
    await shutdown(AbortSignal.timeout(drainTimeoutMs));
    throw err;
  }
  ready = true;
  logger.info('collector running', {
    config: config.file,
    http: `${config.server.http_listen_address}:${server.port}`,
    http_port: server.port,
    sources: sources.length,
    pipelines: pipelines.size,
    sinks: sinks.size,
  });

  if (options.handleSignals) {
    const onSignal = (name: NodeJS.Signals): void => {
      logger.info('draining', { signal: name, timeoutMs: drainTimeoutMs });
      void shutdown(AbortSignal.timeout(drainTimeoutMs));
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
    void stopped.then(() => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    });
  }

  return { httpPort: server.port, registry, shutdown, stopped };
}

// Node says `listen EADDRINUSE: address already in use 127.0.0.1:3500`; grpc-js wraps it in its own text.
const listenError = new RegExp(`listen (${listenErrorCodes.join('|')})\\b[^\\]]*?(\\S+:\\d+)`);

/** A component that cannot start is named in the error; a listen error says in words what its code means. */
async function startComponent<T>(id: string, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (err) {
    const message = (err as Error).message;
    const listen = listenError.exec(message);
    if (listen && isListenErrorCode(listen[1]))
      throw new Error(`${id}: ${listenErrorMessage(listen[1], listen[2] as string)}`);
    throw new Error(message.startsWith(`${id}:`) ? message : `${id}: ${message}`, { cause: err });
  }
}

/** mkdir -p one level at a time: Node's recursive mkdir spins forever where a parent cannot take folders (/proc). */
function createFolder(folder: string, key: string): void {
  if (fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) return;
  const parent = path.dirname(folder);
  if (parent !== folder) createFolder(parent, key);
  try {
    fs.mkdirSync(folder);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST')
      throw new Error(
        `${key}: cannot create folder ${folder}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
  }
}
