import protobuf from 'protobufjs';

// Remote write 1.0 WriteRequest, written from the spec (prometheus/docs remote_write_spec.md): fields 2 and 3 are reserved.
const writeRequestProto = `
syntax = "proto3";
package prometheus;
message WriteRequest {
  repeated TimeSeries timeseries = 1;
  reserved 2, 3;
}
message TimeSeries {
  repeated Label labels = 1;
  repeated Sample samples = 2;
}
message Label {
  string name = 1;
  string value = 2;
}
message Sample {
  double value = 1;
  int64 timestamp = 2;
}
`;

/** The compiled `prometheus.WriteRequest` message type. */
export const WriteRequest = protobuf
  .parse(writeRequestProto, { keepCase: true })
  .root.lookupType('prometheus.WriteRequest');
