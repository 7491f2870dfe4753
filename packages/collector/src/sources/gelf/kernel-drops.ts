import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';

/**
 * The datagrams the kernel dropped for the UDP socket bound to `host`:`port` (its receive buffer was full): the
 * `drops` column of Linux's /proc/net/udp or udp6. Undefined where there is no such file or no such socket.
 */
export async function kernelUdpDrops(host: string, port: number): Promise<number | undefined> {
  const v6 = net.isIPv6(host);
  let table: string;
  try {
    table = await fs.promises.readFile(v6 ? '/proc/net/udp6' : '/proc/net/udp', 'latin1');
  } catch {
    return undefined;
  }
  const portHex = port.toString(16).toUpperCase().padStart(4, '0');
  // IPv4 addresses are written as one 32-bit word in the machine's byte order; IPv6 ones are matched by port alone.
  const local = v6 ? undefined : `${ipv4Hex(host)}:${portHex}`;
  for (const row of table.split('\n').slice(1)) {
    const cols = row.trim().split(/\s+/);
    if (cols.length < 13) continue;
    const matches = local === undefined ? cols[1].endsWith(`:${portHex}`) : cols[1] === local;
    if (matches) return Number(cols[cols.length - 1]);
  }
  return undefined;
}

function ipv4Hex(host: string): string {
  const bytes = host.split('.').map((b) => Number(b));
  if (os.endianness() === 'LE') bytes.reverse();
  return bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join('');
}
