export { encodePush, joinPushRequests, type EncodeOptions, type EncodeStats, type EncodedPush } from './encode';
export { decodeJsonPush, decodeProtobufPush, PushBodyError, type DecodedEntry, type DecodedStream } from './decode';
export { checkJsonPush, decodedPush, decodeJsonPushIncrementally, INCREMENTAL_JSON_MIN_BYTES, type CheckedPush, type IncrementalOptions } from './decode-json-incremental';
export { formatLabels, parseLabels, sanitizeLabelName, LABEL_NAME } from './labels';
export { pushRequestType } from './push-proto';
export { groupByTenant, tenantIdProblem, TENANT_LABEL } from './tenant';
