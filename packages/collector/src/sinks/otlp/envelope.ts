import { Buffer } from 'node:buffer';
import type { LogEntry } from '../../entry';
import { nowNs } from '../../entry';

/**
 * Traces and metrics ride the delivery queue (memory or disk WAL) as one entry per request: the line holds the
 * encoded protobuf in base64 and structured metadata its item count. Encoded OTLP requests have only repeated
 * fields, so the bytes of several concatenate into one valid request: a send needs no decode.
 */
export function toEnvelope(encoded: Uint8Array, items: number): LogEntry {
  return { timestampNs: nowNs(), line: Buffer.from(encoded.buffer, encoded.byteOffset, encoded.length).toString('base64'), labels: {}, structuredMetadata: { items: String(items) }, extracted: {} };
}

/** Joins queued envelopes into one request body; returns the body and the items it holds. */
export function joinEnvelopes(entries: readonly LogEntry[]): { body: Buffer; items: number } {
  const parts: Buffer[] = [];
  let items = 0;
  for (const e of entries) {
    parts.push(Buffer.from(e.line, 'base64'));
    items += Number(e.structuredMetadata.items ?? 0);
  }
  return { body: Buffer.concat(parts), items };
}
