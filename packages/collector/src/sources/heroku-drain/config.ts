import { z } from 'zod';

export const herokuDrainSourceConfig = z
  .object({
    listen_address: z
      .string()
      .min(1)
      .default('127.0.0.1')
      .describe(
        'Address to listen on; 0.0.0.0 to accept from other hosts (Heroku reaches it through your HTTPS proxy)',
      ),
    listen_port: z.number().int().min(0).max(65535).default(8080).describe('Port; 0 picks a free one'),
    labels: z.record(z.string(), z.string()).default({}).describe('Labels added to every entry'),
    use_incoming_timestamp: z
      .boolean()
      .default(false)
      .describe("Keep each frame's TIMESTAMP; false stamps entries with the receive time"),
    max_body_bytes: z
      .number()
      .int()
      .positive()
      .default(10 * 1024 * 1024)
      .describe('Larger request bodies (decompressed, too) get 413'),
    tenant_from_push: z
      .boolean()
      .default(false)
      .describe(
        "Let the drain choose the Loki tenant: the X-Scope-OrgID header overrides the loki sink's tenant_id (Promtail takes it). Off: the header is ignored",
      ),
  })
  .strict();

export type HerokuDrainSourceConfig = z.infer<typeof herokuDrainSourceConfig>;
