import { setTimeout as sleep } from 'node:timers/promises';

/** Waits `ms`, or rejects (an AbortError whose cause is the signal's reason) as soon as the signal aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return sleep(ms, undefined, { signal });
}
