/** The LLM's Retry-After as a pause on every LLM call, queued or new; in this process, or shared through Redis. */
export interface RetryAfterPause {
  /** Milliseconds until calls may go out again; 0 when not paused. */
  remainingMs(): Promise<number>;
  /** Pauses calls for `ms` from now, unless a longer pause is already in force. */
  pauseFor(ms: number): Promise<void>;
}

export function createMemoryRetryAfterPause(clock: () => number = Date.now): RetryAfterPause {
  let until = 0;
  return {
    async remainingMs() {
      return Math.max(0, until - clock());
    },
    async pauseFor(ms) {
      until = Math.max(until, clock() + ms);
    },
  };
}
