import { Buffer } from 'node:buffer';
import { KeyValueList, type AnyValue } from './types';

/** Renders an attribute or body value as text: strings as-is, structures as JSON, bytes as base64. */
export function anyValueToString(v: AnyValue): string {
  if (typeof v === 'string') return v;
  if (v === null) return '';
  if (typeof v === 'object') return JSON.stringify(anyValueToJson(v));
  return String(v);
}

/** A JSON-ready view of a value (bigint as number when safe, else as string). */
export function anyValueToJson(v: AnyValue): unknown {
  if (typeof v === 'bigint')
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.length).toString('base64');
  if (v instanceof KeyValueList) {
    const out: Record<string, unknown> = {};
    for (const [k, item] of v.values) out[k] = anyValueToJson(item);
    return out;
  }
  if (Array.isArray(v)) return v.map(anyValueToJson);
  return v;
}
