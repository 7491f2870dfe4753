import { Buffer } from 'node:buffer';
import {
  KeyValueList,
  type AnyValue,
  type Attributes,
  type Exemplar,
  type ExponentialBuckets,
  type InstrumentationScope,
  type LogRecord,
  type LogsData,
  type Metric,
  type MetricData,
  type MetricsData,
  type NumberDataPoint,
  type Resource,
  type Span,
  type TracesData,
} from './types';
import { OtlpWireError, withPath } from './wire-error';

/**
 * Turns a decoded OTLP message into the plain types. One reader serves both wire forms: protobufjs objects
 * (Long for 64-bit ints, Uint8Array for bytes, null for unset) and parsed OTLP/JSON (64-bit ints as strings or
 * numbers, hex trace/span ids, base64 bytes, integer enums, absent keys). Unknown fields are ignored.
 */
type Wire = Record<string, unknown>;

const decimal = /^-?\d+$/;
const hexId = /^[0-9a-fA-F]*$/;

function obj(v: unknown): Wire | undefined {
  if (v == null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw new OtlpWireError('', `expected an object, got ${typeName(v)}`);
  return v as Wire;
}

function typeName(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}

/** Reads a repeated field, converting each element and naming its index on failure. */
function list<T>(w: Wire, key: string, convert: (v: unknown) => T): T[] {
  const v = w[key];
  if (v == null) return [];
  if (!Array.isArray(v)) throw new OtlpWireError(key, `expected an array, got ${typeName(v)}`);
  const out = new Array<T>(v.length);
  for (let i = 0; i < v.length; i++) {
    try {
      out[i] = convert(v[i]);
    } catch (err) {
      withPath(err, `${key}[${i}]`);
    }
  }
  return out;
}

function field<T>(w: Wire, key: string, read: (v: unknown) => T): T {
  try {
    return read(w[key]);
  } catch (err) {
    return withPath(err, key);
  }
}

function str(v: unknown): string {
  if (v == null) return '';
  if (typeof v !== 'string') throw new OtlpWireError('', `expected a string, got ${typeName(v)}`);
  return v;
}

function bool(v: unknown): boolean {
  if (v == null) return false;
  if (typeof v !== 'boolean') throw new OtlpWireError('', `expected a boolean, got ${typeName(v)}`);
  return v;
}

function int(v: unknown): number {
  if (v == null) return 0;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && decimal.test(v)) return Number(v);
  throw new OtlpWireError('', `expected an integer, got ${typeof v === 'string' ? JSON.stringify(v) : typeName(v)}`);
}

function double(v: unknown): number {
  if (v == null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    if (v === 'NaN') return NaN;
    if (v === 'Infinity') return Infinity;
    if (v === '-Infinity') return -Infinity;
    const n = Number(v);
    if (v.trim() !== '' && !Number.isNaN(n)) return n;
  }
  throw new OtlpWireError('', `expected a number, got ${typeof v === 'string' ? JSON.stringify(v) : typeName(v)}`);
}

function optionalDouble(v: unknown): number | undefined {
  return v == null ? undefined : double(v);
}

interface LongLike {
  low: number;
  high: number;
}

function isLong(v: unknown): v is LongLike {
  return typeof v === 'object' && v !== null && typeof (v as LongLike).low === 'number' && typeof (v as LongLike).high === 'number';
}

function u64(v: unknown): bigint {
  if (v == null) return 0n;
  if (isLong(v)) return (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0);
  if (typeof v === 'string' && decimal.test(v) && !v.startsWith('-')) return BigInt(v);
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return BigInt(v);
  throw new OtlpWireError('', `expected an unsigned 64-bit integer, got ${typeof v === 'string' ? JSON.stringify(v) : typeName(v)}`);
}

function i64(v: unknown): bigint {
  if (v == null) return 0n;
  if (isLong(v)) return BigInt.asIntN(64, (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0));
  if (typeof v === 'string' && decimal.test(v)) return BigInt(v);
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  throw new OtlpWireError('', `expected a 64-bit integer, got ${typeof v === 'string' ? JSON.stringify(v) : typeName(v)}`);
}

function bytes(v: unknown): Uint8Array {
  if (v == null) return new Uint8Array(0);
  if (v instanceof Uint8Array) return v;
  if (typeof v === 'string') return Buffer.from(v, 'base64');
  throw new OtlpWireError('', `expected bytes (base64 in JSON), got ${typeName(v)}`);
}

/** Trace ids are 16 bytes, span ids 8; both travel as bytes in protobuf and as hex in OTLP/JSON. */
function id(size: number): (v: unknown) => string {
  return (v) => {
    if (v == null) return '';
    if (v instanceof Uint8Array) {
      if (v.length === 0) return '';
      if (v.length !== size) throw new OtlpWireError('', `expected ${size} bytes, got ${v.length}`);
      return Buffer.from(v.buffer, v.byteOffset, v.length).toString('hex');
    }
    if (typeof v === 'string') {
      if (v === '') return '';
      if (v.length !== size * 2 || !hexId.test(v)) throw new OtlpWireError('', `expected ${size * 2} hex characters, got ${JSON.stringify(v.slice(0, 64))}`);
      return v.toLowerCase();
    }
    throw new OtlpWireError('', `expected a hex id string, got ${typeName(v)}`);
  };
}
const traceId = id(16);
const spanId = id(8);

export function anyValue(v: unknown): AnyValue {
  const w = obj(v);
  if (w === undefined) return null;
  if (w.stringValue != null) return field(w, 'stringValue', str);
  if (w.boolValue != null) return field(w, 'boolValue', bool);
  if (w.intValue != null) return field(w, 'intValue', i64);
  if (w.doubleValue != null) return field(w, 'doubleValue', double);
  if (w.arrayValue != null) {
    const a = field(w, 'arrayValue', obj);
    return a === undefined ? [] : withField('arrayValue', () => list(a, 'values', anyValue));
  }
  if (w.kvlistValue != null) {
    const kv = field(w, 'kvlistValue', obj);
    return new KeyValueList(kv === undefined ? new Map() : withField('kvlistValue', () => attributes(kv, 'values')));
  }
  if (w.bytesValue != null) return field(w, 'bytesValue', bytes);
  return null;
}

function withField<T>(key: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    return withPath(err, key);
  }
}

/** Repeated KeyValue -> Map; a later duplicate key wins, as the spec leaves duplicates undefined. */
export function attributes(w: Wire, key = 'attributes'): Attributes {
  const out: Attributes = new Map();
  const v = w[key];
  if (v == null) return out;
  if (!Array.isArray(v)) throw new OtlpWireError(key, `expected an array, got ${typeName(v)}`);
  for (let i = 0; i < v.length; i++) {
    try {
      const kv = obj(v[i]);
      if (kv === undefined) continue;
      out.set(field(kv, 'key', str), field(kv, 'value', anyValue));
    } catch (err) {
      withPath(err, `${key}[${i}]`);
    }
  }
  return out;
}

function resource(v: unknown): Resource {
  const w = obj(v);
  if (w === undefined) return { attributes: new Map(), droppedAttributesCount: 0 };
  return { attributes: attributes(w), droppedAttributesCount: field(w, 'droppedAttributesCount', int) };
}

function scope(v: unknown): InstrumentationScope {
  const w = obj(v);
  if (w === undefined) return { name: '', version: '', attributes: new Map(), droppedAttributesCount: 0 };
  return {
    name: field(w, 'name', str),
    version: field(w, 'version', str),
    attributes: attributes(w),
    droppedAttributesCount: field(w, 'droppedAttributesCount', int),
  };
}

function required(v: unknown): Wire {
  const w = obj(v);
  if (w === undefined) throw new OtlpWireError('', 'expected an object, got null');
  return w;
}

// ---- traces

function span(v: unknown): Span {
  const w = required(v);
  const status = field(w, 'status', obj);
  return {
    traceId: field(w, 'traceId', traceId),
    spanId: field(w, 'spanId', spanId),
    traceState: field(w, 'traceState', str),
    parentSpanId: field(w, 'parentSpanId', spanId),
    flags: field(w, 'flags', int),
    name: field(w, 'name', str),
    kind: field(w, 'kind', int),
    startTimeUnixNano: field(w, 'startTimeUnixNano', u64),
    endTimeUnixNano: field(w, 'endTimeUnixNano', u64),
    attributes: attributes(w),
    droppedAttributesCount: field(w, 'droppedAttributesCount', int),
    events: list(w, 'events', (e) => {
      const ew = required(e);
      return {
        timeUnixNano: field(ew, 'timeUnixNano', u64),
        name: field(ew, 'name', str),
        attributes: attributes(ew),
        droppedAttributesCount: field(ew, 'droppedAttributesCount', int),
      };
    }),
    droppedEventsCount: field(w, 'droppedEventsCount', int),
    links: list(w, 'links', (l) => {
      const lw = required(l);
      return {
        traceId: field(lw, 'traceId', traceId),
        spanId: field(lw, 'spanId', spanId),
        traceState: field(lw, 'traceState', str),
        attributes: attributes(lw),
        droppedAttributesCount: field(lw, 'droppedAttributesCount', int),
        flags: field(lw, 'flags', int),
      };
    }),
    droppedLinksCount: field(w, 'droppedLinksCount', int),
    status: status === undefined
      ? { code: 0, message: '' }
      : withField('status', () => ({ code: field(status, 'code', int), message: field(status, 'message', str) })),
  };
}

export function tracesFromWire(v: unknown): TracesData {
  const w = required(v);
  return {
    resourceSpans: list(w, 'resourceSpans', (rs) => {
      const rw = required(rs);
      return {
        resource: field(rw, 'resource', resource),
        schemaUrl: field(rw, 'schemaUrl', str),
        scopeSpans: list(rw, 'scopeSpans', (ss) => {
          const sw = required(ss);
          return { scope: field(sw, 'scope', scope), schemaUrl: field(sw, 'schemaUrl', str), spans: list(sw, 'spans', span) };
        }),
      };
    }),
  };
}

// ---- logs

function logRecord(v: unknown): LogRecord {
  const w = required(v);
  return {
    timeUnixNano: field(w, 'timeUnixNano', u64),
    observedTimeUnixNano: field(w, 'observedTimeUnixNano', u64),
    severityNumber: field(w, 'severityNumber', int),
    severityText: field(w, 'severityText', str),
    body: field(w, 'body', anyValue),
    attributes: attributes(w),
    droppedAttributesCount: field(w, 'droppedAttributesCount', int),
    flags: field(w, 'flags', int),
    traceId: field(w, 'traceId', traceId),
    spanId: field(w, 'spanId', spanId),
    eventName: field(w, 'eventName', str),
  };
}

export function logsFromWire(v: unknown): LogsData {
  const w = required(v);
  return {
    resourceLogs: list(w, 'resourceLogs', (rl) => {
      const rw = required(rl);
      return {
        resource: field(rw, 'resource', resource),
        schemaUrl: field(rw, 'schemaUrl', str),
        scopeLogs: list(rw, 'scopeLogs', (sl) => {
          const sw = required(sl);
          return { scope: field(sw, 'scope', scope), schemaUrl: field(sw, 'schemaUrl', str), logRecords: list(sw, 'logRecords', logRecord) };
        }),
      };
    }),
  };
}

// ---- metrics

function exemplar(v: unknown): Exemplar {
  const w = required(v);
  return {
    filteredAttributes: attributes(w, 'filteredAttributes'),
    timeUnixNano: field(w, 'timeUnixNano', u64),
    value: w.asInt != null ? field(w, 'asInt', i64) : field(w, 'asDouble', double),
    spanId: field(w, 'spanId', spanId),
    traceId: field(w, 'traceId', traceId),
  };
}

function numberPoint(v: unknown): NumberDataPoint {
  const w = required(v);
  return {
    attributes: attributes(w),
    startTimeUnixNano: field(w, 'startTimeUnixNano', u64),
    timeUnixNano: field(w, 'timeUnixNano', u64),
    value: w.asInt != null ? field(w, 'asInt', i64) : field(w, 'asDouble', double),
    exemplars: list(w, 'exemplars', exemplar),
    flags: field(w, 'flags', int),
  };
}

function buckets(v: unknown): ExponentialBuckets {
  const w = obj(v);
  if (w === undefined) return { offset: 0, bucketCounts: [] };
  return { offset: field(w, 'offset', int), bucketCounts: list(w, 'bucketCounts', u64) };
}

function metricData(w: Wire): MetricData {
  if (w.gauge != null) {
    const g = required(w.gauge);
    return withField('gauge', () => ({ type: 'gauge', dataPoints: list(g, 'dataPoints', numberPoint) }));
  }
  if (w.sum != null) {
    const s = required(w.sum);
    return withField('sum', () => ({
      type: 'sum',
      dataPoints: list(s, 'dataPoints', numberPoint),
      aggregationTemporality: field(s, 'aggregationTemporality', int),
      isMonotonic: field(s, 'isMonotonic', bool),
    }));
  }
  if (w.histogram != null) {
    const h = required(w.histogram);
    return withField('histogram', () => ({
      type: 'histogram',
      aggregationTemporality: field(h, 'aggregationTemporality', int),
      dataPoints: list(h, 'dataPoints', (p) => {
        const pw = required(p);
        return {
          attributes: attributes(pw),
          startTimeUnixNano: field(pw, 'startTimeUnixNano', u64),
          timeUnixNano: field(pw, 'timeUnixNano', u64),
          count: field(pw, 'count', u64),
          sum: field(pw, 'sum', optionalDouble),
          bucketCounts: list(pw, 'bucketCounts', u64),
          explicitBounds: list(pw, 'explicitBounds', double),
          exemplars: list(pw, 'exemplars', exemplar),
          flags: field(pw, 'flags', int),
          min: field(pw, 'min', optionalDouble),
          max: field(pw, 'max', optionalDouble),
        };
      }),
    }));
  }
  if (w.exponentialHistogram != null) {
    const h = required(w.exponentialHistogram);
    return withField('exponentialHistogram', () => ({
      type: 'exponentialHistogram',
      aggregationTemporality: field(h, 'aggregationTemporality', int),
      dataPoints: list(h, 'dataPoints', (p) => {
        const pw = required(p);
        return {
          attributes: attributes(pw),
          startTimeUnixNano: field(pw, 'startTimeUnixNano', u64),
          timeUnixNano: field(pw, 'timeUnixNano', u64),
          count: field(pw, 'count', u64),
          sum: field(pw, 'sum', optionalDouble),
          scale: field(pw, 'scale', int),
          zeroCount: field(pw, 'zeroCount', u64),
          positive: field(pw, 'positive', buckets),
          negative: field(pw, 'negative', buckets),
          flags: field(pw, 'flags', int),
          exemplars: list(pw, 'exemplars', exemplar),
          min: field(pw, 'min', optionalDouble),
          max: field(pw, 'max', optionalDouble),
          zeroThreshold: field(pw, 'zeroThreshold', double),
        };
      }),
    }));
  }
  if (w.summary != null) {
    const s = required(w.summary);
    return withField('summary', () => ({
      type: 'summary',
      dataPoints: list(s, 'dataPoints', (p) => {
        const pw = required(p);
        return {
          attributes: attributes(pw),
          startTimeUnixNano: field(pw, 'startTimeUnixNano', u64),
          timeUnixNano: field(pw, 'timeUnixNano', u64),
          count: field(pw, 'count', u64),
          sum: field(pw, 'sum', double),
          quantileValues: list(pw, 'quantileValues', (q) => {
            const qw = required(q);
            return { quantile: field(qw, 'quantile', double), value: field(qw, 'value', double) };
          }),
          flags: field(pw, 'flags', int),
        };
      }),
    }));
  }
  return { type: 'empty', dataPoints: [] };
}

function metric(v: unknown): Metric {
  const w = required(v);
  return {
    name: field(w, 'name', str),
    description: field(w, 'description', str),
    unit: field(w, 'unit', str),
    metadata: attributes(w, 'metadata'),
    data: metricData(w),
  };
}

export function metricsFromWire(v: unknown): MetricsData {
  const w = required(v);
  return {
    resourceMetrics: list(w, 'resourceMetrics', (rm) => {
      const rw = required(rm);
      return {
        resource: field(rw, 'resource', resource),
        schemaUrl: field(rw, 'schemaUrl', str),
        scopeMetrics: list(rw, 'scopeMetrics', (sm) => {
          const sw = required(sm);
          return { scope: field(sw, 'scope', scope), schemaUrl: field(sw, 'schemaUrl', str), metrics: list(sw, 'metrics', metric) };
        }),
      };
    }),
  };
}
