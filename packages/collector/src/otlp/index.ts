export * from './types';
export { codecs, countSpans, countLogRecords, countDataPoints, type SignalCodec } from './codec';
export { OtlpWireError } from './wire-error';
export { anyValueToString, anyValueToJson } from './any-value';
export { toLabelName } from './label-name';
export { createLogRecordConverter, logMappingSchema, severityFromNumber, type LogMappingConfig } from './log-records-to-entries';
export { createOtlpReceiver, receiverConfigShape, type OtlpReceiver, type OtlpReceiverContext, type ReceiverConfig } from './receiver';
export { fanOutSignal, isSignalSink, type SignalSink } from './signal-consumer';
export { filterItems, mergeData, splitData, emptyData } from './signal-shape';
