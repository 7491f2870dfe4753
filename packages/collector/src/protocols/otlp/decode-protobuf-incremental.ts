import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Reader } from 'protobufjs';
import { codecs } from './codec';
import { itemFromWire, levelFromWire } from './from-wire';
import { INCREMENTAL_OTLP_MIN_BYTES, OTLP_SLICE_BYTES, type IncrementalOtlpOptions } from './incremental';
import { envelopeTypes, protoReader, type EnvelopeTypes } from './proto';
import { signalKeys } from './signal-shape';
import type { Signal, SignalData } from './types';
import { caught, failed, invalidProtobuf, OtlpWireError, prefixPath } from './wire-error';

/**
 * An OTLP protobuf request decoded an item (span, metric, log record) at a time, with a turn of the event loop every
 * slice of bytes, so a large body does not hold the loop (and /healthz) for the second a single decode takes. Every
 * signal nests alike: the request's field 1 repeats its resources, a resource's field 2 its scopes, a scope's field 2
 * its items (field 1 is the Resource or InstrumentationScope, field 3 the schema URL), each length-delimited. The walk
 * below reads those levels as the generated decoders do, on one reader over the body, and hands each message to the
 * generated type and each item to from-wire.ts at once.
 *
 * The answer is codecs[signal].decodeProtobuf's: the whole body is walked before anything is returned, a wire error
 * anywhere wins over a shape error, and among shape errors the first in document order (a resource or scope before
 * its children; the last of a repeated resource or scope counts). What it holds is what the one-call decode holds:
 * the body and the decoded request (items already converted, not their protobufjs objects as well).
 */

const LEVEL = 1; // the Resource or InstrumentationScope of a level
const CHILDREN = 2; // a resource's scopes, a scope's items
const SCHEMA_URL = 3;

type Wire = Record<string, unknown>;

/** Decodes an OTLP protobuf request of `signal`; throws OtlpWireError naming the field, as decodeProtobuf does. */
export async function decodeProtobufIncrementally<S extends Signal>(
  signal: S,
  body: Uint8Array,
  options: IncrementalOtlpOptions = {},
): Promise<SignalData[S]> {
  if (body.length < (options.minBytes ?? INCREMENTAL_OTLP_MIN_BYTES)) return codecs[signal].decodeProtobuf(body);
  const walk = new RequestWalk(signal, options.sliceBytes ?? OTLP_SLICE_BYTES);
  let result: Wire | OtlpWireError;
  try {
    result = await walk.request(protoReader(body));
  } catch (err) {
    throw invalidProtobuf(err);
  }
  if (result instanceof OtlpWireError) throw result;
  // The keys come from the signal, so the object has that signal's shape.
  return result as unknown as SignalData[S];
}

/** One request's walk. Each level answers its converted object, the first problem in it, or undefined when not checked. */
class RequestWalk {
  readonly #keys: readonly [string, string, string];
  readonly #types: EnvelopeTypes;
  readonly #item: (v: unknown) => unknown;
  #yieldedAt = 0;

  constructor(
    signal: Signal,
    readonly sliceBytes: number,
  ) {
    this.#keys = signalKeys[signal];
    this.#types = envelopeTypes(signal);
    this.#item = itemFromWire[signal];
  }

  async request(reader: Reader): Promise<Wire | OtlpWireError> {
    const [key] = this.#keys;
    const resources: Wire[] = [];
    let problem: OtlpWireError | undefined;
    for (let r = 0; reader.pos < reader.len;) {
      const tag = reader.uint32();
      if (tag >>> 3 !== 1) {
        reader.skipType(tag & 7);
        continue;
      }
      const resource = await this.#resource(reader, reader.uint32(), problem === undefined);
      if (resource instanceof OtlpWireError) {
        problem = prefixPath(resource, `${key}[${r}]`);
        resources.length = 0; // nothing of a refused request is kept
      } else if (resource !== undefined) resources.push(resource);
      r++;
    }
    return problem ?? { [key]: resources };
  }

  async #resource(reader: Reader, length: number, check: boolean): Promise<Wire | OtlpWireError | undefined> {
    const key = this.#keys[1];
    const end = reader.pos + length;
    let resource: unknown = null;
    let schemaUrl = '';
    const scopes: Wire[] = [];
    let problem: OtlpWireError | undefined;
    for (let s = 0; reader.pos < end;) {
      const tag = reader.uint32();
      const field = tag >>> 3;
      if (field === LEVEL) resource = this.#types.resource.decode(reader, reader.uint32());
      else if (field === SCHEMA_URL) schemaUrl = reader.string();
      else if (field !== CHILDREN) reader.skipType(tag & 7);
      else {
        const scope = await this.#scope(reader, reader.uint32(), check && problem === undefined);
        if (scope instanceof OtlpWireError) {
          problem = prefixPath(scope, `${key}[${s}]`);
          scopes.length = 0;
        } else if (scope !== undefined) scopes.push(scope);
        s++;
      }
    }
    if (!check) return undefined;
    return caught(() => levelFromWire({ resource, schemaUrl }, 'resource', key, () => failed(problem) ?? scopes));
  }

  async #scope(reader: Reader, length: number, check: boolean): Promise<Wire | OtlpWireError | undefined> {
    const key = this.#keys[2];
    const end = reader.pos + length;
    let scope: unknown = null;
    let schemaUrl = '';
    const items: unknown[] = [];
    let problem: OtlpWireError | undefined;
    for (let i = 0; reader.pos < end;) {
      const tag = reader.uint32();
      const field = tag >>> 3;
      if (field === LEVEL) scope = this.#types.scope.decode(reader, reader.uint32());
      else if (field === SCHEMA_URL) schemaUrl = reader.string();
      else if (field !== CHILDREN) reader.skipType(tag & 7);
      else {
        const item = this.#types.item.decode(reader, reader.uint32());
        if (check && problem === undefined) {
          const value = caught(() => this.#item(item));
          if (value instanceof OtlpWireError) {
            problem = prefixPath(value, `${key}[${i}]`);
            items.length = 0;
          } else items.push(value);
        }
        i++;
        await this.#turn(reader);
      }
    }
    if (!check) return undefined;
    return caught(() => levelFromWire({ scope, schemaUrl }, 'scope', key, () => failed(problem) ?? items));
  }

  async #turn(reader: Reader): Promise<void> {
    if (reader.pos - this.#yieldedAt < this.sliceBytes) return;
    this.#yieldedAt = reader.pos;
    await nextTurn();
  }
}
