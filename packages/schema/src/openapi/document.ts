import { z } from 'zod';
import { BatchStats, ClassifyRequest, ClassifyResponse, ClassifyResult } from '../classify';
import { ErrorBody } from '../errors';
import { HealthResponse, ReadyResponse } from '../health';
import { Item } from '../items';
import { SortItem, SortRequest, SortResponse } from '../sort';

export type OpenApiDocument = Record<string, unknown>;

const components = {
  Item,
  ClassifyRequest,
  ClassifyResult,
  BatchStats,
  ClassifyResponse,
  SortItem,
  SortRequest,
  SortResponse,
  ErrorBody,
  HealthResponse,
  ReadyResponse,
} as const;

function ref(name: keyof typeof components) {
  return { $ref: `#/components/schemas/${name}` };
}

function json(name: keyof typeof components, description: string) {
  return { description, content: { 'application/json': { schema: ref(name) } } };
}

function errors(...statuses: Array<'400' | '401' | '413' | '415' | '500'>) {
  const text = {
    '400':
      'invalid_request: the body is not JSON, not valid for its Content-Encoding, or failed validation (issues name each failing field path)',
    '401': 'unauthorized: API keys are configured and the request has none or a wrong one',
    '413': 'body_too_large: the body exceeds BODY_LIMIT (the message states the limit in bytes)',
    '415': 'unsupported_media_type: Content-Type is not application/json',
    '500': 'internal: an unexpected error (never a stack trace)',
  };
  return Object.fromEntries(statuses.map((s) => [s, json('ErrorBody', text[s])]));
}

function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io: 'input',
    // JsonObject is a custom check (a copy would drop `__proto__`); its meta gives its JSON Schema.
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  // OpenAPI components carry neither $schema nor $id; they are addressed by their key.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _s, $id: _i, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
}

const secured = [{ bearerAuth: [] }, { apiKeyHeader: [] }];

// Swagger UI's "Try it out" starts from these; without them it builds a body from every optional field, which
// sends both `body` and `content` and is answered 400.
const classifyExample = {
  items: [
    { id: 'a', type: 'log', body: 'ERROR db-1: connection refused to 10.0.0.7:5432, user bob@example.com' },
    { id: 'b', type: 'event', content: { message: 'user alice logged in', level: 'info' } },
  ],
};
const sortExample = {
  request_id: 'r-7',
  items: [
    {
      type: 'log',
      content: { message: 'Failed password for root from 203.0.113.9 port 22', level: 'warning' },
      timestamp: '2026-01-01T00:00:00Z',
    },
  ],
};

function requestBody(name: 'ClassifyRequest' | 'SortRequest', example: unknown) {
  return { required: true, content: { 'application/json': { schema: ref(name), example } } };
}

/** Builds the OpenAPI 3.1 document of the ai-sorter from the zod schemas (the single source). */
export function buildOpenApiDocument(): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'ai-sorter',
      version: '0.1.0',
      description:
        'Classifies telemetry items (severity, category, destination) with an LLM behind a template cache, a rate limiter and a circuit breaker, falling back to deterministic rules. Only PII-redacted text leaves the process.',
    },
    servers: [{ url: '/', description: 'The server this document was fetched from' }],
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'One of SORTER_API_KEYS (only when set)' },
        apiKeyHeader: {
          type: 'apiKey',
          in: 'header',
          name: 'X-API-Key',
          description: 'One of SORTER_API_KEYS (only when set)',
        },
      },
    },
    paths: {
      '/classify': {
        post: {
          operationId: 'classify',
          summary: 'Classify a batch of items',
          security: secured,
          requestBody: requestBody('ClassifyRequest', classifyExample),
          responses: {
            '200': json('ClassifyResponse', 'One result per item, matched by id'),
            ...errors('400', '401', '413', '415', '500'),
          },
        },
      },
      '/sort': {
        post: {
          operationId: 'sort',
          summary: "The seed sorter's contract, answered by the same classifier",
          security: secured,
          requestBody: requestBody('SortRequest', sortExample),
          responses: {
            '200': json('SortResponse', 'One entry per item, PII redacted'),
            ...errors('400', '401', '413', '415', '500'),
          },
        },
      },
      '/healthz': {
        get: { operationId: 'healthz', summary: 'Liveness', responses: { '200': json('HealthResponse', 'Alive') } },
      },
      '/readyz': {
        get: {
          operationId: 'readyz',
          summary: 'Readiness: ready whenever the service can answer, whatever the LLM or breaker state',
          responses: { '200': json('ReadyResponse', 'Ready'), '503': json('ReadyResponse', 'Draining after SIGTERM') },
        },
      },
      '/metrics': {
        get: {
          operationId: 'metrics',
          summary: 'Prometheus metrics',
          responses: {
            '200': {
              description: 'Prometheus text exposition',
              content: { 'text/plain': { schema: { type: 'string' } } },
            },
          },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'openapi',
          summary: 'This document',
          responses: {
            '200': {
              description: 'OpenAPI 3.1 document',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
          },
        },
      },
    },
  };
}
