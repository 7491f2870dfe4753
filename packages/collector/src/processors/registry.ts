import type { z } from 'zod';
import { lazyRegistry } from '../lazy-registry';
import { oneKeyListSchema, type TypedConfig } from '../schema/one-key-list';
import type { Processor, ProcessorContext, ProcessorDefinition } from './processor';

export type AnyProcessorDefinition = ProcessorDefinition<unknown>;

/** Every processor type an OTLP source's `processors:` list may name, keyed by its YAML key; each loads when named. */
export const processorDefinitions: Record<string, AnyProcessorDefinition> = lazyRegistry<AnyProcessorDefinition>({
  memory_limiter: () => (require('./memory-limiter') as typeof import('./memory-limiter')).memoryLimiterDefinition,
  resource_detection: () =>
    (require('./resource-detection') as typeof import('./resource-detection')).resourceDetectionDefinition,
  attributes: () => (require('./attributes') as typeof import('./attributes')).attributesProcessorDefinition,
  filter: () => (require('./filter') as typeof import('./filter')).filterProcessorDefinition,
  batch: () => (require('./batch') as typeof import('./batch')).batchProcessorDefinition,
  classify: () => (require('./classify') as typeof import('./classify')).classifyProcessorDefinition,
});

export type ProcessorConfig = TypedConfig;

/** A list of one-key maps (`- batch: {...}`), like pipeline stages; each value is parsed by its type's schema. */
export const processorListSchema: z.ZodType<ProcessorConfig[], unknown[]> = oneKeyListSchema(
  'processor',
  'batch',
  processorDefinitions,
);

/** Builds the processors in config order. */
export function buildProcessors(configs: readonly ProcessorConfig[], ctx: ProcessorContext): Processor[] {
  return configs.map((c) => {
    const definition = processorDefinitions[c.type];
    if (definition === undefined) throw new Error(`unknown processor ${c.type}`);
    return definition.create(c.config, ctx);
  });
}
