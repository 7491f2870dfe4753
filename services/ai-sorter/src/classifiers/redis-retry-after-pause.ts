import type { Redis } from 'ioredis';
import { createMemoryRetryAfterPause, type RetryAfterPause } from './retry-after-pause';

// Keeps the longer of the pause in force and the new one; the key's own TTL is the pause, so replicas' clocks never matter.
const extendPause = `local left = redis.call('PTTL', KEYS[1])
if left < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) end
return 0`;

/**
 * Shares the pause between replicas as a Redis key that expires when the pause ends. This process's own pause is kept
 * beside it, so a Redis that is down never lifts a pause this process was told about (and never blocks calls by itself).
 */
export function createRedisRetryAfterPause(client: Redis, options: { key?: string } = {}): RetryAfterPause {
  const key = options.key ?? 'sorter:llm:retry-after';
  const local = createMemoryRetryAfterPause();
  return {
    async remainingMs() {
      const shared = await client.pttl(key).catch(() => 0);
      return Math.max(await local.remainingMs(), shared);
    },
    async pauseFor(ms) {
      if (ms <= 0) return;
      await local.pauseFor(ms);
      await client.eval(extendPause, 1, key, String(Math.ceil(ms))).catch(() => undefined);
    },
  };
}
