import { z } from 'zod';

export const gelfSourceConfig = z
  .object({
    listen_address: z
      .string()
      .regex(/^(\[[^\]]*\]|[^:]*):\d{1,5}$/, 'expected host:port, e.g. 0.0.0.0:12201 or :12201')
      .default('0.0.0.0:12201')
      .describe("UDP address to listen on, `host:port` as in Promtail (Promtail's default 0.0.0.0:12201)"),
    labels: z.record(z.string(), z.string()).default({}).describe('Labels added to every entry'),
    use_incoming_timestamp: z
      .boolean()
      .default(false)
      .describe("Keep the message's `timestamp`; false (or a message without one) stamps the receive time"),
    max_message_bytes: z
      .number()
      .int()
      .positive()
      .default(1024 * 1024)
      .describe('A message larger than this (reassembled from its chunks, and decompressed) is dropped and counted'),
    chunk_timeout_ms: z
      .number()
      .int()
      .positive()
      .default(5000)
      .describe(
        'A chunked message whose chunks have not all arrived this long after its first is dropped (Graylog: 5s)',
      ),
    max_open_messages: z
      .number()
      .int()
      .positive()
      .default(1000)
      .describe('Chunked messages being reassembled at once; past it the oldest is dropped, so memory stays bounded'),
  })
  .strict();

export type GelfSourceConfig = z.infer<typeof gelfSourceConfig>;
