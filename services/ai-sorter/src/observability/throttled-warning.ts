import type { Logger } from 'winston';

/** Logs a recurring warning (e.g. Redis reconnect errors) at most once per interval, with how many were suppressed. */
export function createThrottledWarning(
  logger: Logger,
  message: string,
  intervalMs: number,
  clock: () => number = Date.now,
) {
  let last = -Infinity;
  let suppressed = 0;
  return (meta: Record<string, unknown>) => {
    const now = clock();
    if (now - last < intervalMs) {
      suppressed += 1;
      return;
    }
    logger.warn(message, { ...meta, suppressed });
    last = now;
    suppressed = 0;
  };
}
