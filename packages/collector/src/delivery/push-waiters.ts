/** Wakes a waiting sender loop when a queue receives data. */
export class PushWaiters {
  #waiters = new Set<() => void>();

  wait(timeoutMs: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.#waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      if (signal.aborted) return done();
      signal.addEventListener('abort', done, { once: true });
      this.#waiters.add(done);
    });
  }

  wake(): void {
    for (const done of [...this.#waiters]) done();
  }
}
