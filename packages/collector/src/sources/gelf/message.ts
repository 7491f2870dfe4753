import * as zlib from 'node:zlib';
import type { Labels } from '../../entry';
import { SEVERITIES } from '../syslog/labels';
import { GelfError } from './chunks';

/** One GELF message as Promtail reads it (go-gelf): the standard fields, and every other field kept in `extra`. */
export interface GelfMessage {
  version: string;
  host: string;
  short: string;
  full: string;
  /** Seconds since the epoch, with a fraction; 0 when the message has none. */
  timestamp: number;
  level: number;
  facility: string;
  extra: Record<string, unknown>;
}

/** A payload (a datagram or a reassembled chunked message) as JSON text: zlib and gzip are undone, under the limit. */
export function payloadText(payload: Buffer, maxBytes: number): string {
  if (payload.length > maxBytes)
    throw new GelfError('too_large', `message of ${payload.length} bytes is over max_message_bytes (${maxBytes})`);
  const gzip = payload[0] === 0x1f && payload[1] === 0x8b;
  // A zlib stream starts with CMF 0x78 (deflate, 32 KiB window) in practice; its header checksum is checked by inflate.
  const deflate = payload[0] === 0x78;
  if (!gzip && !deflate) return payload.toString('utf8');
  try {
    // Synchronous: a UDP payload is small, and the output is capped at maxBytes.
    return (gzip ? zlib.gunzipSync : zlib.inflateSync)(payload, { maxOutputLength: maxBytes }).toString('utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new GelfError('too_large', `decompressed message is over max_message_bytes (${maxBytes})`);
    throw new GelfError('invalid_compression', `invalid ${gzip ? 'gzip' : 'zlib'} payload: ${(err as Error).message}`);
  }
}

const STRING_FIELDS = {
  version: 'version',
  host: 'host',
  short_message: 'short',
  full_message: 'full',
  facility: 'facility',
} as const;

/** Parses a GELF JSON object; a field of the wrong type is an error, as in go-gelf. */
export function parseGelf(text: string): GelfMessage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new GelfError('invalid_json', `invalid JSON: ${(err as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new GelfError('invalid_json', 'a GELF message is a JSON object');
  const msg: GelfMessage = {
    version: '',
    host: '',
    short: '',
    full: '',
    timestamp: 0,
    level: 0,
    facility: '',
    extra: {},
  };
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    if (Object.hasOwn(STRING_FIELDS, key)) {
      if (typeof field !== 'string') throw new GelfError('invalid_json', `field ${key} is not a string`);
      msg[STRING_FIELDS[key as keyof typeof STRING_FIELDS]] = field;
    } else if (key === 'timestamp' || key === 'level') {
      if (typeof field !== 'number') throw new GelfError('invalid_json', `field ${key} is not a number`);
      msg[key] = key === 'level' ? Math.trunc(field) : field;
    } else {
      msg.extra[key] = field;
    }
  }
  return msg;
}

/** The `__gelf_message_*` labels Promtail sets, added to `labels`; an empty value makes no label. */
export function gelfLabels(msg: GelfMessage, labels: Labels): Labels {
  const set = (name: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') labels[name] = value;
  };
  set('__gelf_message_level', SEVERITIES[msg.level]);
  set('__gelf_message_host', msg.host);
  set('__gelf_message_version', msg.version);
  set('__gelf_message_facility', msg.facility);
  return labels;
}

/** The timestamp in nanoseconds, cut to whole nanoseconds as Promtail does; undefined when the message has none. */
export function gelfTimestampNs(msg: GelfMessage): bigint | undefined {
  if (msg.timestamp === 0 || !Number.isFinite(msg.timestamp)) return undefined;
  const seconds = Math.trunc(msg.timestamp);
  return BigInt(seconds) * 1_000_000_000n + BigInt(Math.trunc((msg.timestamp - seconds) * 1e9));
}

/**
 * The line Promtail sends: the message re-encoded as go-gelf does (standard fields in their order, empty optional
 * ones left out, then the other fields sorted by name), with Go's JSON escaping.
 */
export function gelfLine(msg: GelfMessage): string {
  const head: Record<string, unknown> = { version: msg.version, host: msg.host, short_message: msg.short };
  if (msg.full !== '') head.full_message = msg.full;
  head.timestamp = msg.timestamp;
  if (msg.level !== 0) head.level = msg.level;
  if (msg.facility !== '') head.facility = msg.facility;
  const fields = [
    ...Object.entries(head),
    ...Object.entries(msg.extra).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ];
  return `{${fields.map(([k, v]) => `${goJson(k)}:${goJson(v)}`).join(',')}}`;
}

/** JSON as Go's encoding/json writes it: map keys sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped. */
function goJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${goJson(k)}:${goJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  const text = JSON.stringify(value) ?? 'null';
  return typeof value === 'string'
    ? text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : text;
}
