import type * as net from 'node:net';
import { splitListenAddress } from '../syslog/config';
import { TcpServer } from '../tcp-server';
import { GelfError } from './chunks';
import type { GelfIntake, Received } from './intake';
import { parseGelf } from './message';
import { NullFramer } from './null-framing';

// A peer that vanished (host down, cable pulled) without closing is found by TCP keep-alive probes after this long.
const KEEP_ALIVE_MS = 60_000;

/**
 * GELF over TCP: uncompressed messages each ended by a null byte. A connection stops being read while its batch is
 * handed on (TCP back pressure on the sender); a message that cannot be read is counted and logged, and the
 * connection goes on. A message over max_message_bytes is skipped; one left unfinished for frame_timeout_ms, and with
 * idle_timeout_ms a silent connection, is closed.
 */
export class GelfTcpListener {
  readonly #intake: GelfIntake;
  readonly #server: TcpServer;

  constructor(intake: GelfIntake) {
    this.#intake = intake;
    const { config } = intake;
    this.#server = new TcpServer((socket) => this.#serve(socket), {
      maxConnections: {
        limit: config.max_connections,
        refused: (peer) =>
          intake.warn('max_connections', 'GELF connection refused: max_connections are open', {
            max_connections: config.max_connections,
            peer: peer?.remoteAddress,
          }),
      },
      keepAliveMs: KEEP_ALIVE_MS,
      waitForServing: true,
    });
  }

  get port(): number {
    return this.#server.port;
  }

  async start(): Promise<void> {
    const { host, port } = splitListenAddress(this.#intake.config.listen_address);
    await this.#server.listen(port, host);
  }

  async #serve(socket: net.Socket): Promise<void> {
    const intake = this.#intake;
    const { config } = intake;
    // Set when this side cuts the connection: what was unfinished then is no message.
    let cut = false;
    const cutOff = (): void => {
      cut = true;
      socket.destroy();
    };
    if (config.idle_timeout_ms > 0) socket.setTimeout(config.idle_timeout_ms, cutOff);
    const framer = new NullFramer(config.max_message_bytes);
    let frameTimer: NodeJS.Timeout | undefined;
    const stopFrameTimer = (): void => {
      clearTimeout(frameTimer);
      frameTimer = undefined;
    };
    const startFrameTimer = (): void => {
      if (!framer.unfinished || frameTimer !== undefined) return;
      frameTimer = setTimeout(() => {
        intake.drop(
          new GelfError(
            'incomplete_message',
            `a message was not ended by its null byte within frame_timeout_ms (${config.frame_timeout_ms}); connection closed`,
          ),
        );
        cutOff();
      }, config.frame_timeout_ms);
    };
    try {
      for await (const chunk of socket) {
        intake.metrics.bytes.inc((chunk as Buffer).length);
        const { frames, tooLarge } = framer.push(chunk as Buffer);
        if (tooLarge > 0)
          intake.drop(
            new GelfError('too_large', `message over max_message_bytes (${config.max_message_bytes}) skipped`),
            tooLarge,
          );
        // The clock of an unfinished message starts after the last one that ended.
        if (frames.length > 0 || tooLarge > 0) stopFrameTimer();
        const batch = this.#read(frames);
        if (batch.length === 0) {
          startFrameTimer();
          continue;
        }
        // Waiting for the pipeline is not the sender's slowness: neither timeout runs meanwhile.
        socket.setTimeout(0);
        if (!(await intake.handOn(batch))) {
          cut = true;
          break;
        }
        if (config.idle_timeout_ms > 0) socket.setTimeout(config.idle_timeout_ms);
        startFrameTimer();
      }
      // A sender may end its last message by closing the connection instead of a null byte.
      const last = cut || this.#server.closing ? undefined : framer.end();
      if (last !== undefined) {
        const batch = this.#read([last]);
        if (batch.length > 0) await intake.handOn(batch);
      }
    } catch {
      // A reset connection ends like a closed one.
    } finally {
      stopFrameTimer();
    }
  }

  #read(frames: readonly Buffer[]): Received[] {
    const batch: Received[] = [];
    for (const frame of frames) {
      try {
        batch.push(this.#intake.build(parseGelf(frame.toString('utf8'))));
      } catch (err) {
        if (!(err instanceof GelfError)) throw err;
        this.#intake.drop(err);
      }
    }
    return batch;
  }

  /** Stops listening and reading; a batch being handed on finishes (TCP here has no acknowledgement to withhold). */
  close(): Promise<void> {
    return this.#server.close();
  }
}
