// protobufjs static module that @opentelemetry/otlp-transformer generates with pbjs from opentelemetry-proto;
// its typings declare only a bare Root, so the shape used here is declared below.
import { createRequire } from 'node:module';
import type { Reader } from 'protobufjs';
import type generatedRootModule = require('@opentelemetry/otlp-transformer/build/src/generated/root');

const GENERATED_ROOT = '@opentelemetry/otlp-transformer/build/src/generated/root';

/** The subset of a pbjs static message class this package calls. */
export interface ProtoMessageType {
  /** With a reader from `protoReader` and a length, decodes the message there and moves the reader past it. */
  decode(reader: Uint8Array | Reader, length?: number): Record<string, unknown>;
  encode(message: Record<string, unknown>): { finish(): Uint8Array };
}

interface ProtoPackage {
  v1: Record<string, ProtoMessageType>;
}

interface GeneratedRoot {
  opentelemetry: {
    proto: {
      collector: { trace: ProtoPackage; metrics: ProtoPackage; logs: ProtoPackage };
      trace: ProtoPackage;
      metrics: ProtoPackage;
      logs: ProtoPackage;
      resource: ProtoPackage;
      common: ProtoPackage;
    };
  };
}

function messageType(service: ProtoPackage, name: string): ProtoMessageType {
  const type = service.v1[name];
  if (type === undefined)
    throw new Error(`@opentelemetry/otlp-transformer has no generated ${name}; pin the version in package.json`);
  return type;
}

export interface ProtoTypes {
  request: ProtoMessageType;
  response: ProtoMessageType;
}

/** The message types of a request's three levels, which every signal shapes alike (see decode-protobuf-incremental.ts). */
export interface EnvelopeTypes {
  resource: ProtoMessageType;
  scope: ProtoMessageType;
  /** Span, Metric or LogRecord. */
  item: ProtoMessageType;
}

let loaded: { traces: ProtoTypes; metrics: ProtoTypes; logs: ProtoTypes } | undefined;
let envelopes: { traces: EnvelopeTypes; metrics: EnvelopeTypes; logs: EnvelopeTypes } | undefined;

function generatedRoot(): GeneratedRoot {
  return require(GENERATED_ROOT) as typeof generatedRootModule as unknown as GeneratedRoot;
}

/**
 * The OTLP message types, loaded on first use: the generated module costs ~9 MiB of RSS, which a collector that
 * moves no OTLP (a file source and a loki sink, say) does not pay.
 */
export function protoTypes(signal: 'traces' | 'metrics' | 'logs'): ProtoTypes {
  if (loaded === undefined) {
    const collector = generatedRoot().opentelemetry.proto.collector;
    loaded = {
      traces: {
        request: messageType(collector.trace, 'ExportTraceServiceRequest'),
        response: messageType(collector.trace, 'ExportTraceServiceResponse'),
      },
      metrics: {
        request: messageType(collector.metrics, 'ExportMetricsServiceRequest'),
        response: messageType(collector.metrics, 'ExportMetricsServiceResponse'),
      },
      logs: {
        request: messageType(collector.logs, 'ExportLogsServiceRequest'),
        response: messageType(collector.logs, 'ExportLogsServiceResponse'),
      },
    };
  }
  return loaded[signal];
}

export function envelopeTypes(signal: 'traces' | 'metrics' | 'logs'): EnvelopeTypes {
  if (envelopes === undefined) {
    const proto = generatedRoot().opentelemetry.proto;
    const common = {
      resource: messageType(proto.resource, 'Resource'),
      scope: messageType(proto.common, 'InstrumentationScope'),
    };
    envelopes = {
      traces: { ...common, item: messageType(proto.trace, 'Span') },
      metrics: { ...common, item: messageType(proto.metrics, 'Metric') },
      logs: { ...common, item: messageType(proto.logs, 'LogRecord') },
    };
  }
  return envelopes[signal];
}

/**
 * A reader over `body` that the generated types can continue on: they check `instanceof` against the protobufjs
 * copy @opentelemetry/otlp-transformer depends on, which need not be ours.
 */
export function protoReader(body: Uint8Array): Reader {
  const generatedRequire = createRequire(require.resolve(GENERATED_ROOT));
  return (generatedRequire('protobufjs/minimal') as { Reader: typeof Reader }).Reader.create(body);
}
