import * as v8 from 'node:v8';
import type { Registry } from 'prom-client';
import { ProtocolError, QueueFullError } from '../errors';
import { counter, gauge } from '../telemetry/metric-factory';
import type { InFlightBudget, InFlightReservation } from '../component';

// The contracts sit in component.ts, below sources/; receivers keep importing them beside the implementation.
export type { InFlightBudget, InFlightReservation };

const MiB = 1024 * 1024;

/** One request is larger than the whole in-flight limit: it could never be taken (413). */
export class RequestTooLargeError extends ProtocolError {
  override readonly name = 'RequestTooLargeError';
  constructor(message: string) {
    super(413, message);
  }
}

/**
 * Default limit: a sixteenth of V8's heap limit (decoding a JSON body costs several times its size in the heap),
 * within 32..512 MiB: 256 MiB under Node 20's default 4 GiB heap.
 */
export function defaultInFlightBytes(heapLimit = v8.getHeapStatistics().heap_size_limit): number {
  return Math.min(512 * MiB, Math.max(32 * MiB, Math.floor(heapLimit / 16)));
}

export function createInFlightBudget(limitBytes: number, registry?: Registry): InFlightBudget {
  let used = 0;
  const inUse =
    registry &&
    gauge(
      registry,
      'collector_in_flight_bytes',
      'Bytes of request bodies being received and decoded by all receivers',
      [],
    );
  const refused =
    registry &&
    counter(
      registry,
      'collector_in_flight_refused_requests_total',
      'Requests answered 429/RESOURCE_EXHAUSTED (or 413 when larger than the limit) because limits.max_in_flight_bytes was reached',
      ['reason'],
    );
  if (registry) gauge(registry, 'collector_in_flight_limit_bytes', 'limits.max_in_flight_bytes', []).set(limitBytes);
  return {
    limitBytes,
    open() {
      let held = 0;
      return {
        add(bytes) {
          if (held + bytes > limitBytes) {
            refused?.labels('too_large').inc();
            throw new RequestTooLargeError(
              `request body of at least ${held + bytes} bytes is over the collector's limits.max_in_flight_bytes (${limitBytes})`,
            );
          }
          if (used + bytes > limitBytes) {
            refused?.labels('over_limit').inc();
            throw new QueueFullError(
              `collector is receiving ${used} bytes of requests, near limits.max_in_flight_bytes (${limitBytes}); retry later`,
              1000,
            );
          }
          used += bytes;
          held += bytes;
          inUse?.set(used);
        },
        release() {
          used -= held;
          held = 0;
          inUse?.set(used);
        },
      };
    },
  };
}

/** No limit: for a receiver built outside a running collector (tests, tools). */
export const unlimitedBudget: InFlightBudget = createInFlightBudget(Number.MAX_SAFE_INTEGER);
