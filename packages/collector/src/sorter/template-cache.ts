import { LRUCache } from 'lru-cache';

/** A bounded LRU map with a time to live: the least recently used key goes first, expired keys read as absent. */
export type TemplateCache<V extends object | true> = LRUCache<string, V>;

/** Reads do not extend an entry's life; `now` (milliseconds) is the clock, replaced in tests. */
export function createTemplateCache<V extends object | true>(
  max: number,
  ttlMs: number,
  now: () => number = () => performance.now(),
): TemplateCache<V> {
  // ttlResolution 0: every read checks the clock, so an entry is gone exactly when its time to live has passed.
  return new LRUCache<string, V>({ max, ttl: ttlMs, ttlResolution: 0, perf: { now } });
}
