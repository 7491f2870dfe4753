import { Buffer } from 'node:buffer';
import {
  KeyValueList,
  type AnyValue,
  type Attributes,
  type Exemplar,
  type InstrumentationScope,
  type LogsData,
  type MetricData,
  type MetricsData,
  type NumberDataPoint,
  type Resource,
  type TracesData,
} from './types';

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

function scopeToWire(s: InstrumentationScope): Wire {
  return { name: s.name, version: s.version, attributes: attributesToWire(s.attributes), droppedAttributesCount: s.droppedAttributesCount };
}

export function tracesToWire(data: TracesData): Wire {
  return {
    resourceSpans: data.resourceSpans.map((rs) => ({
      resource: resourceToWire(rs.resource),
      schemaUrl: rs.schemaUrl,
      scopeSpans: rs.scopeSpans.map((ss) => ({
        scope: scopeToWire(ss.scope),
        schemaUrl: ss.schemaUrl,
        spans: ss.spans.map((s) => ({
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
        })),
      })),
    })),
  };
}

export function logsToWire(data: LogsData): Wire {
  return {
    resourceLogs: data.resourceLogs.map((rl) => ({
      resource: resourceToWire(rl.resource),
      schemaUrl: rl.schemaUrl,
      scopeLogs: rl.scopeLogs.map((sl) => ({
        scope: scopeToWire(sl.scope),
        schemaUrl: sl.schemaUrl,
        logRecords: sl.logRecords.map((r) => ({
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
        })),
      })),
    })),
  };
}

function exemplarToWire(e: Exemplar): Wire {
  return {
    filteredAttributes: attributesToWire(e.filteredAttributes),
    timeUnixNano: u64(e.timeUnixNano),
    ...(typeof e.value === 'bigint' ? { asInt: e.value.toString() } : { asDouble: e.value }),
    spanId: idBytes(e.spanId),
    traceId: idBytes(e.traceId),
  };
}

function numberPointToWire(p: NumberDataPoint): Wire {
  return {
    attributes: attributesToWire(p.attributes),
    startTimeUnixNano: u64(p.startTimeUnixNano),
    timeUnixNano: u64(p.timeUnixNano),
    ...(typeof p.value === 'bigint' ? { asInt: p.value.toString() } : { asDouble: p.value }),
    exemplars: p.exemplars.map(exemplarToWire),
    flags: p.flags,
  };
}

function metricDataToWire(d: MetricData): Wire {
  switch (d.type) {
    case 'gauge':
      return { gauge: { dataPoints: d.dataPoints.map(numberPointToWire) } };
    case 'sum':
      return { sum: { dataPoints: d.dataPoints.map(numberPointToWire), aggregationTemporality: d.aggregationTemporality, isMonotonic: d.isMonotonic } };
    case 'histogram':
      return {
        histogram: {
          aggregationTemporality: d.aggregationTemporality,
          dataPoints: d.dataPoints.map((p) => ({
            attributes: attributesToWire(p.attributes),
            startTimeUnixNano: u64(p.startTimeUnixNano),
            timeUnixNano: u64(p.timeUnixNano),
            count: u64(p.count),
            sum: p.sum,
            bucketCounts: p.bucketCounts.map((c) => c.toString()),
            explicitBounds: p.explicitBounds,
            exemplars: p.exemplars.map(exemplarToWire),
            flags: p.flags,
            min: p.min,
            max: p.max,
          })),
        },
      };
    case 'exponentialHistogram':
      return {
        exponentialHistogram: {
          aggregationTemporality: d.aggregationTemporality,
          dataPoints: d.dataPoints.map((p) => ({
            attributes: attributesToWire(p.attributes),
            startTimeUnixNano: u64(p.startTimeUnixNano),
            timeUnixNano: u64(p.timeUnixNano),
            count: u64(p.count),
            sum: p.sum,
            scale: p.scale,
            zeroCount: u64(p.zeroCount),
            positive: { offset: p.positive.offset, bucketCounts: p.positive.bucketCounts.map((c) => c.toString()) },
            negative: { offset: p.negative.offset, bucketCounts: p.negative.bucketCounts.map((c) => c.toString()) },
            flags: p.flags,
            exemplars: p.exemplars.map(exemplarToWire),
            min: p.min,
            max: p.max,
            zeroThreshold: p.zeroThreshold,
          })),
        },
      };
    case 'summary':
      return {
        summary: {
          dataPoints: d.dataPoints.map((p) => ({
            attributes: attributesToWire(p.attributes),
            startTimeUnixNano: u64(p.startTimeUnixNano),
            timeUnixNano: u64(p.timeUnixNano),
            count: u64(p.count),
            sum: p.sum,
            quantileValues: p.quantileValues,
            flags: p.flags,
          })),
        },
      };
    case 'empty':
      return {};
  }
}

export function metricsToWire(data: MetricsData): Wire {
  return {
    resourceMetrics: data.resourceMetrics.map((rm) => ({
      resource: resourceToWire(rm.resource),
      schemaUrl: rm.schemaUrl,
      scopeMetrics: rm.scopeMetrics.map((sm) => ({
        scope: scopeToWire(sm.scope),
        schemaUrl: sm.schemaUrl,
        metrics: sm.metrics.map((m) => ({
          name: m.name,
          description: m.description,
          unit: m.unit,
          metadata: attributesToWire(m.metadata),
          ...metricDataToWire(m.data),
        })),
      })),
    })),
  };
}
