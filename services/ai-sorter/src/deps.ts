import type { Writable } from 'node:stream';
import Bottleneck from 'bottleneck';
import { Redis } from 'ioredis';
import { createTemplateMiner } from '@obs/classification';
import { createRedactor } from '@obs/pii';
import type { AppDeps } from './app';
import { withBreaker, type Breaker } from './classifiers/breaker';
import { withCache } from './classifiers/cache';
import type { CacheStore } from './classifiers/cache-store';
import type { Classifier } from './classifiers/classifier';
import { withFallback } from './classifiers/fallback';
import { createLlmClassifier, createLlmClient } from './classifiers/llm';
import { createMemoryCacheStore } from './classifiers/memory-cache-store';
import { withRateLimit, type RateLimited } from './classifiers/rate-limit';
import { createRedisCacheStore } from './classifiers/redis-cache-store';
import { createRedisRetryAfterPause } from './classifiers/redis-retry-after-pause';
import type { Config } from './config';
import { createItemPreparer } from './items/item-preparer';
import { createAdmission } from './middleware/admission';
import { createLogger } from './observability/logger';
import { createMetrics } from './observability/metrics';
import { createThrottledWarning } from './observability/throttled-warning';
import { createSorter } from './sorter';

export interface SorterDeps {
  readonly app: AppDeps;
  /** Marks the instance as draining: /readyz answers 503 so load balancers stop sending new requests. */
  startDraining(): void;
  /** Stops timers and closes Redis; call after the HTTP server has drained. */
  close(): Promise<void>;
}

export interface DepsOptions {
  /** Where JSON log lines go (tests capture them); stdout when absent. */
  readonly logStream?: Writable;
  /** Process-wide default metrics (CPU, memory, event loop); off in tests that build many apps. */
  readonly defaultMetrics?: boolean;
}

/**
 * Wires the classifier chain from config: per-item work (header, redaction, masking, rules; on worker threads) ->
 * template -> withFallback(withCache(withBreaker(withRateLimit(llm)))), the rules' decision as the last resort. Without
 * an LLM key the rules answer everything; with REDIS_URL the cache and the limiter budgets are shared.
 */
export function createDeps(config: Config, options: DepsOptions = {}): SorterDeps {
  const redactor = createRedactor(config.piiHashKey ? { hashKey: config.piiHashKey } : {});
  const metrics = createMetrics({ defaultMetrics: options.defaultMetrics });
  const secrets = [
    ...config.apiKeys,
    ...(config.llm.apiKey ? [config.llm.apiKey] : []),
    ...(config.piiHashKey ? [config.piiHashKey] : []),
  ];
  const logger = createLogger({ level: config.logLevel, redactor, secrets, stream: options.logStream });
  const miner = createTemplateMiner();
  const preparer = createItemPreparer({ workers: config.workers, piiHashKey: config.piiHashKey });

  const redisWarning = createThrottledWarning(logger, 'redis error', 30_000);
  const connectRedis = (url: string, maxRetriesPerRequest: number | null) => {
    const client = new Redis(url, { maxRetriesPerRequest });
    client.on('error', (err: Error) => redisWarning({ error: err.message }));
    return client;
  };
  let redis: Redis | undefined;
  let limiter: RateLimited | undefined;
  let connection: Bottleneck.IORedisConnection | undefined;
  let breaker: Breaker | undefined;
  let primary: Classifier | undefined;
  // Without a key nothing but the rules decides; only LLM answers are cached, so there is no cache and no Redis either.
  if (config.llm.apiKey) {
    // Cache commands fail fast while Redis is down (they count as misses).
    redis = config.redisUrl ? connectRedis(config.redisUrl, 1) : undefined;
    const store: CacheStore = redis
      ? createRedisCacheStore(redis, { ttlMs: config.cache.ttlMs })
      : createMemoryCacheStore({ maxEntries: config.cache.maxEntries, ttlMs: config.cache.ttlMs });
    const client = createLlmClient({
      apiKey: config.llm.apiKey,
      baseUrl: config.llm.baseUrl,
      timeoutMs: config.llm.timeoutMs,
    });
    const llm = createLlmClassifier({ client, model: config.llm.model, timeoutMs: config.llm.timeoutMs, metrics });
    // The limiter's commands wait for a reconnect instead of failing inside bottleneck, where nothing could catch
    // the rejection; the limiter's own deadline bounds how long a request waits for them.
    connection = config.redisUrl
      ? new Bottleneck.IORedisConnection({ client: connectRedis(config.redisUrl, null), Redis })
      : undefined;
    const pause = redis ? createRedisRetryAfterPause(redis) : undefined;
    limiter = withRateLimit(
      llm,
      { ...config.limiter, maxWaitMs: config.llm.timeoutMs, connection, pause },
      { metrics },
    );
    breaker = withBreaker(limiter, config.breaker, { metrics });
    primary = withCache(breaker, store, { metrics, logger, maxPerCall: config.llm.maxTemplatesPerCall });
  }
  const classifier = withFallback(primary, logger);
  const sorter = createSorter({ preparer, miner, classifier, metrics });
  const readiness = { draining: false };

  return {
    app: {
      sorter,
      redactor,
      metrics,
      logger,
      apiKeys: config.apiKeys,
      maxBatchItems: config.maxBatchItems,
      bodyLimit: config.bodyLimit,
      llmConfigured: config.llm.apiKey !== undefined,
      breakerState: () => breaker?.state ?? 'closed',
      readiness,
      admission: createAdmission(config.maxPreparingRequests, { metrics }),
    },
    startDraining() {
      readiness.draining = true;
    },
    async close() {
      breaker?.shutdown();
      await limiter?.stop();
      // Drop Redis connections without waiting for replies: a graceful QUIT never returns while Redis is down.
      if (connection) await connection.disconnect(false);
      redis?.disconnect();
      await preparer.close();
    },
  };
}
