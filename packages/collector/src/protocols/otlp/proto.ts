// protobufjs static module that @opentelemetry/otlp-transformer generates with pbjs from opentelemetry-proto;
// its typings declare only a bare Root, so the shape used here is declared below.
import type generatedRootModule = require('@opentelemetry/otlp-transformer/build/src/generated/root');

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

function messageType(service: CollectorService, name: string): ProtoMessageType {
  const type = service.v1[name];
  if (type === undefined) throw new Error(`@opentelemetry/otlp-transformer has no generated ${name}; pin the version in package.json`);
  return type;
}

export interface ProtoTypes {
  request: ProtoMessageType;
  response: ProtoMessageType;
}

let loaded: { traces: ProtoTypes; metrics: ProtoTypes; logs: ProtoTypes } | undefined;

/**
 * The OTLP message types, loaded on first use: the generated module costs ~9 MiB of RSS, which a collector that
 * moves no OTLP (a file source and a loki sink, say) does not pay.
 */
export function protoTypes(signal: 'traces' | 'metrics' | 'logs'): ProtoTypes {
  if (loaded === undefined) {
    const root = require('@opentelemetry/otlp-transformer/build/src/generated/root') as typeof generatedRootModule;
    const collector = (root as unknown as GeneratedRoot).opentelemetry.proto.collector;
    loaded = {
      traces: { request: messageType(collector.trace, 'ExportTraceServiceRequest'), response: messageType(collector.trace, 'ExportTraceServiceResponse') },
      metrics: { request: messageType(collector.metrics, 'ExportMetricsServiceRequest'), response: messageType(collector.metrics, 'ExportMetricsServiceResponse') },
      logs: { request: messageType(collector.logs, 'ExportLogsServiceRequest'), response: messageType(collector.logs, 'ExportLogsServiceResponse') },
    };
  }
  return loaded[signal];
}
