export { encodePush, joinPushRequests, type EncodeOptions, type EncodeStats, type EncodedPush } from './encode';
export {
  decodeJsonPush,
  decodeProtobufPush,
  decodePushRequest,
  uncompressPush,
  PushBodyError,
  type DecodedEntry,
  type DecodedStream,
} from './decode';
export {
  decodedPush,
  SliceGatherer,
  SLICE_BYTES,
  SLICE_ENTRIES,
  type CheckedPush,
  type StreamPart,
} from './checked-push';
export {
  checkJsonPush,
  decodeJsonPushIncrementally,
  INCREMENTAL_JSON_MIN_BYTES,
  type IncrementalOptions,
} from './decode-json-incremental';
export {
  checkProtobufPush,
  uncompressPushBody,
  INCREMENTAL_PROTOBUF_MIN_BYTES,
  type IncrementalProtobufOptions,
} from './decode-protobuf-incremental';
export { formatLabels, parseLabels, sanitizeLabelName, LABEL_NAME } from './labels';
export { pushRequestType } from './push-proto';
export { groupByTenant, tenantIdProblem, TENANT_LABEL } from './tenant';
