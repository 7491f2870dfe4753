export { loadConfig, parseConfig, parseStages } from './load';
export type {
  CollectorConfig,
  SourceConfig,
  PipelineConfig,
  SinkConfig,
  StageConfig,
  RouteConfig,
} from '../schema/collector-config';
export { stageListSchema } from '../stages/registry';
export { durationMs, sizeBytes, parseDuration, parseBytes } from '../schema/units';
export { labelNameSchema, labelMapSchema } from '../schema/label-name';
export { re2Schema } from '../schema/re2';
export { selectorSchema } from '../schema/selector';
export { formatPath } from '../schema/issues';
