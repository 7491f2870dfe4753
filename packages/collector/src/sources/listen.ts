import type * as dgram from 'node:dgram';
import type { EventEmitter } from 'node:events';
import type * as net from 'node:net';

/** Listens on `port`/`address` (TCP or HTTP); a bind error (a port in use) rejects instead of reaching the process as an event. */
export function listen(server: net.Server, port: number, address: string): Promise<void> {
  return opened(server, (done) => server.listen(port, address, done));
}

/** Binds a UDP socket to `port`/`address`; a bind error (a port in use) rejects instead of reaching the process as an event. */
export function bind(socket: dgram.Socket, port: number, address: string): Promise<void> {
  return opened(socket, (done) => socket.bind(port, address, done));
}

/** Runs `open`, resolving when it calls back and rejecting on an 'error' event meanwhile. */
function opened(target: EventEmitter, open: (done: () => void) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    target.once('error', reject);
    open(() => {
      target.off('error', reject);
      resolve();
    });
  });
}
