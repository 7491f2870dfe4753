import type { RequestHandler, Response } from 'express';
import type { Metrics } from '../observability/metrics';

/**
 * Bounds the batch requests whose CPU-heavy part (reading and parsing the body, validation, the per-item work and
 * mining) runs at once. The rest wait with their bodies unread, so the event loop never holds a long backlog of batch
 * work and /healthz and /readyz answer quickly at any load. Waiting for the LLM happens after the slot is freed.
 */
export interface Admission {
  /** Middleware, before the body parser: waits for a slot; the slot is freed by release() or when the response closes. */
  readonly admit: RequestHandler;
  /** Frees the request's slot once its CPU-heavy part is done; idempotent. */
  release(res: Response): void;
}

export function createAdmission(maxConcurrent: number, deps: { metrics: Metrics }): Admission {
  let running = 0;
  const admitted = new WeakSet<Response>();
  const waiting = new Map<Response, () => void>();
  const updateDepth = () => deps.metrics.admissionQueueDepth.set(waiting.size);

  const start = (res: Response, next: () => void) => {
    running += 1;
    admitted.add(res);
    next();
  };
  const release = (res: Response) => {
    if (!admitted.delete(res)) return;
    running -= 1;
    // Map iteration is insertion order: the longest waiting request goes next.
    const first = waiting.entries().next();
    if (first.done) return;
    const [nextRes, nextHandler] = first.value;
    waiting.delete(nextRes);
    updateDepth();
    start(nextRes, nextHandler);
  };

  return {
    admit(_req, res, next) {
      res.once('close', () => {
        // A client that left while waiting gives up its place; one that was admitted frees its slot.
        if (waiting.delete(res)) updateDepth();
        release(res);
      });
      if (running < maxConcurrent) return start(res, next);
      waiting.set(res, next);
      updateDepth();
    },
    release,
  };
}
