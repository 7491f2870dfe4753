export { createApp, type AppDeps } from './app';
export { createDeps, type SorterDeps, type DepsOptions } from './deps';
export { loadConfig, envSchema, ConfigError, type Config } from './config';
export { createSorter, type Sorter, type SortOutcome } from './sorter';
export { errorCatalogue, HttpError, LlmError } from './errors';
export { createMetrics, type Metrics } from './observability/metrics';
export type { Classifier, Classification, ClassifyContext, RedactedItem } from './classifiers/classifier';
export {
  createItemTools,
  redactItems,
  type ItemTools,
  type ItemToolOptions,
  type IncomingItem,
  type RedactedLine,
} from './items/prepare';
