import type { ComponentDefinition, Source, SourceContext } from '../../component';
import { gelfSourceConfig, type GelfSourceConfig } from './config';
import { GelfIntake } from './intake';
import { GelfTcpListener } from './tcp';
import { GelfUdpListener } from './udp';

export const gelfSourceDefinition: ComponentDefinition<GelfSourceConfig, GelfSource, SourceContext> = {
  type: 'gelf',
  description:
    "GELF over UDP (chunked, zlib or gzip) or TCP (null-byte framed), the whole message as the line, with Promtail's __gelf_* labels",
  config: gelfSourceConfig,
  create: (config, ctx) => new GelfSource(config, ctx),
};

/**
 * Receives GELF messages over UDP or TCP (`protocol`). Whatever cannot be read (a bad chunk or frame, an incomplete
 * or oversized message, bad compression, invalid JSON) is counted in collector_source_dropped_lines_total with its
 * reason and logged, and the source carries on.
 */
export class GelfSource implements Source {
  readonly id: string;
  readonly #intake: GelfIntake;
  readonly #listener: GelfUdpListener | GelfTcpListener;
  #started = false;

  constructor(config: GelfSourceConfig, ctx: SourceContext) {
    this.id = ctx.id;
    this.#intake = new GelfIntake(config, ctx);
    this.#listener = config.protocol === 'tcp' ? new GelfTcpListener(this.#intake) : new GelfUdpListener(this.#intake);
  }

  /** The bound port (useful with port 0); 0 before start. */
  get port(): number {
    return this.#listener.port;
  }

  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    await this.#listener.start();
  }

  async shutdown(signal: AbortSignal): Promise<void> {
    if (!this.#started) return;
    // What was received is handed on unless the caller runs out of time.
    const onAbort = (): void => this.#intake.stop(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    await this.#listener.close();
    signal.removeEventListener('abort', onAbort);
  }
}
