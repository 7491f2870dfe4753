export { lokiSinkDefinition } from './sink';
export { lokiSinkConfig, type LokiSinkConfig } from './config';
export { encodePush, joinPushRequests, type EncodeOptions, type EncodeStats, type EncodedPush } from './encode';
export { decodeJsonPush, decodeProtobufPush, PushBodyError, type DecodedEntry, type DecodedStream } from './decode';
export { formatLabels, parseLabels, sanitizeLabelName } from './labels';
export { pushRequestType } from './push-proto';
export { encodeLokiRecord, tenantBatches, type TenantBatch } from './record';
export { groupByTenant, sendByTenant, tenantIdProblem } from './tenant';
