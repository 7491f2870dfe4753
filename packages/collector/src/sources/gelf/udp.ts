import * as dgram from 'node:dgram';
import * as net from 'node:net';
import { bind } from '../listen';
import { splitListenAddress } from '../syslog/config';
import { ChunkAssembler, GelfError, isChunk } from './chunks';
import type { GelfIntake, Received } from './intake';
import { kernelUdpDrops } from './kernel-drops';
import { parseGelf, payloadText } from './message';

// UDP has no back pressure: messages received while a batch is handed on wait here, up to this many, then are dropped.
const MAX_WAITING = 10_000;
// How often the kernel's drop count for the socket is read; only Linux has /proc/net/udp to read it from.
const KERNEL_DROPS_EVERY_MS = 5_000;
const ON_LINUX = process.platform === 'linux';

/**
 * GELF datagrams: plain, zlib or gzip, or chunks reassembled into a message. Complete messages are batched and handed
 * on one batch at a time; datagrams the kernel dropped for want of receive buffer are counted as `receive_buffer_full`.
 */
export class GelfUdpListener {
  readonly #intake: GelfIntake;
  readonly #assembler: ChunkAssembler;
  #socket: dgram.Socket | undefined;
  #timers: NodeJS.Timeout[] = [];
  #waiting: Received[] = [];
  #flushing: Promise<void> | undefined;
  #kernelDrops = 0;

  constructor(intake: GelfIntake) {
    this.#intake = intake;
    const { config } = intake;
    this.#assembler = new ChunkAssembler({
      maxMessageBytes: config.max_message_bytes,
      timeoutMs: config.chunk_timeout_ms,
      maxOpenMessages: config.max_open_messages,
    });
  }

  get port(): number {
    return this.#socket?.address().port ?? 0;
  }

  async start(): Promise<void> {
    const { config, ctx } = this.#intake;
    const { host, port } = splitListenAddress(config.listen_address);
    const socket = dgram.createSocket(net.isIPv6(host) ? 'udp6' : 'udp4');
    this.#socket = socket;
    socket.on('message', (datagram) => this.#receive(datagram));
    await bind(socket, port, host);
    socket.on('error', (err) => ctx.logger.error('GELF socket error', { source: ctx.id, error: err.message }));
    this.#sizeReceiveBuffer(socket);
    const every = Math.max(100, Math.min(1000, config.chunk_timeout_ms / 2));
    this.#timers.push(
      setInterval(() => this.#assembler.expire(Date.now()).forEach((e) => this.#intake.drop(e)), every),
    );
    if (ON_LINUX) this.#timers.push(setInterval(() => void this.#countKernelDrops(), KERNEL_DROPS_EVERY_MS));
    for (const timer of this.#timers) timer.unref();
  }

  /** Asks for receive_buffer_bytes; Linux grants at most net.core.rmem_max (and reports twice what it grants). */
  #sizeReceiveBuffer(socket: dgram.Socket): void {
    const { config, ctx } = this.#intake;
    const wanted = config.receive_buffer_bytes;
    if (wanted === 0) return;
    try {
      socket.setRecvBufferSize(wanted);
    } catch (err) {
      ctx.logger.warn('GELF receive buffer not set', { source: ctx.id, error: (err as Error).message });
      return;
    }
    const granted = socket.getRecvBufferSize();
    if (ON_LINUX && granted < 2 * wanted)
      ctx.logger.warn('GELF receive buffer smaller than receive_buffer_bytes: raise net.core.rmem_max to allow it', {
        source: ctx.id,
        receive_buffer_bytes: wanted,
        granted_bytes: granted / 2,
      });
  }

  async #countKernelDrops(): Promise<void> {
    const socket = this.#socket;
    if (!socket) return;
    const { address, port } = socket.address();
    const drops = await kernelUdpDrops(address, port);
    if (drops === undefined || drops <= this.#kernelDrops) return;
    const more = drops - this.#kernelDrops;
    this.#kernelDrops = drops;
    this.#intake.drop(
      new GelfError(
        'receive_buffer_full',
        `the kernel dropped ${more} datagram(s): the receive buffer was full (receive_buffer_bytes)`,
      ),
      more,
    );
  }

  #receive(datagram: Buffer): void {
    const intake = this.#intake;
    intake.metrics.bytes.inc(datagram.length);
    try {
      const payload = isChunk(datagram)
        ? this.#assembler.push(datagram, Date.now(), (err) => intake.drop(err))
        : datagram;
      if (payload === undefined) return;
      const msg = parseGelf(payloadText(payload, intake.config.max_message_bytes));
      // Checked before the message is built: when short of CPU, a dropped datagram costs no more than its parse.
      if (this.#waiting.length >= MAX_WAITING) {
        intake.metrics.dropped('backpressure').inc();
        return;
      }
      this.#waiting.push(intake.build(msg));
      this.#flushing ??= this.#flush();
    } catch (err) {
      if (!(err instanceof GelfError)) throw err;
      intake.drop(err);
    }
  }

  /** Hands on what is waiting, batch after batch, until nothing is. */
  async #flush(): Promise<void> {
    try {
      while (this.#waiting.length > 0 && !this.#intake.stopped) {
        const batch = this.#waiting;
        this.#waiting = [];
        await this.#intake.handOn(batch);
      }
    } finally {
      this.#flushing = undefined;
    }
  }

  /** Closes the socket, then waits for what was received to be handed on (UDP has no acknowledgement to withhold). */
  async close(): Promise<void> {
    const socket = this.#socket;
    if (!socket) return;
    if (ON_LINUX) await this.#countKernelDrops();
    this.#socket = undefined;
    for (const timer of this.#timers) clearInterval(timer);
    await new Promise<void>((resolve) => socket.close(() => resolve()));
    await this.#flushing;
  }
}
