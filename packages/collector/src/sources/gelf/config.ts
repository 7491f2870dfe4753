import { z } from 'zod';

export const gelfSourceConfig = z
  .object({
    listen_address: z
      .string()
      .regex(/^(\[[^\]]*\]|[^:]*):\d{1,5}$/, 'expected host:port, e.g. 0.0.0.0:12201 or :12201')
      .default('0.0.0.0:12201')
      .describe("Address to listen on, `host:port` as in Promtail (Promtail's default 0.0.0.0:12201)"),
    protocol: z
      .enum(['udp', 'tcp'])
      .default('udp')
      .describe(
        "udp: datagrams, chunked or compressed (Promtail's gelf). tcp: uncompressed messages each ended by a null byte (Graylog's GELF TCP input, Docker's gelf driver with tcp://)",
      ),
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
    receive_buffer_bytes: z
      .number()
      .int()
      .min(0)
      .default(8 * 1024 * 1024)
      .describe(
        "udp: the socket's receive buffer (SO_RCVBUF), which holds datagrams while the collector is busy; Linux caps it at net.core.rmem_max. 0 keeps the system's default",
      ),
    max_connections: z
      .number()
      .int()
      .positive()
      .default(1000)
      .describe('tcp: connections open at once; a further one is closed at once and logged'),
    idle_timeout_ms: z
      .number()
      .int()
      .min(0)
      .default(0)
      .describe(
        "tcp: a connection that sends nothing for this long is closed; 0 never closes one (a sender such as Docker's gelf driver loses the message it writes to a closed connection). A vanished peer is found by TCP keep-alive either way",
      ),
    frame_timeout_ms: z
      .number()
      .int()
      .positive()
      .default(30_000)
      .describe(
        'tcp: a message begun but not ended by its null byte this long after its first byte closes the connection (a slow or stuck sender holds no memory for long)',
      ),
  })
  .strict();

export type GelfSourceConfig = z.infer<typeof gelfSourceConfig>;
