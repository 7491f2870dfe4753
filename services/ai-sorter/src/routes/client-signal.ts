import type { Response } from 'express';

/** Aborts when the client goes away before the answer is sent, so an LLM call in flight for it is cancelled. */
export function clientSignal(res: Response): AbortSignal {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}
