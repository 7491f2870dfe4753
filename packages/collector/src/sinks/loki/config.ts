import { z } from 'zod';
import { queueConfig, retryConfig } from '../../delivery/config';

export const lokiSinkConfig = z
  .object({
    url: z.string().url().describe('Loki push endpoint, e.g. http://127.0.0.1:3100/loki/api/v1/push or https://logs-prod-012.grafana.net/loki/api/v1/push'),
    tenant_id: z.string().min(1).optional().describe('Sent as X-Scope-OrgID; omitted when unset'),
    basic_auth: z
      .object({
        username: z.string().min(1).describe('User, e.g. the Grafana Cloud Loki instance id'),
        password: z.string().min(1).describe('Password or Grafana Cloud access-policy token; never logged'),
      })
      .strict()
      .optional()
      .describe('HTTP basic auth (Grafana Cloud)'),
    headers: z.record(z.string(), z.string()).default({}).describe('Extra HTTP headers on every push'),
    external_labels: z.record(z.string(), z.string()).default({}).describe('Labels added to every stream; an entry\'s own label of the same name wins'),
    batch_size_bytes: z.number().int().positive().default(1024 * 1024).describe('A push is sent once this many bytes are queued (protobuf, before compression)'),
    batch_wait_ms: z.number().int().positive().default(1000).describe('...or once the oldest queued entry waited this long'),
    timeout_ms: z.number().int().positive().default(10_000).describe('Time allowed for one push request'),
    parallel_requests: z.number().int().min(1).max(64).default(1).describe('Pushes in flight at once; more hide the round trip to a distant Loki (Loki 2.4+ accepts the out-of-order entries this can cause within a stream)'),
    max_labels: z.number().int().positive().default(15).describe('Loki\'s max_label_names_per_series; labels past it (by sorted name, external labels kept first) move to structured metadata'),
    max_line_size_bytes: z.number().int().min(0).default(256 * 1024).describe('Lines longer than this are truncated and counted; 0 = never truncate'),
    retry: retryConfig.default(retryConfig.parse({})),
    queue: queueConfig.default(queueConfig.parse({})),
  })
  .strict();

export type LokiSinkConfig = z.infer<typeof lokiSinkConfig>;
