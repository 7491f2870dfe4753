import type * as http from 'node:http';
import type { InFlightReservation } from './in-flight-budget';

/**
 * Reads a request body into `reservation` (the shared in-flight limit), refusing a declared Content-Length before a
 * byte is read. Rejects with `overMax(declared)` past `maxBytes`, or with the reservation's error (QueueFullError,
 * RequestTooLargeError); the rest of a refused body is read and discarded, so the client still sees the answer.
 */
export function readBody(req: http.IncomingMessage, maxBytes: number, reservation: InFlightReservation, overMax: (declared?: number) => Error): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (err: Error): void => {
      req.removeAllListeners('data');
      req.resume();
      chunks.length = 0;
      reject(err);
    };
    if (declared > maxBytes) return stop(overMax(declared));
    try {
      if (declared > 0) reservation.add(declared);
    } catch (err) {
      return stop(err as Error);
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return stop(overMax());
      try {
        if (!(declared >= size)) reservation.add(chunk.length); // chunked, or more than declared
      } catch (err) {
        return stop(err as Error);
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}
