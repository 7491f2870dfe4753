import { createServer, type Server } from 'node:http';
import { isListenErrorCode, listenErrorMessage, type ListenErrorCode } from '@obs/schema';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createDeps } from './deps';

/** env -> config -> deps -> listen; SIGTERM/SIGINT: stop accepting, finish in-flight requests, close, exit. */
function main(): void {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`ai-sorter: ${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const deps = createDeps(config);
  const { logger } = deps.app;
  // Not app.listen: Express 5 hands a listen error to the callback, which would log "listening" and exit 0.
  const server: Server = createServer(createApp(deps.app));
  server.once('error', (err: NodeJS.ErrnoException) => {
    process.stderr.write(`ai-sorter: ${listenFailure(err, config.host, config.port)}\n`);
    void deps.close().finally(() => process.exit(1));
  });
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info('listening', {
      host: config.host,
      port,
      llm: deps.app.llmConfigured ? config.llm.baseUrl : 'none (rules only)',
      model: config.llm.model,
    });
  });

  const closeAndExit = async (): Promise<void> => {
    try {
      await deps.close();
      logger.info('stopped');
    } catch (err) {
      // Logged like any error, and the exit is non-zero so the orchestrator sees that closing failed.
      logger.error('close failed', { error: err instanceof Error ? err.message : String(err) });
      process.exitCode = 1;
    }
    logger.on('finish', () => process.exit());
    logger.end();
  };
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('draining', { signal });
    deps.startDraining();
    const force = setTimeout(() => {
      logger.warn('drain timeout; closing remaining connections', { timeout_ms: config.shutdownTimeoutMs });
      server.closeAllConnections();
      // Last resort if closing itself hangs: leave anyway, non-zero so the orchestrator sees it.
      setTimeout(() => process.exit(1), 5000).unref();
    }, config.shutdownTimeoutMs);
    force.unref();
    server.close(() => void closeAndExit()); // closeAndExit logs its own failure
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** What to change for each listen error a user can cause with PORT and HOST. */
const listenErrorHints: Record<ListenErrorCode, string> = {
  EADDRINUSE: 'stop it or set PORT',
  EACCES: 'use a port above 1023 or set PORT',
  EADDRNOTAVAIL: 'set HOST',
};

/** Names the address, what went wrong and what to change. */
function listenFailure(err: NodeJS.ErrnoException, host: string, port: number): string {
  const where = `${host}:${port}`;
  if (isListenErrorCode(err.code)) return `${listenErrorMessage(err.code, where)}; ${listenErrorHints[err.code]}`;
  return `cannot listen on ${where}: ${err.message}`;
}

main();
