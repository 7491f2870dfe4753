import { Buffer } from 'node:buffer';
import {
  KeyValueList,
  type AnyValue,
  type Attributes,
  type Exemplar,
  type ExponentialBuckets,
  type InstrumentationScope,
  type LogRecord,
  type Metric,
  type MetricData,
  type NumberDataPoint,
  type Resource,
  type Signal,
  type SignalData,
  type Span,
} from './types';
import { signalKeys } from './signal-shape';
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
export function list<T>(w: Wire, key: string, convert: (v: unknown) => T): T[] {
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

function shown(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v.slice(0, 64)) : typeName(v);
}

function str(v: unknown, key = ''): string {
  if (typeof v === 'string') return v;
  if (v == null) return '';
  throw new OtlpWireError(key, `expected a string, got ${typeName(v)}`);
}

function bool(v: unknown, key = ''): boolean {
  if (typeof v === 'boolean') return v;
  if (v == null) return false;
  throw new OtlpWireError(key, `expected a boolean, got ${typeName(v)}`);
}

function int(v: unknown, key = ''): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (v == null) return 0;
  if (typeof v === 'string' && decimal.test(v)) return Number(v);
  throw new OtlpWireError(key, `expected an integer, got ${shown(v)}`);
}

function double(v: unknown, key = ''): number {
  if (typeof v === 'number') return v;
  if (v == null) return 0;
  if (typeof v === 'string') {
    if (v === 'NaN') return NaN;
    if (v === 'Infinity') return Infinity;
    if (v === '-Infinity') return -Infinity;
    const n = Number(v);
    if (v.trim() !== '' && !Number.isNaN(n)) return n;
  }
  throw new OtlpWireError(key, `expected a number, got ${shown(v)}`);
}

function optionalDouble(v: unknown, key = ''): number | undefined {
  return v == null ? undefined : double(v, key);
}

interface LongLike {
  low: number;
  high: number;
}

function isLong(v: unknown): v is LongLike {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as LongLike).low === 'number' &&
    typeof (v as LongLike).high === 'number'
  );
}

// Values below 2^53 (every timestamp before the year 2255 in ms, and most counts) skip the BigInt shift.
function u64(v: unknown, key = ''): bigint {
  if (isLong(v)) return v.high === 0 ? BigInt(v.low >>> 0) : (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0);
  if (v == null) return 0n;
  if (typeof v === 'string' && decimal.test(v) && !v.startsWith('-')) return BigInt(v);
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return BigInt(v);
  throw new OtlpWireError(key, `expected an unsigned 64-bit integer, got ${shown(v)}`);
}

function i64(v: unknown, key = ''): bigint {
  if (isLong(v)) return BigInt.asIntN(64, (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0));
  if (v == null) return 0n;
  if (typeof v === 'string' && decimal.test(v)) return BigInt(v);
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  throw new OtlpWireError(key, `expected a 64-bit integer, got ${shown(v)}`);
}

function bytes(v: unknown, key = ''): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (v == null) return new Uint8Array(0);
  if (typeof v === 'string') return Buffer.from(v, 'base64');
  throw new OtlpWireError(key, `expected bytes (base64 in JSON), got ${typeName(v)}`);
}

/** Trace ids are 16 bytes, span ids 8; both travel as bytes in protobuf and as hex in OTLP/JSON. */
function id(v: unknown, size: number, key: string): string {
  if (v instanceof Uint8Array) {
    if (v.length === size)
      return (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.length)).toString('hex');
    if (v.length === 0) return '';
    throw new OtlpWireError(key, `expected ${size} bytes, got ${v.length}`);
  }
  if (v == null || v === '') return '';
  if (typeof v === 'string') {
    if (v.length !== size * 2 || !hexId.test(v))
      throw new OtlpWireError(key, `expected ${size * 2} hex characters, got ${JSON.stringify(v.slice(0, 64))}`);
    return v.toLowerCase();
  }
  throw new OtlpWireError(key, `expected a hex id string, got ${typeName(v)}`);
}

function traceId(v: unknown, key = 'traceId'): string {
  return id(v, 16, key);
}

function spanId(v: unknown, key = 'spanId'): string {
  return id(v, 8, key);
}

/** Deepest AnyValue nesting (arrays and key-value lists) accepted; deeper ones would overflow the stack later. */
export const MAX_ANY_VALUE_DEPTH = 100;

/** How deep arrayValue/kvlistValue nest under `v`, counted without recursion and stopping past `limit`. */
function nestingDepth(v: unknown, limit: number): number {
  const asWire = (x: unknown): Wire | undefined =>
    typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Wire) : undefined;
  let deepest = 0;
  const pending: [unknown, number][] = [[v, 0]];
  let next: [unknown, number] | undefined;
  while (deepest <= limit && (next = pending.pop()) !== undefined) {
    const [value, depth] = next;
    deepest = Math.max(deepest, depth);
    const w = asWire(value);
    const array = asWire(w?.arrayValue)?.values;
    const kvlist = asWire(w?.kvlistValue)?.values;
    if (Array.isArray(array)) for (const item of array) pending.push([item, depth + 1]);
    else if (Array.isArray(kvlist)) for (const kv of kvlist) pending.push([asWire(kv)?.value, depth + 1]);
  }
  return deepest;
}

/** An attribute value or body: its nesting is checked once here, before the recursive read. */
export function anyValue(v: unknown, key = ''): AnyValue {
  if (nestingDepth(v, MAX_ANY_VALUE_DEPTH) > MAX_ANY_VALUE_DEPTH) {
    throw new OtlpWireError(key, `value nested deeper than ${MAX_ANY_VALUE_DEPTH} levels of arrayValue/kvlistValue`);
  }
  return nestedAnyValue(v, key);
}

function nestedAnyValue(v: unknown, key = ''): AnyValue {
  try {
    const w = obj(v);
    if (w === undefined) return null;
    if (w.stringValue != null) return str(w.stringValue, 'stringValue');
    if (w.intValue != null) return i64(w.intValue, 'intValue');
    if (w.boolValue != null) return bool(w.boolValue, 'boolValue');
    if (w.doubleValue != null) return double(w.doubleValue, 'doubleValue');
    if (w.arrayValue != null) {
      const a = field(w, 'arrayValue', obj);
      return a === undefined ? [] : withField('arrayValue', () => list(a, 'values', (item) => nestedAnyValue(item)));
    }
    if (w.kvlistValue != null) {
      const kv = field(w, 'kvlistValue', obj);
      return new KeyValueList(
        kv === undefined ? new Map() : withField('kvlistValue', () => attributes(kv, 'values', nestedAnyValue)),
      );
    }
    if (w.bytesValue != null) return bytes(w.bytesValue, 'bytesValue');
    return null;
  } catch (err) {
    if (key === '') throw err;
    return withPath(err, key);
  }
}

function withField<T>(key: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    return withPath(err, key);
  }
}

/** Repeated KeyValue -> Map; a later duplicate key wins, as the spec leaves duplicates undefined. */
export function attributes(
  w: Wire,
  key = 'attributes',
  value: (v: unknown, key: string) => AnyValue = anyValue,
): Attributes {
  const out: Attributes = new Map();
  const v = w[key];
  if (v == null) return out;
  if (!Array.isArray(v)) throw new OtlpWireError(key, `expected an array, got ${typeName(v)}`);
  for (let i = 0; i < v.length; i++) {
    try {
      const kv = obj(v[i]);
      if (kv === undefined) continue;
      const name = str(kv.key, 'key');
      // Attribute keys become label, metadata and extracted names in plain objects, which cannot hold this one.
      if (name === '__proto__') throw new OtlpWireError('key', 'the key __proto__ is not accepted');
      out.set(name, value(kv.value, 'value'));
    } catch (err) {
      withPath(err, `${key}[${i}]`);
    }
  }
  return out;
}

function resource(v: unknown): Resource {
  const w = obj(v);
  if (w === undefined) return { attributes: new Map(), droppedAttributesCount: 0 };
  return { attributes: attributes(w), droppedAttributesCount: int(w.droppedAttributesCount, 'droppedAttributesCount') };
}

function scope(v: unknown): InstrumentationScope {
  const w = obj(v);
  if (w === undefined) return { name: '', version: '', attributes: new Map(), droppedAttributesCount: 0 };
  return {
    name: str(w.name, 'name'),
    version: str(w.version, 'version'),
    attributes: attributes(w),
    droppedAttributesCount: int(w.droppedAttributesCount, 'droppedAttributesCount'),
  };
}

/**
 * A resource or scope of the envelope: its `resource` or `scope` and `schemaUrl` read from `w`, then its children
 * (`key`) from `children`, in that order, so the first error in document order is the one thrown.
 */
export function levelFromWire(w: Wire, level: 'resource' | 'scope', key: string, children: () => unknown[]): Wire {
  return {
    [level]: field(w, level, level === 'resource' ? resource : scope),
    schemaUrl: str(w.schemaUrl, 'schemaUrl'),
    [key]: children(),
  };
}

/** The resources -> scopes -> items envelope every signal shares, read by one walk for all three. */
function envelopeFromWire<S extends Signal>(signal: S, item: (v: unknown) => unknown): (v: unknown) => SignalData[S] {
  const [resources, scopes, items] = signalKeys[signal];
  return (v) => {
    const w = required(v);
    const data = {
      [resources]: list(w, resources, (rv) => {
        const rw = required(rv);
        return levelFromWire(rw, 'resource', scopes, () =>
          list(rw, scopes, (sv) => {
            const sw = required(sv);
            return levelFromWire(sw, 'scope', items, () => list(sw, items, item));
          }),
        );
      }),
    };
    // The keys and item reader come from the signal, so the object has that signal's shape.
    return data as unknown as SignalData[S];
  };
}

export function required(v: unknown): Wire {
  const w = obj(v);
  if (w === undefined) throw new OtlpWireError('', 'expected an object, got null');
  return w;
}

// ---- traces

function spanEvent(e: unknown): Span['events'][number] {
  const ew = required(e);
  return {
    timeUnixNano: u64(ew.timeUnixNano, 'timeUnixNano'),
    name: str(ew.name, 'name'),
    attributes: attributes(ew),
    droppedAttributesCount: int(ew.droppedAttributesCount, 'droppedAttributesCount'),
  };
}

function spanLink(l: unknown): Span['links'][number] {
  const lw = required(l);
  return {
    traceId: traceId(lw.traceId),
    spanId: spanId(lw.spanId),
    traceState: str(lw.traceState, 'traceState'),
    attributes: attributes(lw),
    droppedAttributesCount: int(lw.droppedAttributesCount, 'droppedAttributesCount'),
    flags: int(lw.flags, 'flags'),
  };
}

function span(v: unknown): Span {
  const w = required(v);
  const status = field(w, 'status', obj);
  return {
    traceId: traceId(w.traceId),
    spanId: spanId(w.spanId),
    traceState: str(w.traceState, 'traceState'),
    parentSpanId: spanId(w.parentSpanId, 'parentSpanId'),
    flags: int(w.flags, 'flags'),
    name: str(w.name, 'name'),
    kind: int(w.kind, 'kind'),
    startTimeUnixNano: u64(w.startTimeUnixNano, 'startTimeUnixNano'),
    endTimeUnixNano: u64(w.endTimeUnixNano, 'endTimeUnixNano'),
    attributes: attributes(w),
    droppedAttributesCount: int(w.droppedAttributesCount, 'droppedAttributesCount'),
    events: list(w, 'events', spanEvent),
    droppedEventsCount: int(w.droppedEventsCount, 'droppedEventsCount'),
    links: list(w, 'links', spanLink),
    droppedLinksCount: int(w.droppedLinksCount, 'droppedLinksCount'),
    status:
      status === undefined
        ? { code: 0, message: '' }
        : withField('status', () => ({ code: int(status.code, 'code'), message: str(status.message, 'message') })),
  };
}

export const tracesFromWire = envelopeFromWire('traces', span);

// ---- logs

function logRecord(v: unknown): LogRecord {
  const w = required(v);
  return {
    timeUnixNano: u64(w.timeUnixNano, 'timeUnixNano'),
    observedTimeUnixNano: u64(w.observedTimeUnixNano, 'observedTimeUnixNano'),
    severityNumber: int(w.severityNumber, 'severityNumber'),
    severityText: str(w.severityText, 'severityText'),
    body: anyValue(w.body, 'body'),
    attributes: attributes(w),
    droppedAttributesCount: int(w.droppedAttributesCount, 'droppedAttributesCount'),
    flags: int(w.flags, 'flags'),
    traceId: traceId(w.traceId),
    spanId: spanId(w.spanId),
    eventName: str(w.eventName, 'eventName'),
  };
}

export const logsFromWire = envelopeFromWire('logs', logRecord);

// ---- metrics

function exemplar(v: unknown): Exemplar {
  const w = required(v);
  return {
    filteredAttributes: attributes(w, 'filteredAttributes'),
    timeUnixNano: u64(w.timeUnixNano, 'timeUnixNano'),
    value: w.asInt != null ? i64(w.asInt, 'asInt') : double(w.asDouble, 'asDouble'),
    spanId: spanId(w.spanId),
    traceId: traceId(w.traceId),
  };
}

/** The fields every data point has, whatever its metric type. */
function pointBase(w: Wire) {
  return {
    attributes: attributes(w),
    startTimeUnixNano: u64(w.startTimeUnixNano, 'startTimeUnixNano'),
    timeUnixNano: u64(w.timeUnixNano, 'timeUnixNano'),
    flags: int(w.flags, 'flags'),
  };
}

/** The fields both histogram kinds add to the base. */
function histogramBase(w: Wire) {
  return {
    ...pointBase(w),
    count: u64(w.count, 'count'),
    sum: optionalDouble(w.sum, 'sum'),
    exemplars: list(w, 'exemplars', exemplar),
    min: optionalDouble(w.min, 'min'),
    max: optionalDouble(w.max, 'max'),
  };
}

function numberPoint(v: unknown): NumberDataPoint {
  const w = required(v);
  return {
    ...pointBase(w),
    value: w.asInt != null ? i64(w.asInt, 'asInt') : double(w.asDouble, 'asDouble'),
    exemplars: list(w, 'exemplars', exemplar),
  };
}

function buckets(v: unknown): ExponentialBuckets {
  const w = obj(v);
  if (w === undefined) return { offset: 0, bucketCounts: [] };
  return { offset: int(w.offset, 'offset'), bucketCounts: list(w, 'bucketCounts', u64) };
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
      aggregationTemporality: int(s.aggregationTemporality, 'aggregationTemporality'),
      isMonotonic: bool(s.isMonotonic, 'isMonotonic'),
    }));
  }
  if (w.histogram != null) {
    const h = required(w.histogram);
    return withField('histogram', () => ({
      type: 'histogram',
      aggregationTemporality: int(h.aggregationTemporality, 'aggregationTemporality'),
      dataPoints: list(h, 'dataPoints', (p) => {
        const pw = required(p);
        return {
          ...histogramBase(pw),
          bucketCounts: list(pw, 'bucketCounts', u64),
          explicitBounds: list(pw, 'explicitBounds', double),
        };
      }),
    }));
  }
  if (w.exponentialHistogram != null) {
    const h = required(w.exponentialHistogram);
    return withField('exponentialHistogram', () => ({
      type: 'exponentialHistogram',
      aggregationTemporality: int(h.aggregationTemporality, 'aggregationTemporality'),
      dataPoints: list(h, 'dataPoints', (p) => {
        const pw = required(p);
        return {
          ...histogramBase(pw),
          scale: int(pw.scale, 'scale'),
          zeroCount: u64(pw.zeroCount, 'zeroCount'),
          positive: field(pw, 'positive', buckets),
          negative: field(pw, 'negative', buckets),
          zeroThreshold: double(pw.zeroThreshold, 'zeroThreshold'),
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
          ...pointBase(pw),
          count: u64(pw.count, 'count'),
          sum: double(pw.sum, 'sum'),
          quantileValues: list(pw, 'quantileValues', (q) => {
            const qw = required(q);
            return { quantile: double(qw.quantile, 'quantile'), value: double(qw.value, 'value') };
          }),
        };
      }),
    }));
  }
  return { type: 'empty', dataPoints: [] };
}

function metric(v: unknown): Metric {
  const w = required(v);
  return {
    name: str(w.name, 'name'),
    description: str(w.description, 'description'),
    unit: str(w.unit, 'unit'),
    metadata: attributes(w, 'metadata'),
    data: metricData(w),
  };
}

export const metricsFromWire = envelopeFromWire('metrics', metric);

/** Each signal's item reader (span, metric, log record), for decodes that walk the envelope themselves. */
export const itemFromWire: { readonly [S in Signal]: (v: unknown) => unknown } = {
  traces: span,
  metrics: metric,
  logs: logRecord,
};
