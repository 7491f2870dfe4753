import express, { type Express } from 'express';
import type { Logger } from 'winston';
import type { BreakerState } from './classifiers/breaker-state';
import type { Redactor } from './items/prepare';
import type { Admission } from './middleware/admission';
import { requireApiKey } from './middleware/auth';
import { errorHandler, notFound } from './middleware/error-handler';
import { observeRequests } from './middleware/observe';
import { requestId } from './middleware/request-id';
import { requireJson } from './middleware/require-json';
import type { Metrics } from './observability/metrics';
import { classifyRoute } from './routes/classify';
import { docsRouter } from './routes/docs';
import { healthzRoute, readyzRoute, type Readiness } from './routes/health';
import { metricsRoute } from './routes/metrics';
import { sortRoute } from './routes/sort';
import type { Sorter } from './sorter';

export interface AppDeps {
  readonly sorter: Sorter;
  readonly redactor: Redactor;
  readonly metrics: Metrics;
  readonly logger: Logger;
  readonly apiKeys: readonly string[];
  readonly maxBatchItems: number;
  readonly bodyLimit: string;
  readonly llmConfigured: boolean;
  readonly breakerState: () => BreakerState;
  readonly readiness: Readiness;
  /** Bounds the batch requests being read and prepared at once (MAX_PREPARING_REQUESTS). */
  readonly admission: Admission;
}

/** Builds the Express app from injected parts; no I/O, no listening. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestId(deps.redactor));
  app.use(observeRequests(deps));

  const json = express.json({ limit: deps.bodyLimit, type: 'application/json' });
  const guarded = [requireApiKey(deps.apiKeys), requireJson(), deps.admission.admit, json];
  app.post('/classify', ...guarded, classifyRoute(deps));
  app.post('/sort', ...guarded, sortRoute(deps));
  app.get('/healthz', healthzRoute());
  app.get('/readyz', readyzRoute(deps));
  app.get('/metrics', metricsRoute(deps.metrics.registry));
  app.use(docsRouter());

  app.use(notFound());
  app.use(errorHandler(deps));
  return app;
}
