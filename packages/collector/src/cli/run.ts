import type { Logger } from '../component';
import type { CollectorConfig } from '../schema/collector-config';
import { runCollector } from '../runtime';

/** Runs the collector until SIGTERM/SIGINT has drained it; resolves with the exit code. */
export async function runUntilStopped(config: CollectorConfig, logger: Logger): Promise<number> {
  const running = await runCollector(config, { logger, handleSignals: true });
  await running.stopped;
  return 0;
}
