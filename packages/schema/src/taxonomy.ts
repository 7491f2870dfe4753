import { z } from 'zod';

/** Aligned with OpenTelemetry severity ranges and Loki's `detected_level`. */
export const severities = ['critical', 'error', 'warning', 'info', 'debug'] as const;
export const Severity = z.enum(severities).describe('How urgent the item is: critical, error, warning, info or debug');
export type Severity = z.infer<typeof Severity>;

/** The fixed category taxonomy; each value is documented in the README. */
export const categories = [
  'security',
  'availability',
  'performance',
  'error',
  'configuration',
  'audit',
  'noise',
] as const;
export const Category = z.enum(categories).describe('What the item is about, from a fixed taxonomy');
export type Category = z.infer<typeof Category>;

/** Where the item should go, as in the seed sorter. */
export const forwardTargets = ['alerting', 'storage', 'archive'] as const;
export const ForwardTo = z
  .enum(forwardTargets)
  .describe('Destination: alerting (page someone), storage (searchable), archive (cheap, cold)');
export type ForwardTo = z.infer<typeof ForwardTo>;

export const decidedByValues = ['llm', 'cache', 'rules'] as const;
export const DecidedBy = z
  .enum(decidedByValues)
  .describe('How the result was decided: llm, cache (a template seen before) or rules');
export type DecidedBy = z.infer<typeof DecidedBy>;
