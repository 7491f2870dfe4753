import * as dns from 'node:dns';
import type * as net from 'node:net';
import type { ComponentDefinition, Source, SourceContext } from '../../component';
import { copyLabels, nowNs, type Labels, type LogEntry } from '../../entry';
import { emitBatch } from '../file/emitter';
import { createSourceMetrics, type SourceMetrics } from '../source-metrics';
import { TcpServer } from '../tcp-server';
import { splitListenAddress, syslogSourceConfig, type SyslogSourceConfig } from './config';
import { SyslogFramer } from './framing';
import { messageLabels } from './labels';
import { parseRfc5424, SyslogParseError } from './rfc5424';

export const syslogSourceDefinition: ComponentDefinition<SyslogSourceConfig, SyslogSource, SourceContext> = {
  type: 'syslog',
  description: "RFC 5424 syslog over TCP (octet counting or newline framing), with Promtail's __syslog_* labels",
  config: syslogSourceConfig,
  create: (config, ctx) => new SyslogSource(config, ctx),
};

/**
 * Listens for syslog over TCP. Each connection reads, frames and parses messages, and stops reading while its batch
 * is being handed on (TCP back pressure on the sender); a message that does not parse is counted and skipped.
 */
export class SyslogSource implements Source {
  readonly id: string;
  readonly #config: SyslogSourceConfig;
  readonly #ctx: SourceContext;
  readonly #metrics: SourceMetrics;
  readonly #abort = new AbortController();
  readonly #server = new TcpServer((socket) => this.#serve(socket));

  constructor(config: SyslogSourceConfig, ctx: SourceContext) {
    this.id = ctx.id;
    this.#config = config;
    this.#ctx = ctx;
    this.#metrics = createSourceMetrics(ctx.registry, ctx.id);
  }

  /** The bound port (useful with port 0); 0 before start. */
  get port(): number {
    return this.#server.port;
  }

  async start(): Promise<void> {
    const { host, port } = splitListenAddress(this.#config.listen_address);
    await this.#server.listen(port, host);
  }

  async #serve(socket: net.Socket): Promise<void> {
    socket.setTimeout(this.#config.idle_timeout_ms, () => socket.destroy());
    const ip = socket.remoteAddress?.replace(/^::ffff:/, '') ?? '';
    const connection: Labels = {
      ...this.#config.labels,
      __syslog_connection_ip_address: ip,
      __syslog_connection_hostname: await reverseLookup(ip),
    };
    const framer = new SyslogFramer(this.#config.max_message_length);
    try {
      for await (const chunk of socket) {
        this.#metrics.bytes.inc((chunk as Buffer).length);
        const { frames, truncated, invalid } = framer.push(chunk as Buffer);
        if (truncated > 0) this.#metrics.truncated.inc(truncated);
        if (invalid > 0) this.#metrics.dropped('invalid_frame').inc(invalid);
        if (frames.length === 0) continue;
        // Reading pauses here until the batch is accepted: the sender sees TCP back pressure.
        if (
          !(await emitBatch(
            () => this.#entries(frames, connection),
            this.#ctx.next,
            this.#abort.signal,
            this.#metrics,
            this.#ctx.logger,
            this.id,
          ))
        )
          break;
      }
    } catch {
      // A reset connection ends like a closed one.
    }
  }

  #entries(frames: readonly string[], connection: Labels): LogEntry[] {
    const entries: LogEntry[] = [];
    const readAt = nowNs();
    for (const frame of frames) {
      let msg;
      try {
        msg = parseRfc5424(frame);
      } catch (err) {
        if (!(err instanceof SyslogParseError)) throw err;
        this.#metrics.dropped('invalid_rfc5424').inc();
        continue;
      }
      const line = this.#config.use_rfc5424_message ? frame : (msg.message ?? '');
      const timestampNs =
        this.#config.use_incoming_timestamp && msg.timestampNs !== undefined
          ? msg.timestampNs
          : readAt + BigInt(entries.length);
      const labels = messageLabels(msg, copyLabels(connection), this.#config.label_structured_data);
      entries.push({ timestampNs, line, labels, structuredMetadata: {}, extracted: {} });
    }
    return entries;
  }

  async shutdown(signal: AbortSignal): Promise<void> {
    if (!this.#server.listening) return;
    const onAbort = (): void => this.#abort.abort(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    // Stop reading: a batch already being handed on finishes; syslog over TCP has no acknowledgement to withhold.
    await this.#server.close();
    signal.removeEventListener('abort', onAbort);
  }
}

/** The sender's name as Go's net.LookupAddr gives it (fully qualified, trailing dot), or "" when it has none. */
async function reverseLookup(ip: string): Promise<string> {
  try {
    const { hostname } = await dns.promises.lookupService(ip, 0);
    return hostname === ip || hostname === '' ? '' : hostname.endsWith('.') ? hostname : `${hostname}.`;
  } catch {
    return '';
  }
}
