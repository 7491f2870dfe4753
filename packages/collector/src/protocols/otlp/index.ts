export * from './types';
export { codecs, countSpans, countLogRecords, countDataPoints, type SignalCodec } from './codec';
export { OtlpWireError } from './wire-error';
export { anyValueToString, anyValueToJson } from './any-value';
export { toLabelName } from './label-name';
export { filterItems, mergeData, splitData, emptyData } from './signal-shape';
export { protoTypes, type ProtoTypes, type ProtoMessageType } from './proto';
