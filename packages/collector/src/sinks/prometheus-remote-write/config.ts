import { z } from 'zod';

const BasicAuth = z
  .object({
    username: z.string().min(1).describe('User name, e.g. the Grafana Cloud Prometheus instance id'),
    password: z.string().min(1).describe('Password or access-policy token; use ${VAR} so it stays out of the file'),
  })
  .strict()
  .describe('HTTP basic auth for the endpoint');

const Queue = z
  .object({
    capacity_samples: z
      .number()
      .int()
      .min(1)
      .default(10_000)
      .describe('Samples held in memory while waiting to be sent'),
    overflow: z
      .enum(['block', 'drop'])
      .default('block')
      .describe(
        'When full: block (OTLP senders get 429 back pressure; registry reads are skipped and counted) or drop (counted)',
      ),
  })
  .strict()
  .describe('The in-memory queue between intake and the sender');

export const PrometheusRemoteWriteConfig = z
  .object({
    url: z.url({ protocol: /^https?$/ }).describe('Remote write endpoint, e.g. http://127.0.0.1:9090/api/v1/write'),
    basic_auth: BasicAuth.optional(),
    bearer_token: z.string().min(1).optional().describe('Sent as Authorization: Bearer; not with basic_auth'),
    headers: z.record(z.string(), z.string()).default({}).describe('Extra HTTP headers, e.g. X-Scope-OrgID'),
    external_labels: z
      .record(z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/), z.string())
      .default({})
      .describe('Labels added to every series that does not already have them'),
    remote_timeout_ms: z.number().int().min(1).default(30_000).describe('Timeout of one request'),
    max_samples_per_send: z.number().int().min(1).default(2000).describe('Samples per request'),
    batch_send_deadline_ms: z
      .number()
      .int()
      .min(0)
      .default(5000)
      .describe('Longest a sample waits for its batch to fill'),
    min_backoff_ms: z
      .number()
      .int()
      .min(1)
      .default(30)
      .describe('First retry wait; doubles per attempt (the longer of this and Retry-After)'),
    max_backoff_ms: z.number().int().min(1).default(5000).describe('Longest retry wait'),
    max_retries: z
      .number()
      .int()
      .min(0)
      .default(10)
      .describe('Retries of a 5xx/429/network failure before the batch is dropped and counted (0 = forever)'),
    scrape_interval_ms: z
      .number()
      .int()
      .min(0)
      .default(15_000)
      .describe(
        "How often the collector's own metric registry is read and sent (0 = never); the metrics stage's metrics live there",
      ),
    registry_metrics_regex: z
      .string()
      .optional()
      .describe(
        "Which registry metrics are sent, by name; unset: every metric a `metrics` stage created, whatever its prefix (the collector's own metrics too with '.*')",
      ),
    resource_to_labels: z
      .boolean()
      .default(false)
      .describe('OTLP: turn every resource attribute into a label (job and instance are always set)'),
    queue: Queue.default({ capacity_samples: 10_000, overflow: 'block' }),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (config.basic_auth && config.bearer_token) {
      ctx.addIssue({ code: 'custom', path: ['bearer_token'], message: 'give basic_auth or bearer_token, not both' });
    }
    try {
      if (config.registry_metrics_regex !== undefined) new RegExp(config.registry_metrics_regex);
    } catch (err) {
      ctx.addIssue({
        code: 'custom',
        path: ['registry_metrics_regex'],
        message: `invalid regular expression: ${(err as Error).message}`,
      });
    }
  })
  .describe('Prometheus remote write 1.0 sink: metrics from the metrics stage and from OTLP');

export type PrometheusRemoteWriteConfig = z.infer<typeof PrometheusRemoteWriteConfig>;
