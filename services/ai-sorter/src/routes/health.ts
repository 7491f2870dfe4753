import type { RequestHandler } from 'express';
import type { HealthResponse, ReadyResponse } from '@obs/schema';
import type { BreakerState } from '../classifiers/breaker-state';

export interface Readiness {
  /** True once SIGTERM was received: the instance finishes in-flight work and should get no new traffic. */
  readonly draining: boolean;
}

export function healthzRoute(): RequestHandler {
  return (_req, res) => {
    const body: HealthResponse = { status: 'ok' };
    res.json(body);
  };
}

/** Ready whenever the instance can answer, which it can with the LLM down or the breaker open (the rules answer). */
export function readyzRoute(deps: {
  readiness: Readiness;
  llmConfigured: boolean;
  breakerState: () => BreakerState;
}): RequestHandler {
  return (_req, res) => {
    const body: ReadyResponse = {
      status: deps.readiness.draining ? 'draining' : 'ready',
      llm: { configured: deps.llmConfigured, breaker: deps.breakerState() },
    };
    res.status(deps.readiness.draining ? 503 : 200).json(body);
  };
}
