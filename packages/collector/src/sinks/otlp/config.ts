import { z } from 'zod';
import { queueConfig, retryConfig } from '../../delivery/config';

export const otlpSinkConfig = z
  .object({
    endpoint: z
      .string()
      .url()
      .describe(
        'Base URL; /v1/traces, /v1/metrics and /v1/logs are appended. E.g. http://127.0.0.1:4318 (Tempo, an OpenTelemetry Collector) or https://otlp-gateway-prod-eu-west-2.grafana.net/otlp',
      ),
    headers: z.record(z.string(), z.string()).default({}).describe('Extra HTTP headers on every request'),
    basic_auth: z
      .object({
        username: z.string().min(1).describe('User, e.g. the Grafana Cloud instance id'),
        password: z
          .string()
          .min(1)
          .describe('Password or Grafana Cloud access-policy token, usually ${GRAFANA_CLOUD_TOKEN}; never logged'),
      })
      .strict()
      .optional()
      .describe('HTTP basic auth (Grafana Cloud OTLP gateway)'),
    compression: z.enum(['gzip', 'none']).default('gzip').describe('Request body compression'),
    batch_size_bytes: z
      .number()
      .int()
      .positive()
      .default(1024 * 1024)
      .describe('A request is sent once this many bytes are queued (per signal)'),
    batch_wait_ms: z
      .number()
      .int()
      .positive()
      .default(1000)
      .describe('...or once the oldest queued item waited this long'),
    timeout_ms: z.number().int().positive().default(5_000).describe('Time allowed for one request'),
    parallel_requests: z
      .number()
      .int()
      .min(1)
      .max(64)
      .default(1)
      .describe('Requests in flight at once per signal; more hide the round trip to a distant endpoint'),
    retry: retryConfig.default(retryConfig.parse({})),
    queue: queueConfig
      .default(queueConfig.parse({}))
      .describe(
        'Each signal (traces, metrics, logs) gets its own queue with these settings, so a backlog of one never blocks another',
      ),
  })
  .strict();

export type OtlpSinkConfig = z.infer<typeof otlpSinkConfig>;
