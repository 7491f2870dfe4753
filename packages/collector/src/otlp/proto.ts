// protobufjs static module that @opentelemetry/otlp-transformer generates with pbjs from opentelemetry-proto;
// its typings declare only a bare Root, so the shape used here is declared below.
import generatedRoot = require('@opentelemetry/otlp-transformer/build/src/generated/root');

/** The subset of a pbjs static message class this package calls. */
export interface ProtoMessageType {
  decode(reader: Uint8Array): Record<string, unknown>;
  encode(message: Record<string, unknown>): { finish(): Uint8Array };
}

interface CollectorService {
  v1: Record<string, ProtoMessageType>;
}

interface GeneratedRoot {
  opentelemetry: { proto: { collector: { trace: CollectorService; metrics: CollectorService; logs: CollectorService } } };
}

const collector = (generatedRoot as unknown as GeneratedRoot).opentelemetry.proto.collector;

function messageType(service: CollectorService, name: string): ProtoMessageType {
  const type = service.v1[name];
  if (type === undefined) throw new Error(`@opentelemetry/otlp-transformer has no generated ${name}; pin the version in package.json`);
  return type;
}

export const protoTypes = {
  traces: { request: messageType(collector.trace, 'ExportTraceServiceRequest'), response: messageType(collector.trace, 'ExportTraceServiceResponse') },
  metrics: { request: messageType(collector.metrics, 'ExportMetricsServiceRequest'), response: messageType(collector.metrics, 'ExportMetricsServiceResponse') },
  logs: { request: messageType(collector.logs, 'ExportLogsServiceRequest'), response: messageType(collector.logs, 'ExportLogsServiceResponse') },
} as const;
