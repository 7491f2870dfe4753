import { z } from 'zod';
import { lazyRegistry } from '../lazy-registry';
import type { Processor, ProcessorContext, ProcessorDefinition } from './processor';

export type AnyProcessorDefinition = ProcessorDefinition<unknown>;

/** Every processor type an OTLP source's `processors:` list may name, keyed by its YAML key; each loads when named. */
export const processorDefinitions: Record<string, AnyProcessorDefinition> = lazyRegistry<AnyProcessorDefinition>({
  memory_limiter: () => (require('./memory-limiter') as typeof import('./memory-limiter')).memoryLimiterDefinition,
  resource_detection: () => (require('./resource-detection') as typeof import('./resource-detection')).resourceDetectionDefinition,
  attributes: () => (require('./attributes') as typeof import('./attributes')).attributesProcessorDefinition,
  filter: () => (require('./filter') as typeof import('./filter')).filterProcessorDefinition,
  batch: () => (require('./batch') as typeof import('./batch')).batchProcessorDefinition,
  classify: () => (require('./classify') as typeof import('./classify')).classifyProcessorDefinition,
});

export interface ProcessorConfig {
  type: string;
  config: unknown;
}

/** A list of one-key maps (`- batch: {...}`), like pipeline stages; each value is parsed by its type's schema. */
export const processorListSchema: z.ZodType<ProcessorConfig[], unknown> = z.array(
  z.record(z.string(), z.unknown()).transform((item, ctx) => {
    const keys = Object.keys(item);
    if (keys.length !== 1) {
      ctx.addIssue({ code: 'custom', message: `each processor is a map with one key (the processor type), got ${keys.length} keys` });
      return z.NEVER;
    }
    const type = keys[0]!;
    const definition = processorDefinitions[type];
    if (definition === undefined) {
      ctx.addIssue({ code: 'custom', path: [type], message: `unknown processor "${type}" (expected one of ${Object.keys(processorDefinitions).sort().join(', ')})` });
      return z.NEVER;
    }
    const parsed = definition.config.safeParse(item[type] ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: [type, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: issue.message });
      return z.NEVER;
    }
    return { type, config: parsed.data };
  }),
);

/** Builds the processors in config order. */
export function buildProcessors(configs: readonly ProcessorConfig[], ctx: ProcessorContext): Processor[] {
  return configs.map((c) => {
    const definition = processorDefinitions[c.type];
    if (definition === undefined) throw new Error(`unknown processor ${c.type}`);
    return definition.create(c.config, ctx);
  });
}
