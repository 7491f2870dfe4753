import { compress } from 'snappyjs';
import { WriteRequest } from './proto';
import type { TimeSeries } from './series';

/** Encodes series as a remote write 1.0 body: protobuf WriteRequest, snappy block format (never framed). */
export function encodeWriteRequest(series: readonly TimeSeries[]): Uint8Array {
  const message = {
    timeseries: series.map((s) => ({
      labels: s.labels,
      samples: s.samples.map((sample) => ({ value: sample.value, timestamp: sample.timestampMs })),
    })),
  };
  return compress(WriteRequest.encode(WriteRequest.fromObject(message)).finish());
}
