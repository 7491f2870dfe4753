/**
 * The seam between every two steps of the collector.
 * Resolves once the next step accepted the batch (delivered, or durably queued); rejects with
 * RetryableError | PermanentError | ShutdownError. The caller must not touch the batch afterwards.
 */
export interface Consumer<T> {
  consume(batch: T, signal: AbortSignal): Promise<void>;
}

/** start() then shutdown(); shutdown is idempotent, safe without start, stops intake, drains, honours signal. */
export interface Lifecycle {
  start(): Promise<void>;
  shutdown(signal: AbortSignal): Promise<void>;
}
