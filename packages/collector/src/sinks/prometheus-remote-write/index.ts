export { prometheusRemoteWriteSinkDefinition, type PrometheusRemoteWriteSink } from './sink';
export { PrometheusRemoteWriteConfig } from './config';
export { translateOtlpMetrics, type OtlpTranslation, type OtlpTranslationOptions } from './from-otlp';
export { prometheusMetricName, unitSuffix } from './otlp-names';
export { encodeWriteRequest } from './encode';
export { WriteRequest } from './proto';
export type { Label, Sample, SeriesSample, TimeSeries } from './series';
