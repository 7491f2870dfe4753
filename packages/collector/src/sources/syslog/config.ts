import { z } from 'zod';

export const syslogSourceConfig = z
  .object({
    listen_address: z
      .string()
      .regex(/^(\[[^\]]*\]|[^:]*):\d{1,5}$/, 'expected host:port, e.g. 0.0.0.0:1514 or :1514')
      .describe('TCP address to listen on, `host:port` as in Promtail (`:1514` is every interface)'),
    idle_timeout_ms: z
      .number()
      .int()
      .positive()
      .default(120_000)
      .describe("A connection that sends nothing for this long is closed (Promtail's idle_timeout, 120s)"),
    max_message_length: z
      .number()
      .int()
      .positive()
      .default(8192)
      .describe('Longer messages are cut to this many bytes and counted in collector_source_truncated_lines_total'),
    label_structured_data: z
      .boolean()
      .default(false)
      .describe('Add each structured data param as `__syslog_message_sd_<id>_<name>` (`@` in the id becomes `_`)'),
    use_incoming_timestamp: z
      .boolean()
      .default(false)
      .describe("Keep the message's TIMESTAMP; false (or a message without one) stamps the receive time"),
    use_rfc5424_message: z
      .boolean()
      .default(false)
      .describe('Send the whole RFC 5424 message as the line instead of its MSG part'),
    labels: z.record(z.string(), z.string()).default({}).describe('Labels added to every entry'),
  })
  .strict();

export type SyslogSourceConfig = z.infer<typeof syslogSourceConfig>;

/** `host:port` -> its parts; an empty host is every interface. */
export function splitListenAddress(address: string): { host: string; port: number } {
  const at = address.lastIndexOf(':');
  const host = address.slice(0, at).replace(/^\[(.*)\]$/, '$1');
  return { host: host === '' ? '0.0.0.0' : host, port: Number(address.slice(at + 1)) };
}
