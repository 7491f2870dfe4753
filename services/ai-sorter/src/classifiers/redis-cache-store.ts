import type { Redis } from 'ioredis';
import { z } from 'zod';
import { Category, ForwardTo, Severity } from '@obs/schema';
import type { CacheStore } from './cache-store';

const Cached = z.object({
  severity: Severity,
  category: Category,
  forwardTo: ForwardTo,
  confidence: z.number().min(0).max(1),
  reason: z.string(),
});

/** Shares the template cache between replicas; entries expire with the TTL; a corrupt entry counts as a miss. */
export function createRedisCacheStore(client: Redis, options: { ttlMs: number; prefix?: string }): CacheStore {
  const prefix = options.prefix ?? 'sorter:cache:';
  return {
    async getMany(keys) {
      if (keys.length === 0) return [];
      const values = await client.mget(...keys.map((k) => prefix + k));
      return values.map((v) => {
        if (v === null) return undefined;
        try {
          const parsed = Cached.safeParse(JSON.parse(v));
          return parsed.success ? parsed.data : undefined;
        } catch {
          return undefined;
        }
      });
    },
    async setMany(entries) {
      if (entries.length === 0) return;
      const pipeline = client.multi();
      for (const [k, v] of entries) pipeline.set(prefix + k, JSON.stringify(v), 'PX', options.ttlMs);
      await pipeline.exec();
    },
  };
}
