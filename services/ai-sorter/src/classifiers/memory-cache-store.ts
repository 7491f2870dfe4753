import { LRUCache } from 'lru-cache';
import type { CacheStore, CachedClassification } from './cache-store';

export function createMemoryCacheStore(options: { maxEntries: number; ttlMs: number }): CacheStore {
  const lru = new LRUCache<string, CachedClassification>({ max: options.maxEntries, ttl: options.ttlMs });
  return {
    async getMany(keys) {
      return keys.map((k) => lru.get(k));
    },
    async setMany(entries) {
      for (const [k, v] of entries) lru.set(k, v);
    },
  };
}
