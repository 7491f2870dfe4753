import type { Classification } from './classifier';

export type CachedClassification = Omit<Classification, 'decidedBy'>;

/** Template key -> classification, with a TTL; in memory or shared through Redis. */
export interface CacheStore {
  getMany(keys: readonly string[]): Promise<Array<CachedClassification | undefined>>;
  setMany(entries: ReadonlyArray<readonly [string, CachedClassification]>): Promise<void>;
}
