import { Buffer } from 'node:buffer';

/** Fields whose bytes OTLP/JSON writes as hex rather than proto3 JSON's base64. */
const hexIdFields = new Set(['traceId', 'spanId', 'parentSpanId']);

/**
 * Serialises a wire object from to-wire.ts as OTLP/JSON: hex trace/span ids, base64 for other bytes,
 * 64-bit ints as the decimal strings to-wire already made, integer enums, and NaN/±Infinity as proto3 JSON strings.
 */
export function wireToOtlpJson(wire: Record<string, unknown>): string {
  return JSON.stringify(wire, otlpJsonValue);
}

// A function replacer sees Buffer.toJSON's output as `value`; the holder still has the raw bytes.
function otlpJsonValue(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  if (raw instanceof Uint8Array) {
    const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    return bytes.toString(hexIdFields.has(key) ? 'hex' : 'base64');
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}
