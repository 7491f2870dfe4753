import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { defaultMaxBatchItems } from '@obs/schema';

const int = (min: number) => z.coerce.number().int().min(min);
const optionalSecret = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** Every environment variable the service reads; defaults live here and the README table mirrors it. */
export const envSchema = z
  .object({
    PORT: int(0).max(65535).default(8080).describe('TCP port to listen on'),
    HOST: z.string().min(1).default('0.0.0.0').describe('Address to bind'),
    SORTER_API_KEYS: z
      .string()
      .optional()
      .transform((v) =>
        (v ?? '')
          .split(',')
          .map((k) => k.trim())
          .filter((k) => k.length > 0),
      )
      .describe('Comma-separated API keys; when set, /classify and /sort need one (Bearer or X-API-Key)'),
    XAI_API_KEY: optionalSecret.describe('xAI API key (used when LLM_API_KEY is not set)'),
    LLM_API_KEY: optionalSecret.describe('API key of the OpenAI-compatible LLM; without any key the rules answer'),
    LLM_BASE_URL: z.url().default('https://api.x.ai/v1').describe('OpenAI-compatible base URL'),
    LLM_MODEL: z.string().min(1).default('grok-3-mini').describe('Model name'),
    LLM_TIMEOUT_MS: int(1).default(10000).describe('Timeout of one LLM call'),
    LLM_MAX_TEMPLATES_PER_CALL: int(1)
      .default(20)
      .describe('Unseen templates asked in one LLM call; more are split into concurrent calls'),
    LIMITER_REQUESTS_PER_MINUTE: int(1).default(60).describe('LLM calls allowed per minute'),
    LIMITER_TOKENS_PER_MINUTE: int(1).default(100000).describe('Estimated LLM tokens allowed per minute'),
    LIMITER_MAX_CONCURRENT: int(1).default(4).describe('LLM calls in flight at once'),
    LIMITER_MAX_QUEUE: int(0)
      .default(50)
      .describe('LLM calls waiting for a slot; beyond it a call is dropped (rules answer)'),
    BREAKER_ERROR_THRESHOLD_PERCENT: int(1)
      .max(100)
      .default(50)
      .describe('Failure percentage in the window that opens the breaker'),
    BREAKER_VOLUME_THRESHOLD: int(0).default(5).describe('Calls in the window before the breaker may open'),
    BREAKER_RESET_TIMEOUT_MS: int(1).default(30000).describe('Open time before a half-open probe'),
    BREAKER_ROLLING_WINDOW_MS: int(100).default(60000).describe('Statistics window; older failures are forgotten'),
    BREAKER_ROLLING_BUCKETS: int(1).default(6).describe('Buckets of the window (the window must divide evenly)'),
    CACHE_MAX_ENTRIES: int(1).default(10000).describe('In-memory template cache size'),
    CACHE_TTL_MS: int(1).default(3600000).describe('Template cache entry lifetime'),
    MAX_BATCH_ITEMS: int(1).default(defaultMaxBatchItems).describe('Most items in one /classify or /sort request'),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)?$/i, 'expected bytes like 1048576, 512kb or 1mb')
      .default('1mb')
      .describe('Largest request body'),
    REDIS_URL: optionalSecret.describe('redis://... shares the template cache and the limiter between replicas'),
    LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug']).default('info').describe('Log level'),
    PII_HASH_KEY: optionalSecret.describe(
      'Key for hashed PII placeholders (same value, same placeholder); plain typed placeholders when unset',
    ),
    SHUTDOWN_TIMEOUT_MS: int(0).default(10000).describe('Longest wait for in-flight requests on SIGTERM'),
    SORTER_WORKERS: int(0)
      .max(64)
      // The main thread keeps a CPU busy too (parsing, mining, answering): more threads than CPUs only trade places.
      // Each worker costs about 13 MB, and a container on a large node sees every CPU of the node: at most 4 by default.
      .default(Math.max(1, Math.min(availableParallelism() - 1, 4)))
      .describe(
        'Worker threads for the per-item work (header, redaction, masking, rules); 0 runs it on the main thread. Default: one less than the CPUs, 1 to 4',
      ),
    MAX_PREPARING_REQUESTS: int(1)
      .optional()
      .describe(
        'Batch requests read and prepared at once; more wait with their bodies unread, so /healthz stays fast. Default: 2 x SORTER_WORKERS + 2',
      ),
  })
  .superRefine((env, ctx) => {
    if (env.BREAKER_ROLLING_WINDOW_MS % env.BREAKER_ROLLING_BUCKETS !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['BREAKER_ROLLING_BUCKETS'],
        message: 'must divide BREAKER_ROLLING_WINDOW_MS evenly',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly apiKeys: readonly string[];
  readonly llm: {
    readonly apiKey?: string;
    readonly baseUrl: string;
    readonly model: string;
    readonly timeoutMs: number;
    readonly maxTemplatesPerCall: number;
  };
  readonly limiter: {
    readonly requestsPerMinute: number;
    readonly tokensPerMinute: number;
    readonly maxConcurrent: number;
    readonly maxQueue: number;
  };
  readonly breaker: {
    readonly errorThresholdPercent: number;
    readonly volumeThreshold: number;
    readonly resetTimeoutMs: number;
    readonly rollingWindowMs: number;
    readonly rollingBuckets: number;
  };
  readonly cache: { readonly maxEntries: number; readonly ttlMs: number };
  readonly maxBatchItems: number;
  readonly bodyLimit: string;
  readonly redisUrl?: string;
  readonly logLevel: Env['LOG_LEVEL'];
  readonly piiHashKey?: string;
  readonly shutdownTimeoutMs: number;
  readonly workers: number;
  readonly maxPreparingRequests: number;
}

const secretVars = new Set(['SORTER_API_KEYS', 'XAI_API_KEY', 'LLM_API_KEY', 'REDIS_URL', 'PII_HASH_KEY']);

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly issues: readonly string[]) {
    super(`invalid environment:\n${issues.map((i) => `  ${i}`).join('\n')}`);
  }
}

/** Validates the environment once at start; every problem is reported, secret values never are. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = issue.path.join('.');
        const raw = env[key];
        const got = raw === undefined || secretVars.has(key) ? '' : ` (got ${JSON.stringify(raw)})`;
        return `${key}: ${issue.message}${got}`;
      }),
    );
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    apiKeys: Object.freeze(e.SORTER_API_KEYS),
    llm: {
      apiKey: e.LLM_API_KEY ?? e.XAI_API_KEY,
      baseUrl: e.LLM_BASE_URL,
      model: e.LLM_MODEL,
      timeoutMs: e.LLM_TIMEOUT_MS,
      maxTemplatesPerCall: e.LLM_MAX_TEMPLATES_PER_CALL,
    },
    limiter: {
      requestsPerMinute: e.LIMITER_REQUESTS_PER_MINUTE,
      tokensPerMinute: e.LIMITER_TOKENS_PER_MINUTE,
      maxConcurrent: e.LIMITER_MAX_CONCURRENT,
      maxQueue: e.LIMITER_MAX_QUEUE,
    },
    breaker: {
      errorThresholdPercent: e.BREAKER_ERROR_THRESHOLD_PERCENT,
      volumeThreshold: e.BREAKER_VOLUME_THRESHOLD,
      resetTimeoutMs: e.BREAKER_RESET_TIMEOUT_MS,
      rollingWindowMs: e.BREAKER_ROLLING_WINDOW_MS,
      rollingBuckets: e.BREAKER_ROLLING_BUCKETS,
    },
    cache: { maxEntries: e.CACHE_MAX_ENTRIES, ttlMs: e.CACHE_TTL_MS },
    maxBatchItems: e.MAX_BATCH_ITEMS,
    bodyLimit: e.BODY_LIMIT,
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
    piiHashKey: e.PII_HASH_KEY,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    workers: e.SORTER_WORKERS,
    maxPreparingRequests: e.MAX_PREPARING_REQUESTS ?? 2 * e.SORTER_WORKERS + 2,
  });
}
