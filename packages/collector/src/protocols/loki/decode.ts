import * as snappy from 'snappyjs';
import type { Labels } from '../../entry';
import { PermanentError } from '../../errors';
import { LABEL_NAME, parseLabels } from './labels';
import { pushRequestType, type WireEntry, type WirePushRequest } from './push-proto';

export interface DecodedEntry {
  timestampNs: bigint;
  line: string;
  structuredMetadata: Labels;
}

export interface DecodedStream {
  labels: Labels;
  entries: DecodedEntry[];
}

/** Raised for a push body that can never be accepted; the message names the failing field path. */
export class PushBodyError extends PermanentError {}

// Entries keep names in plain objects, where `__proto__` cannot be a key: refused rather than lost.
const UNKEEPABLE_NAME = '__proto__';

/** Why Loki (or our plain-object label sets) could not keep `name` as a label name, or undefined. */
function labelNameProblem(name: string): string | undefined {
  if (name === UNKEEPABLE_NAME) return 'the name __proto__ is not accepted';
  if (!LABEL_NAME.test(name))
    return `invalid label name ${JSON.stringify(name.slice(0, 100))}: Loki takes [a-zA-Z_][a-zA-Z0-9_]*`;
  return undefined;
}

function metadataNameProblem(name: string): string | undefined {
  return name === UNKEEPABLE_NAME ? 'the name __proto__ is not accepted' : undefined;
}

/** Decodes a Loki push body: snappy-block protobuf PushRequest. */
export function decodeProtobufPush(body: Uint8Array, maxBytes: number): DecodedStream[] {
  return decodePushRequest(uncompressPush(body, maxBytes));
}

/** The PushRequest bytes of a Loki protobuf push body (snappy block format), at most `maxBytes` of them. */
export function uncompressPush(body: Uint8Array, maxBytes: number): Uint8Array {
  try {
    return snappy.uncompress(body, maxBytes);
  } catch (err) {
    throw new PushBodyError(`${NOT_SNAPPY}: ${(err as Error).message}`);
  }
}

/** The streams of uncompressed PushRequest bytes, decoded and checked at once. */
export function decodePushRequest(raw: Uint8Array): DecodedStream[] {
  let request: WirePushRequest;
  try {
    request = pushRequestType.toObject(pushRequestType.decode(raw), {
      longs: String,
      defaults: true,
    }) as unknown as WirePushRequest;
  } catch (err) {
    throw new PushBodyError(`${NOT_PUSH_REQUEST}: ${(err as Error).message}`);
  }
  return request.streams.map((stream, s) => {
    const at = `streams[${s}]`;
    return {
      labels: protobufStreamLabels(stream.labels, at),
      entries: stream.entries.map((entry, e) => protobufEntry(entry, `${at}.entries[${e}]`)),
    };
  });
}

// The errors of a protobuf push, shared with the incremental decoder (decode-protobuf-incremental.ts) so both say the same.
export const NOT_PUSH_REQUEST = 'body is not a logproto.PushRequest';
export const NOT_SNAPPY = 'body is not snappy block-compressed protobuf';

/** The labels of the protobuf stream at `at`, from its `labels` string (`{job="a"}`). */
export function protobufStreamLabels(labels: string, at: string): Labels {
  try {
    return parseLabels(labels);
  } catch (err) {
    throw new PushBodyError(`${at}.labels: ${(err as Error).message}`);
  }
}

/** One EntryAdapter of a protobuf push, checked; `path` names it in errors (`streams[0].entries[3]`). */
export function protobufEntry(entry: WireEntry, path: string): DecodedEntry {
  const seconds = BigInt(String(entry.timestamp?.seconds ?? 0));
  const nanos = entry.timestamp?.nanos ?? 0;
  if (nanos < 0 || nanos > 999_999_999)
    throw new PushBodyError(`${path}.timestamp.nanos: must be within 0..999999999, got ${nanos}`);
  const structuredMetadata: Labels = {};
  for (const [m, pair] of (entry.structuredMetadata ?? []).entries()) {
    const problem = metadataNameProblem(pair.name);
    if (problem !== undefined) throw new PushBodyError(`${path}.structuredMetadata[${m}].name: ${problem}`);
    structuredMetadata[pair.name] = pair.value;
  }
  return { timestampNs: seconds * 1_000_000_000n + BigInt(nanos), line: entry.line, structuredMetadata };
}

/** Decodes a Loki JSON push body: `{"streams":[{"stream":{..},"values":[["<ns>","line",{meta}]]}]}`. */
export function decodeJsonPush(text: string): DecodedStream[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw new PushBodyError(`body is not valid JSON: ${(err as Error).message}`);
  }
  if (!isObject(body) || !Array.isArray(body.streams)) throw new PushBodyError(NOT_STREAMS);
  return body.streams.map((stream: unknown, s: number) => {
    const at = `streams[${s}]`;
    if (!isObject(stream)) throw new PushBodyError(notStreamObject(at));
    const labels = jsonStreamLabels(stream.stream, at);
    if (!Array.isArray(stream.values)) throw new PushBodyError(notValues(at));
    return {
      labels,
      entries: stream.values.map((value: unknown, v: number) => jsonEntry(value, `${at}.values[${v}]`)),
    };
  });
}

// The shape errors of a JSON push, shared with the incremental decoder (decode-json-incremental.ts) so both say the same.
export const NOT_STREAMS = 'streams: expected an array of streams';
export const notStreamObject = (at: string): string => `${at}: expected an object with "stream" and "values"`;
export const notValues = (at: string): string => `${at}.values: expected an array of [timestamp, line] pairs`;

/** The labels of the JSON stream at `at` from its parsed `"stream"` value (absent or null: none). */
export function jsonStreamLabels(value: unknown, at: string): Labels {
  return stringMap(value ?? {}, `${at}.stream`, labelNameProblem);
}

/** One parsed element of a JSON stream's `"values"`, checked; `path` names it in errors (`streams[0].values[3]`). */
export function jsonEntry(value: unknown, path: string): DecodedEntry {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3)
    throw new PushBodyError(
      `${path}: expected ["<unix ns as string>", "line"] or with a third structured-metadata object`,
    );
  const [ts, line, meta] = value as unknown[];
  if (typeof ts !== 'string' || !/^\d{1,19}$/.test(ts))
    throw new PushBodyError(
      `${path}[0]: timestamp must be a string of Unix epoch nanoseconds, got ${JSON.stringify(ts)}`,
    );
  if (typeof line !== 'string') throw new PushBodyError(`${path}[1]: line must be a string, got ${typeof line}`);
  return {
    timestampNs: BigInt(ts),
    line,
    structuredMetadata: meta === undefined ? {} : stringMap(meta, `${path}[2]`, metadataNameProblem),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringMap(value: unknown, path: string, nameProblem: (name: string) => string | undefined): Labels {
  if (!isObject(value)) throw new PushBodyError(`${path}: expected an object of string values`);
  const out: Labels = {};
  for (const [key, v] of Object.entries(value)) {
    const problem = nameProblem(key);
    if (problem !== undefined)
      throw new PushBodyError(
        `${path}${/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key.slice(0, 100))}]`}: ${problem}`,
      );
    if (typeof v !== 'string')
      throw new PushBodyError(`${path}.${key}: expected a string, got ${v === null ? 'null' : typeof v}`);
    out[key] = v;
  }
  return out;
}
