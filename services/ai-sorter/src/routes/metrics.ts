import type { RequestHandler } from 'express';
import type { Registry } from 'prom-client';

export function metricsRoute(registry: Registry): RequestHandler {
  return async (_req, res) => {
    res.set('Content-Type', registry.contentType);
    res.send(await registry.metrics());
  };
}
