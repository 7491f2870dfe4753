import * as dgram from 'node:dgram';
import * as net from 'node:net';
import type { ComponentDefinition, Source, SourceContext } from '../../component';
import { copyLabels, nowNs, type Labels, type LogEntry } from '../../entry';
import { emitBatch } from '../file/emitter';
import { createSourceMetrics, type SourceMetrics } from '../source-metrics';
import { splitListenAddress } from '../syslog/config';
import { ChunkAssembler, GelfError, isChunk } from './chunks';
import { gelfSourceConfig, type GelfSourceConfig } from './config';
import { gelfLabels, gelfLine, gelfTimestampNs, parseGelf, payloadText } from './message';

export const gelfSourceDefinition: ComponentDefinition<GelfSourceConfig, GelfSource, SourceContext> = {
  type: 'gelf',
  description: "GELF over UDP (chunked, zlib or gzip), the whole message as the line, with Promtail's __gelf_* labels",
  config: gelfSourceConfig,
  create: (config, ctx) => new GelfSource(config, ctx),
};

interface Received {
  line: string;
  labels: Labels;
  timestampNs: bigint;
}

// UDP has no back pressure: messages received while a batch is handed on wait here, up to this many, then are dropped.
const MAX_WAITING = 10_000;
// A flood of bad datagrams is counted in full but logged at most once per reason in this long.
const LOG_EVERY_MS = 10_000;

/**
 * Receives GELF datagrams on UDP. Complete messages are batched and handed on one batch at a time; whatever cannot
 * be read (a bad chunk, an incomplete or oversized message, bad compression, invalid JSON) is counted in
 * collector_source_dropped_lines_total with its reason and logged, and the source carries on.
 */
export class GelfSource implements Source {
  readonly id: string;
  readonly #config: GelfSourceConfig;
  readonly #ctx: SourceContext;
  readonly #metrics: SourceMetrics;
  readonly #assembler: ChunkAssembler;
  readonly #abort = new AbortController();
  readonly #loggedAt = new Map<string, number>();
  #socket: dgram.Socket | undefined;
  #expiry: NodeJS.Timeout | undefined;
  #waiting: Received[] = [];
  #flushing: Promise<void> | undefined;

  constructor(config: GelfSourceConfig, ctx: SourceContext) {
    this.id = ctx.id;
    this.#config = config;
    this.#ctx = ctx;
    this.#metrics = createSourceMetrics(ctx.registry, ctx.id);
    this.#assembler = new ChunkAssembler({
      maxMessageBytes: config.max_message_bytes,
      timeoutMs: config.chunk_timeout_ms,
      maxOpenMessages: config.max_open_messages,
    });
  }

  /** The bound UDP port (useful with port 0); 0 before start. */
  get port(): number {
    return this.#socket?.address().port ?? 0;
  }

  async start(): Promise<void> {
    if (this.#socket) return;
    const { host, port } = splitListenAddress(this.#config.listen_address);
    const socket = dgram.createSocket(net.isIPv6(host) ? 'udp6' : 'udp4');
    this.#socket = socket;
    socket.on('message', (datagram) => this.#receive(datagram));
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(port, host, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    socket.on('error', (err) => this.#ctx.logger.error('GELF socket error', { source: this.id, error: err.message }));
    const every = Math.max(100, Math.min(1000, this.#config.chunk_timeout_ms / 2));
    this.#expiry = setInterval(() => this.#assembler.expire(Date.now()).forEach((e) => this.#drop(e)), every);
    this.#expiry.unref();
  }

  #receive(datagram: Buffer): void {
    this.#metrics.bytes.inc(datagram.length);
    try {
      const payload = isChunk(datagram)
        ? this.#assembler.push(datagram, Date.now(), (err) => this.#drop(err))
        : datagram;
      if (payload === undefined) return;
      const msg = parseGelf(payloadText(payload, this.#config.max_message_bytes));
      if (this.#waiting.length >= MAX_WAITING) {
        this.#metrics.dropped('backpressure').inc();
        return;
      }
      const incoming = this.#config.use_incoming_timestamp ? gelfTimestampNs(msg) : undefined;
      this.#waiting.push({
        line: gelfLine(msg),
        labels: gelfLabels(msg, copyLabels(this.#config.labels)),
        timestampNs: incoming ?? nowNs(),
      });
      this.#flushing ??= this.#flush();
    } catch (err) {
      if (!(err instanceof GelfError)) throw err;
      this.#drop(err);
    }
  }

  /** Hands on what is waiting, batch after batch, until nothing is. */
  async #flush(): Promise<void> {
    try {
      while (this.#waiting.length > 0 && !this.#abort.signal.aborted) {
        const batch = this.#waiting;
        this.#waiting = [];
        const entries = (): LogEntry[] =>
          batch.map((r) => ({
            timestampNs: r.timestampNs,
            line: r.line,
            labels: copyLabels(r.labels),
            structuredMetadata: {},
            extracted: {},
          }));
        await emitBatch(entries, this.#ctx.next, this.#abort.signal, this.#metrics, this.#ctx.logger, this.id);
      }
    } finally {
      this.#flushing = undefined;
    }
  }

  #drop(err: GelfError): void {
    this.#metrics.dropped(err.reason).inc();
    const now = Date.now();
    if (now - (this.#loggedAt.get(err.reason) ?? -Infinity) < LOG_EVERY_MS) return;
    this.#loggedAt.set(err.reason, now);
    this.#ctx.logger.warn('GELF message dropped', { source: this.id, reason: err.reason, error: err.message });
  }

  async shutdown(signal: AbortSignal): Promise<void> {
    const socket = this.#socket;
    if (!socket) return;
    this.#socket = undefined;
    clearInterval(this.#expiry);
    await new Promise<void>((resolve) => socket.close(() => resolve()));
    // What was received is handed on unless the caller runs out of time: UDP has no acknowledgement to withhold.
    const onAbort = (): void => this.#abort.abort(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    await this.#flushing;
    signal.removeEventListener('abort', onAbort);
  }
}
