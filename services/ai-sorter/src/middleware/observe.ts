import type { RequestHandler } from 'express';
import type { Logger } from 'winston';
import type { Metrics } from '../observability/metrics';

/** Counts and times every request by its route pattern (never the raw path) and writes one access log line. */
export function observeRequests(deps: { metrics: Metrics; logger: Logger }): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      deps.metrics.httpRequests.inc({ route, method: req.method, status: String(res.statusCode) });
      deps.metrics.httpDuration.observe({ route, method: req.method }, seconds);
      deps.logger.info('request', {
        request_id: res.locals.requestId,
        method: req.method,
        route,
        status: res.statusCode,
        duration_ms: Math.round(seconds * 1e6) / 1e3,
      });
    });
    next();
  };
}
