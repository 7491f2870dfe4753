import { z } from 'zod';
import { queueConfig, retryConfig } from '../../delivery/config';

export const lokiSinkConfig = z
  .object({
    url: z
      .string()
      .url()
      .describe(
        'Loki push endpoint, e.g. http://127.0.0.1:3100/loki/api/v1/push or https://logs-prod-012.grafana.net/loki/api/v1/push',
      ),
    tenant_id: z.string().min(1).optional().describe('Sent as X-Scope-OrgID; omitted when unset'),
    basic_auth: z
      .object({
        username: z.string().min(1).describe('User, e.g. the Grafana Cloud Loki instance id'),
        password: z.string().optional().describe('Password or Grafana Cloud access-policy token; never logged'),
        password_file: z
          .string()
          .min(1)
          .optional()
          .describe('File holding the password instead (read on every push, so it can be rotated)'),
      })
      .strict()
      .refine(
        (b) => (b.password === undefined) !== (b.password_file === undefined),
        'basic_auth takes exactly one of password or password_file',
      )
      .optional()
      .describe('HTTP basic auth (Grafana Cloud)'),
    bearer_token: z.string().min(1).optional().describe('Sent as `Authorization: Bearer <token>`; never logged'),
    bearer_token_file: z
      .string()
      .min(1)
      .optional()
      .describe('File holding the bearer token instead (read on every push, so it can be rotated)'),
    drop_rate_limited_batches: z
      .boolean()
      .default(false)
      .describe(
        "Drop a batch Loki answers 429 to (counted with reason http_429) instead of retrying it, as Promtail's option of the same name",
      ),
    headers: z.record(z.string(), z.string()).default({}).describe('Extra HTTP headers on every push'),
    tls: z
      .strictObject({
        ca_file: z
          .string()
          .min(1)
          .optional()
          .describe("PEM CA certificates Loki's certificate must chain to, instead of the system's"),
        cert_file: z.string().min(1).optional().describe('PEM client certificate sent to Loki (mutual TLS)'),
        key_file: z.string().min(1).optional().describe("The client certificate's PEM private key; never logged"),
        server_name: z
          .string()
          .min(1)
          .optional()
          .describe("Name Loki's certificate must have (and SNI), when it is not the URL's host"),
        insecure_skip_verify: z
          .boolean()
          .default(false)
          .describe('Accept any certificate from Loki (testing only: anyone between can read the logs)'),
      })
      .refine((t) => (t.cert_file === undefined) === (t.key_file === undefined), {
        message: 'cert_file and key_file go together',
      })
      .optional()
      .describe(
        "TLS towards an https Loki (Promtail's client tls_config); the files are read on every push, so rotated certificates are picked up",
      ),
    external_labels: z
      .record(z.string(), z.string())
      .default({})
      .describe("Labels added to every stream; an entry's own label of the same name wins"),
    batch_size_bytes: z
      .number()
      .int()
      .positive()
      .default(1024 * 1024)
      .describe('A push is sent once this many bytes are queued (protobuf, before compression)'),
    batch_wait_ms: z
      .number()
      .int()
      .positive()
      .default(1000)
      .describe('...or once the oldest queued entry waited this long'),
    timeout_ms: z.number().int().positive().default(10_000).describe('Time allowed for one push request'),
    parallel_requests: z
      .number()
      .int()
      .min(1)
      .max(64)
      .default(1)
      .describe(
        'Pushes in flight at once; more hide the round trip to a distant Loki (Loki 2.4+ accepts the out-of-order entries this can cause within a stream)',
      ),
    max_labels: z
      .number()
      .int()
      .positive()
      .default(15)
      .describe(
        "Loki's max_label_names_per_series; labels past it (by sorted name, external labels kept first) move to structured metadata",
      ),
    max_line_size_bytes: z
      .number()
      .int()
      .min(0)
      .default(256 * 1024)
      .describe('Lines longer than this are truncated and counted; 0 = never truncate'),
    retry: retryConfig.default(retryConfig.parse({})),
    queue: queueConfig.default(queueConfig.parse({})),
  })
  .strict()
  .superRefine((c, ctx) => {
    const ways = [
      c.basic_auth && 'basic_auth',
      c.bearer_token && 'bearer_token',
      c.bearer_token_file && 'bearer_token_file',
    ].filter(Boolean);
    if (ways.length > 1)
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `use one of basic_auth, bearer_token and bearer_token_file, not ${ways.join(' and ')}`,
      });
  });

export type LokiSinkConfig = z.infer<typeof lokiSinkConfig>;
