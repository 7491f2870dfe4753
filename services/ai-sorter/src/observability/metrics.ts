import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Every sorter metric, registered on one registry per app so tests and replicas never share state. */
export function createMetrics(options: { defaultMetrics?: boolean } = {}) {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'sorter_' });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'sorter_http_requests_total',
      help: 'HTTP requests by route, method and status',
      labelNames: ['route', 'method', 'status'] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: 'sorter_http_request_duration_seconds',
      help: 'HTTP request duration by route',
      labelNames: ['route', 'method'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    items: new Counter({
      name: 'sorter_items_total',
      help: 'Classified items by decided_by, severity and category',
      labelNames: ['decided_by', 'severity', 'category'] as const,
      registers,
    }),
    llmCalls: new Counter({
      name: 'sorter_llm_calls_total',
      help: 'LLM calls by outcome (ok, partial, invalid_response, http_4xx, http_429, http_5xx, timeout, connection)',
      labelNames: ['outcome'] as const,
      registers,
    }),
    llmDuration: new Histogram({
      name: 'sorter_llm_request_duration_seconds',
      help: 'LLM call latency',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers,
    }),
    llmTokens: new Counter({
      name: 'sorter_llm_tokens_total',
      help: 'LLM tokens reported by the API, by kind (prompt, completion)',
      labelNames: ['kind'] as const,
      registers,
    }),
    breakerState: new Gauge({
      name: 'sorter_breaker_state',
      help: 'Circuit breaker state: 0 closed, 1 half-open, 2 open',
      registers,
    }),
    breakerTransitions: new Counter({
      name: 'sorter_breaker_transitions_total',
      help: 'Circuit breaker transitions by target state',
      labelNames: ['to'] as const,
      registers,
    }),
    limiterQueueDepth: new Gauge({
      name: 'sorter_limiter_queue_depth',
      help: 'LLM calls waiting in the rate limiter queue',
      registers,
    }),
    admissionQueueDepth: new Gauge({
      name: 'sorter_admission_queue_depth',
      help: 'Batch requests waiting, body unread, for one of the MAX_PREPARING_REQUESTS slots',
      registers,
    }),
    limiterDropped: new Counter({
      name: 'sorter_limiter_dropped_total',
      help: 'LLM calls not made by the limiter, by reason (queue_full, queue_wait, requests_budget, tokens_budget, retry_after, limiter_error)',
      labelNames: ['reason'] as const,
      registers,
    }),
    cacheLookups: new Counter({
      name: 'sorter_cache_lookups_total',
      help: 'Template cache lookups per item by result (hit, miss, error)',
      labelNames: ['result'] as const,
      registers,
    }),
    redactions: new Counter({
      name: 'sorter_redactions_total',
      help: 'PII values redacted from items, by PII type',
      labelNames: ['type'] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
