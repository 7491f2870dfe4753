import { Buffer } from 'node:buffer';
import {
  KeyValueList,
  type AnyValue,
  type Attributes,
  type Exemplar,
  type ExponentialHistogramDataPoint,
  type HistogramDataPoint,
  type InstrumentationScope,
  type LogRecord,
  type MetricData,
  type Metric,
  type NumberDataPoint,
  type Resource,
  type Signal,
  type SignalData,
  type Span,
} from './types';
import { itemsOf, resourcesOf, scopesOf, signalKeys } from './signal-shape';

/**
 * Plain types -> objects the generated protobufjs encoders accept: 64-bit ints as decimal strings (protobufjs
 * turns them into Long), ids as bytes. Zero values are left out, as proto3 does on the wire.
 */
type Wire = Record<string, unknown>;

function idBytes(hex: string): Uint8Array | undefined {
  return hex === '' ? undefined : Buffer.from(hex, 'hex');
}

function u64(v: bigint): string | undefined {
  return v === 0n ? undefined : v.toString();
}

export function anyValueToWire(v: AnyValue): Wire {
  switch (typeof v) {
    case 'string':
      return { stringValue: v };
    case 'boolean':
      return { boolValue: v };
    case 'number':
      return { doubleValue: v };
    case 'bigint':
      return { intValue: v.toString() };
    default:
      if (v === null) return {};
      if (v instanceof Uint8Array) return { bytesValue: v };
      if (v instanceof KeyValueList) return { kvlistValue: { values: attributesToWire(v.values) } };
      return { arrayValue: { values: v.map(anyValueToWire) } };
  }
}

export function attributesToWire(attrs: Attributes): Wire[] {
  const out: Wire[] = [];
  for (const [key, value] of attrs) out.push({ key, value: anyValueToWire(value) });
  return out;
}

function resourceToWire(r: Resource): Wire {
  return { attributes: attributesToWire(r.attributes), droppedAttributesCount: r.droppedAttributesCount };
}

/** The resources -> scopes -> items envelope every signal shares, written by one walk for all three. */
function envelopeToWire<S extends Signal, I>(signal: S, item: (i: I) => Wire): (data: SignalData[S]) => Wire {
  const [resources, scopes, items] = signalKeys[signal];
  return (data) => ({
    [resources]: resourcesOf(signal, data).map((rs) => ({
      resource: resourceToWire(rs.resource),
      schemaUrl: rs.schemaUrl,
      [scopes]: scopesOf(signal, rs).map((ss) => ({
        scope: scopeToWire(ss.scope),
        schemaUrl: ss.schemaUrl,
        // The item writer comes with the signal, so its items are that writer's input.
        [items]: (itemsOf(signal, ss) as I[]).map((i) => item(i)),
      })),
    })),
  });
}

function scopeToWire(s: InstrumentationScope): Wire {
  return {
    name: s.name,
    version: s.version,
    attributes: attributesToWire(s.attributes),
    droppedAttributesCount: s.droppedAttributesCount,
  };
}

function spanToWire(s: Span): Wire {
  return {
    traceId: idBytes(s.traceId),
    spanId: idBytes(s.spanId),
    traceState: s.traceState,
    parentSpanId: idBytes(s.parentSpanId),
    flags: s.flags,
    name: s.name,
    kind: s.kind,
    startTimeUnixNano: u64(s.startTimeUnixNano),
    endTimeUnixNano: u64(s.endTimeUnixNano),
    attributes: attributesToWire(s.attributes),
    droppedAttributesCount: s.droppedAttributesCount,
    events: s.events.map((e) => ({
      timeUnixNano: u64(e.timeUnixNano),
      name: e.name,
      attributes: attributesToWire(e.attributes),
      droppedAttributesCount: e.droppedAttributesCount,
    })),
    droppedEventsCount: s.droppedEventsCount,
    links: s.links.map((l) => ({
      traceId: idBytes(l.traceId),
      spanId: idBytes(l.spanId),
      traceState: l.traceState,
      attributes: attributesToWire(l.attributes),
      droppedAttributesCount: l.droppedAttributesCount,
      flags: l.flags,
    })),
    droppedLinksCount: s.droppedLinksCount,
    status: { code: s.status.code, message: s.status.message },
  };
}

export const tracesToWire = envelopeToWire('traces', spanToWire);

function logRecordToWire(r: LogRecord): Wire {
  return {
    timeUnixNano: u64(r.timeUnixNano),
    observedTimeUnixNano: u64(r.observedTimeUnixNano),
    severityNumber: r.severityNumber,
    severityText: r.severityText,
    body: r.body === null ? undefined : anyValueToWire(r.body),
    attributes: attributesToWire(r.attributes),
    droppedAttributesCount: r.droppedAttributesCount,
    flags: r.flags,
    traceId: idBytes(r.traceId),
    spanId: idBytes(r.spanId),
    eventName: r.eventName,
  };
}

export const logsToWire = envelopeToWire('logs', logRecordToWire);

function exemplarToWire(e: Exemplar): Wire {
  return {
    filteredAttributes: attributesToWire(e.filteredAttributes),
    timeUnixNano: u64(e.timeUnixNano),
    ...(typeof e.value === 'bigint' ? { asInt: e.value.toString() } : { asDouble: e.value }),
    spanId: idBytes(e.spanId),
    traceId: idBytes(e.traceId),
  };
}

/** The fields every data point has, whatever its metric type. */
function pointBaseToWire(
  p: Pick<NumberDataPoint, 'attributes' | 'startTimeUnixNano' | 'timeUnixNano' | 'flags'>,
): Wire {
  return {
    attributes: attributesToWire(p.attributes),
    startTimeUnixNano: u64(p.startTimeUnixNano),
    timeUnixNano: u64(p.timeUnixNano),
    flags: p.flags,
  };
}

/** The fields both histogram kinds add to the base. */
function histogramBaseToWire(p: HistogramDataPoint | ExponentialHistogramDataPoint): Wire {
  return {
    ...pointBaseToWire(p),
    count: u64(p.count),
    sum: p.sum,
    exemplars: p.exemplars.map(exemplarToWire),
    min: p.min,
    max: p.max,
  };
}

function numberPointToWire(p: NumberDataPoint): Wire {
  return {
    ...pointBaseToWire(p),
    ...(typeof p.value === 'bigint' ? { asInt: p.value.toString() } : { asDouble: p.value }),
    exemplars: p.exemplars.map(exemplarToWire),
  };
}

function metricDataToWire(d: MetricData): Wire {
  switch (d.type) {
    case 'gauge':
      return { gauge: { dataPoints: d.dataPoints.map(numberPointToWire) } };
    case 'sum':
      return {
        sum: {
          dataPoints: d.dataPoints.map(numberPointToWire),
          aggregationTemporality: d.aggregationTemporality,
          isMonotonic: d.isMonotonic,
        },
      };
    case 'histogram':
      return {
        histogram: {
          aggregationTemporality: d.aggregationTemporality,
          dataPoints: d.dataPoints.map((p) => ({
            ...histogramBaseToWire(p),
            bucketCounts: p.bucketCounts.map((c) => c.toString()),
            explicitBounds: p.explicitBounds,
          })),
        },
      };
    case 'exponentialHistogram':
      return {
        exponentialHistogram: {
          aggregationTemporality: d.aggregationTemporality,
          dataPoints: d.dataPoints.map((p) => ({
            ...histogramBaseToWire(p),
            scale: p.scale,
            zeroCount: u64(p.zeroCount),
            positive: { offset: p.positive.offset, bucketCounts: p.positive.bucketCounts.map((c) => c.toString()) },
            negative: { offset: p.negative.offset, bucketCounts: p.negative.bucketCounts.map((c) => c.toString()) },
            zeroThreshold: p.zeroThreshold,
          })),
        },
      };
    case 'summary':
      return {
        summary: {
          dataPoints: d.dataPoints.map((p) => ({
            ...pointBaseToWire(p),
            count: u64(p.count),
            sum: p.sum,
            quantileValues: p.quantileValues,
          })),
        },
      };
    case 'empty':
      return {};
  }
}

function metricToWire(m: Metric): Wire {
  return {
    name: m.name,
    description: m.description,
    unit: m.unit,
    metadata: attributesToWire(m.metadata),
    ...metricDataToWire(m.data),
  };
}

export const metricsToWire = envelopeToWire('metrics', metricToWire);
