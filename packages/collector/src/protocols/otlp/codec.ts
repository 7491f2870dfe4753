import { logsFromWire, metricsFromWire, tracesFromWire } from './from-wire';
import { protoTypes } from './proto';
import { wireToOtlpJson } from './to-json';
import { logsToWire, metricsToWire, tracesToWire } from './to-wire';
import type { LogsData, MetricsData, PartialSuccess, Signal, SignalData, TracesData } from './types';
import { invalidProtobuf, OtlpWireError } from './wire-error';

/** Everything the receivers and the exporter need to move one signal over the wire. */
export interface SignalCodec<S extends Signal> {
  readonly signal: S;
  /** HTTP path, e.g. `/v1/traces`. */
  readonly httpPath: string;
  /** gRPC method path of the signal's Export service. */
  readonly grpcPath: string;
  decodeProtobuf(body: Uint8Array): SignalData[S];
  /** OTLP/JSON: lowerCamelCase, hex ids, integer enums, 64-bit ints as strings or numbers; unknown fields ignored. */
  decodeJson(body: string): SignalData[S];
  encodeProtobuf(data: SignalData[S]): Uint8Array;
  /** OTLP/JSON, the form decodeJson reads: one line, no trailing newline. */
  encodeJson(data: SignalData[S]): string;
  /** Items in the request: spans, data points or log records (what partial success counts). */
  count(data: SignalData[S]): number;
  encodeResponseProtobuf(partial: PartialSuccess | undefined): Uint8Array;
  encodeResponseJson(partial: PartialSuccess | undefined): string;
  decodeResponseProtobuf(body: Uint8Array): PartialSuccess | undefined;
}

function createCodec<S extends Signal>(
  signal: S,
  grpcService: string,
  rejectedField: string,
  fromWire: (v: unknown) => SignalData[S],
  toWire: (d: SignalData[S]) => Record<string, unknown>,
  count: (d: SignalData[S]) => number,
): SignalCodec<S> {
  const types = () => protoTypes(signal);
  const responseWire = (partial: PartialSuccess | undefined): Record<string, unknown> =>
    partial === undefined
      ? {}
      : { partialSuccess: { [rejectedField]: String(partial.rejected), errorMessage: partial.errorMessage } };
  return {
    signal,
    httpPath: `/v1/${signal}`,
    grpcPath: `/${grpcService}/Export`,
    decodeProtobuf(body) {
      let message: Record<string, unknown>;
      try {
        message = types().request.decode(body);
      } catch (err) {
        throw invalidProtobuf(err);
      }
      return fromWire(message);
    },
    decodeJson(body) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch (err) {
        throw new OtlpWireError('', `invalid JSON: ${(err as Error).message}`);
      }
      return fromWire(parsed);
    },
    encodeProtobuf: (data) => types().request.encode(toWire(data)).finish(),
    encodeJson: (data) => wireToOtlpJson(toWire(data)),
    count,
    encodeResponseProtobuf: (partial) => types().response.encode(responseWire(partial)).finish(),
    encodeResponseJson: (partial) => JSON.stringify(responseWire(partial)),
    decodeResponseProtobuf(body) {
      const message = types().response.decode(body);
      const partial = message.partialSuccess as Record<string, unknown> | null | undefined;
      if (partial == null) return undefined;
      return {
        rejected: Number(String(partial[rejectedField] ?? 0)),
        errorMessage: String(partial.errorMessage ?? ''),
      };
    },
  };
}

export function countSpans(d: TracesData): number {
  let n = 0;
  for (const rs of d.resourceSpans) for (const ss of rs.scopeSpans) n += ss.spans.length;
  return n;
}

export function countLogRecords(d: LogsData): number {
  let n = 0;
  for (const rl of d.resourceLogs) for (const sl of rl.scopeLogs) n += sl.logRecords.length;
  return n;
}

export function countDataPoints(d: MetricsData): number {
  let n = 0;
  for (const rm of d.resourceMetrics)
    for (const sm of rm.scopeMetrics) for (const m of sm.metrics) n += m.data.dataPoints.length;
  return n;
}

export const codecs: { readonly [S in Signal]: SignalCodec<S> } = {
  traces: createCodec(
    'traces',
    'opentelemetry.proto.collector.trace.v1.TraceService',
    'rejectedSpans',
    tracesFromWire,
    tracesToWire,
    countSpans,
  ),
  metrics: createCodec(
    'metrics',
    'opentelemetry.proto.collector.metrics.v1.MetricsService',
    'rejectedDataPoints',
    metricsFromWire,
    metricsToWire,
    countDataPoints,
  ),
  logs: createCodec(
    'logs',
    'opentelemetry.proto.collector.logs.v1.LogsService',
    'rejectedLogRecords',
    logsFromWire,
    logsToWire,
    countLogRecords,
  ),
};
