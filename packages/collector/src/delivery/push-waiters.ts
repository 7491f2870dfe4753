/** Wakes whoever waits for a queue event: the sender loop for a push, a held-back source for an ack. */
export class PushWaiters {
  #waiters = new Set<() => void>();

  /** Resolves on the next wake(), after `timeoutMs`, or when `signal` aborts; without a signal the wait keeps no process alive. */
  wait(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.#waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      if (!signal) timer.unref();
      if (signal?.aborted) return done();
      signal?.addEventListener('abort', done, { once: true });
      this.#waiters.add(done);
    });
  }

  wake(): void {
    for (const done of [...this.#waiters]) done();
  }
}
