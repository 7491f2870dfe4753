export interface WaitOptions {
  /** Resolves the wait early when it aborts. */
  signal?: AbortSignal;
  /** The timer keeps no process alive (a wait that only paces a retry). */
  unref?: boolean;
}

/**
 * Wakes whoever waits for an event before their timeout: a queue's sender loop on a push, a held-back source on an
 * ack, an idle file tailer on a file change, the remote write sender on a full batch.
 */
export class Waiters {
  #waiters = new Set<() => void>();

  /** Resolves on the next wake(), after `timeoutMs`, or when the signal aborts. */
  wait(timeoutMs: number, { signal, unref = false }: WaitOptions = {}): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.#waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      if (unref) timer.unref();
      if (signal?.aborted) return done();
      signal?.addEventListener('abort', done, { once: true });
      this.#waiters.add(done);
    });
  }

  wake(): void {
    for (const done of [...this.#waiters]) done();
  }
}
