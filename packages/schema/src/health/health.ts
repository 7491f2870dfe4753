import { z } from 'zod';

export const breakerStates = ['closed', 'half_open', 'open'] as const;

export const HealthResponse = z
  .object({ status: z.literal('ok').describe('The process is alive') })
  .strict()
  .describe('Liveness answer');
export type HealthResponse = z.infer<typeof HealthResponse>;

export const ReadyResponse = z
  .object({
    status: z
      .enum(['ready', 'draining'])
      .describe('ready: can answer /classify; draining: shutting down, stop routing here'),
    llm: z
      .object({
        configured: z.boolean().describe('Whether an LLM API key is set (without one the rules answer)'),
        breaker: z.enum(breakerStates).describe('Circuit breaker state; informational, readiness never depends on it'),
      })
      .strict()
      .describe('LLM path state, for operators'),
  })
  .strict()
  .describe('Readiness answer');
export type ReadyResponse = z.infer<typeof ReadyResponse>;
