import * as net from 'node:net';
import { listen } from './listen';

/** What only some TCP sources ask of their server. */
export interface TcpServerOptions {
  /** Connections beyond `limit` are refused at once; `refused` hears of each. */
  readonly maxConnections?: { readonly limit: number; readonly refused: (peer?: net.DropArgument) => void };
  /** A peer that vanished without closing is found by TCP keep-alive probes after this long idle. */
  readonly keepAliveMs?: number;
  /** close() also waits for the connections being served to finish (a batch being handed on). */
  readonly waitForServing?: boolean;
}

/**
 * A TCP server that serves each accepted connection with `serve` and keeps the open ones, so close() can stop
 * listening and cut them. A connection is destroyed once `serve` returns.
 */
export class TcpServer {
  readonly #serve: (socket: net.Socket) => Promise<void>;
  readonly #options: TcpServerOptions;
  readonly #sockets = new Set<net.Socket>();
  readonly #serving = new Set<Promise<void>>();
  #server: net.Server | undefined;
  #closing = false;

  constructor(serve: (socket: net.Socket) => Promise<void>, options: TcpServerOptions = {}) {
    this.#serve = serve;
    this.#options = options;
  }

  /** The bound port (useful with port 0); 0 before listen and after close. */
  get port(): number {
    return (this.#server?.address() as net.AddressInfo | null)?.port ?? 0;
  }

  get listening(): boolean {
    return this.#server !== undefined;
  }

  /** True once close() began: what a connection has left unfinished then is cut, not read. */
  get closing(): boolean {
    return this.#closing;
  }

  async listen(port: number, host: string): Promise<void> {
    if (this.#server) return;
    const { keepAliveMs, maxConnections } = this.#options;
    const server = net.createServer(
      keepAliveMs === undefined ? {} : { keepAlive: true, keepAliveInitialDelay: keepAliveMs },
      (socket) => this.#accept(socket),
    );
    if (maxConnections) {
      server.maxConnections = maxConnections.limit;
      server.on('drop', maxConnections.refused);
    }
    this.#server = server;
    await listen(server, port, host);
  }

  #accept(socket: net.Socket): void {
    this.#sockets.add(socket);
    // A reset connection ends its reader's loop; the error event itself must not reach the process.
    socket.on('error', () => undefined);
    const serving = this.#serve(socket).finally(() => {
      this.#sockets.delete(socket);
      socket.destroy();
      this.#serving.delete(serving);
    });
    this.#serving.add(serving);
  }

  /** Stops listening and cuts every open connection; with waitForServing, waits for them to finish. */
  async close(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = undefined;
    this.#closing = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.#sockets) socket.destroy();
    await Promise.all(this.#options.waitForServing ? [closed, ...this.#serving] : [closed]);
  }
}
