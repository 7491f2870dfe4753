export type { Processor, ProcessorContext, ProcessorDefinition } from './processor';
export {
  processorDefinitions,
  processorListSchema,
  buildProcessors,
  type ProcessorConfig,
  type AnyProcessorDefinition,
} from './registry';
export { createBatchProcessor, batchConfig, type BatchConfig } from './batch';
export {
  createMemoryLimiter,
  memoryLimiterConfig,
  softLimitBytes,
  type MemoryLimiterConfig,
  type MemoryLimiterDeps,
} from './memory-limiter';
export {
  createResourceDetection,
  detectResourceAttributes,
  containerIdFrom,
  resourceDetectionConfig,
  type ResourceDetectionConfig,
  type DetectionEnvironment,
} from './resource-detection';
export { createAttributesProcessor, attributesConfig, type AttributesConfig } from './attributes';
export { createFilterProcessor, filterConfig, type FilterConfig } from './filter';
