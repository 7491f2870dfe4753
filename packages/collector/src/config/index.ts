export { loadConfig, parseConfig, parseStages } from './load';
export type { CollectorConfig, SourceConfig, PipelineConfig, SinkConfig, StageConfig, RouteConfig } from './types';
export { stageListSchema } from './stage-list';
export { durationMs, sizeBytes, parseDuration, parseBytes } from './units';
export { labelNameSchema, labelMapSchema } from './label-name';
export { re2Schema } from './re2-schema';
export { selectorSchema } from './selector-schema';
export { formatPath } from './issues';
