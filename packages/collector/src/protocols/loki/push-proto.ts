import * as protobuf from 'protobufjs';

// Loki's logproto.PushRequest, written from grafana/loki pkg/push/push.proto (field numbers are the contract).
// Timestamp mirrors google.protobuf.Timestamp's wire layout so no import resolution is needed.
const PUSH_PROTO = `
syntax = "proto3";
package logproto;
message Timestamp { int64 seconds = 1; int32 nanos = 2; }
message LabelPairAdapter { string name = 1; string value = 2; }
message EntryAdapter { Timestamp timestamp = 1; string line = 2; repeated LabelPairAdapter structuredMetadata = 3; }
message StreamAdapter { string labels = 1; repeated EntryAdapter entries = 2; uint64 hash = 3; }
message PushRequest { repeated StreamAdapter streams = 1; string format = 2; }
`;

export const pushRequestType: protobuf.Type = protobuf
  .parse(PUSH_PROTO, { keepCase: true })
  .root.lookupType('logproto.PushRequest');

export interface WireLabelPair {
  name: string;
  value: string;
}
export interface WireEntry {
  timestamp: { seconds: number | Long; nanos: number };
  line: string;
  structuredMetadata?: WireLabelPair[];
}
export interface WireStream {
  labels: string;
  entries: WireEntry[];
}
export interface WirePushRequest {
  streams: WireStream[];
}

/** protobufjs returns int64 as a Long when the long package is present, else as a number. */
export interface Long {
  toString(): string;
}
