import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Reader } from 'protobufjs';
import { codecs } from './codec';
import { itemFromWire, levelFromWire } from './from-wire';
import {
  INCREMENTAL_OTLP_MIN_BYTES,
  ITEMS_LEVEL,
  OTLP_LEVELS,
  OTLP_SLICE_BYTES,
  WalkedChildren,
  type IncrementalOtlpOptions,
  type WalkedLevel,
} from './incremental';
import { envelopeTypes, protoReader, type EnvelopeTypes } from './proto';
import { signalKeys } from './signal-shape';
import type { Signal, SignalData } from './types';
import { caught, invalidProtobuf, OtlpWireError } from './wire-error';

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

const REQUEST_CHILDREN = 1; // the request's resources
const OWN = 1; // the Resource or InstrumentationScope of a resource or scope
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
  let result: WalkedLevel;
  try {
    const reader = protoReader(body);
    result = await walk.level(reader, reader.len, 0, true);
  } catch (err) {
    throw invalidProtobuf(err);
  }
  if (result instanceof OtlpWireError) throw result;
  // The keys come from the signal, so the object has that signal's shape.
  return result as unknown as SignalData[S];
}

/** One request's walk: one method for every level, resource -> scope, and one for the items. */
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

  /** The level `depth` (0, the request; OTLP_LEVELS) whose message ends at `end`, its children walked as it goes. */
  async level(reader: Reader, end: number, depth: number, check: boolean): Promise<WalkedLevel> {
    const own = OTLP_LEVELS[depth];
    const childField = own === undefined ? REQUEST_CHILDREN : CHILDREN;
    const fields: Wire = own === undefined ? {} : { [own]: null, schemaUrl: '' };
    const children = new WalkedChildren(this.#keys[depth]);
    for (let i = 0; reader.pos < end;) {
      const tag = reader.uint32();
      const field = tag >>> 3;
      if (field === childField) {
        const length = reader.uint32();
        const checkChild = check && children.checking;
        if (depth < ITEMS_LEVEL)
          children.add(i++, await this.level(reader, reader.pos + length, depth + 1, checkChild));
        else {
          children.add(i++, this.#itemAt(reader, length, checkChild));
          await this.#turn(reader);
        }
      } else if (own !== undefined && field === OWN) fields[own] = this.#types[own].decode(reader, reader.uint32());
      else if (own !== undefined && field === SCHEMA_URL) fields.schemaUrl = reader.string();
      else reader.skipType(tag & 7);
    }
    if (!check) return undefined;
    const key = children.key;
    if (own === undefined) return caught(() => ({ [key]: children.values() }));
    return caught(() => levelFromWire(fields, own, key, () => children.values()));
  }

  /** The item (span, metric, log record) of `length` bytes at the reader, converted when checked. */
  #itemAt(reader: Reader, length: number, check: boolean): unknown {
    const item = this.#types.item.decode(reader, length);
    return check ? caught(() => this.#item(item)) : undefined;
  }

  async #turn(reader: Reader): Promise<void> {
    if (reader.pos - this.#yieldedAt < this.sliceBytes) return;
    this.#yieldedAt = reader.pos;
    await nextTurn();
  }
}
