export * from './entry';
export * from './consumer';
export * from './errors';
export * from './component';
export type { Stage, StageDefinition, StageContext, StageCounters } from './stages/stage';
export * from './config';
export * from './logql';
export * from './pipelines';
export { buildStageChain, StageChain, type CompiledStage } from './stages/stage-chain';
export { stageDefinitions } from './stages/registry';
export { createStageMetrics, type StageMetrics } from './stages/counters';
export * from './protocols/otlp';
export * from './protocols/loki';
export {
  createLogRecordConverter,
  logMappingSchema,
  severityFromNumber,
  type LogMappingConfig,
} from './sources/otlp/log-records-to-entries';
export {
  createOtlpReceiver,
  receiverConfigShape,
  type OtlpReceiver,
  type OtlpReceiverContext,
  type ReceiverConfig,
} from './sources/otlp/receiver';
export * from './processors';
export {
  otlpHttpSourceDefinition,
  createOtlpHttpSource,
  otlpHttpConfig,
  type OtlpHttpConfig,
  type OtlpHttpSource,
} from './sources/otlp/http';
export {
  otlpGrpcSourceDefinition,
  createOtlpGrpcSource,
  otlpGrpcConfig,
  type OtlpGrpcConfig,
  type OtlpGrpcSource,
} from './sources/otlp/grpc';
export * from './delivery';
export * from './runtime';
export * from './sinks/loki';
export { fileSinkDefinition, fileSinkConfig, type FileSinkConfig } from './sinks/file';
export { stdoutSinkDefinition, stdoutSinkConfig, createStdoutSink, type StdoutSinkConfig } from './sinks/stdout';
export { formatNdjsonEntry, formatTextEntry } from './sinks/ndjson-entry';
export { fileSourceDefinition, createFileSource } from './sources/file/source';
export { fileSourceConfig, type FileSourceConfig } from './sources/file/config';
export {
  lokiPushSourceDefinition,
  createLokiPushSource,
  lokiPushSourceConfig,
  type LokiPushSourceConfig,
  type LokiPushSource,
} from './sources/loki-push';
export { otlpSinkDefinition, createOtlpSink, type OtlpSink } from './sinks/otlp/sink';
export { otlpSinkConfig, type OtlpSinkConfig } from './sinks/otlp/config';
export {
  prometheusRemoteWriteSinkDefinition,
  PrometheusRemoteWriteConfig,
  translateOtlpMetrics,
  prometheusMetricName,
  encodeWriteRequest,
  type PrometheusRemoteWriteSink,
} from './sinks/prometheus-remote-write';
export { classifyStage, classifierOf, type ClassifyStageConfig } from './stages/classify';
export {
  classifyProcessorDefinition,
  classifiersOf,
  classifyProcessorConfig,
  type ClassifyProcessorConfig,
} from './processors/classify';
export { createTextClassifier, type TextClassifier, type TextClassifierOptions } from './sorter/text-classifier';
export {
  expandGrafanaCloud,
  grafanaCloudSinks,
  GrafanaCloudConfig,
  type GrafanaCloudExpansion,
} from './config/grafana-cloud';
export { FLUSH_ALL_NS } from './stages/multiline';
export { createTimestampParser, type TimestampParser } from './stages/timestamp/parser';
export { utcZone, type Zone } from './stages/timestamp/zone';
export {
  compileTemplate,
  TemplateSyntaxError,
  TemplateExecError,
  type CompiledTemplate,
  type TemplateScope,
} from './stages/template/index';
