import type * as dgram from 'node:dgram';
import type * as net from 'node:net';

/** Listens on `port`/`address` (TCP or HTTP); a bind error (a port in use) rejects instead of reaching the process as an event. */
export async function listen(server: net.Server, port: number, address: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Binds a UDP socket to `port`/`address`; a bind error (a port in use) rejects instead of reaching the process as an event. */
export async function bind(socket: dgram.Socket, port: number, address: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, address, () => {
      socket.off('error', reject);
      resolve();
    });
  });
}
