import type { Server } from 'node:http';
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
  const server: Server = createApp(deps.app).listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info('listening', { host: config.host, port, llm: deps.app.llmConfigured ? config.llm.baseUrl : 'none (rules only)', model: config.llm.model });
  });

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
    server.close(async () => {
      await deps.close();
      logger.info('stopped');
      logger.on('finish', () => process.exit(0));
      logger.end();
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main();
